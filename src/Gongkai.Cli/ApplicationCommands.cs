using System.CommandLine;
using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Applications;
using Gongkai.Data.Audit;
using Gongkai.Data.Calendar;
using Gongkai.Data.Schema;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai deadline</c> and <c>gongkai fee</c>: the statutory arithmetic, for checking by hand and
/// by script; <c>gongkai application register</c>: a paper application entered from a terminal.
/// </summary>
public static class ApplicationCommands
{
    public static Command Application(CliIo io)
    {
        var agency = new Option<string>("--agency") { Description = "受理机关的简码（如 qx-bsz）", Required = true };
        var received = new Option<string?>("--received") { Description = "收到申请的日期 YYYY-MM-DD（默认今天）" };
        var channel = new Option<string>("--channel") { Description = "提交方式：当面提交、邮寄、平常信函、传真、网络、其他", Required = true };
        var kind = new Option<string>("--kind") { Description = "申请人类型：自然人（默认）、商业企业、科研机构、社会公益组织、法律服务机构、其他组织", DefaultValueFactory = _ => "自然人" };
        var name = new Option<string>("--name") { Description = "申请人姓名或名称", Required = true };
        var idNumber = new Option<string?>("--id-number") { Description = "身份证号码（自然人必填）" };
        var phone = new Option<string>("--phone") { Description = "联系电话", Required = true };
        var email = new Option<string?>("--email") { Description = "电子邮箱" };
        var address = new Option<string?>("--address") { Description = "通信地址" };
        var description = new Option<string>("--description") { Description = "所需政府信息的名称、文号或描述", Required = true };
        var form = new Option<string>("--form") { Description = "获取信息的方式：" + string.Join("、", Applicant.Forms), DefaultValueFactory = _ => "邮寄纸质件" };
        var register = new Command("register", "登记一件依申请公开申请（首行为查询号，第二行为答复期限，其后为查询码）")
        {
            agency, received, channel, kind, name, idNumber, phone, email, address, description, form,
        };
        register.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var applicant = new Applicant(Parse<ApplicantKind>(parse.GetValue(kind)!, "--kind", k => k.Label()), parse.GetValue(name)!,
                parse.GetValue(idNumber), parse.GetValue(phone)!, parse.GetValue(email), parse.GetValue(address), parse.GetValue(description)!, parse.GetValue(form)!);
            if (applicant.Problems().FirstOrDefault() is ({ } field, { } problem))
            {
                throw new CliException($"{OptionOf(field)}：{problem}");
            }
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct: ct);
            db.Actor.Set(null, "命令行");
            var code = parse.GetValue(agency)!.Trim();
            var agencyId = await db.Agencies.Where(a => a.ShortCode == code).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct)
                ?? throw new CliException($"--agency：没有简码为“{code}”的机关。");
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var day = parse.GetValue(received) is { } text ? Date(text, "--received") : ChinaTime.Today(clock);
            var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendars>().CurrentAsync(db, ct);
            var outcome = await ApplicationRecords.RegisterAsync(db, applicant, agencyId, day, Parse<Channel>(parse.GetValue(channel)!, "--channel", c => c.Label()),
                calendar, ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime, null, ct);
            if (!outcome.IsDone)
            {
                throw new CliException(outcome.Problems[0].Field == "Received" ? $"--received：{outcome.Message}" : outcome.Message!);
            }
            var (application, secret) = outcome.Value;
            await io.Out.WriteLineAsync(application.TrackingNumber);
            await io.Out.WriteLineAsync(application.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await io.Out.WriteLineAsync($"查询码 {secret}（只显示这一次，请交给申请人）");
            if (calendar.IsProvisional(application.Received, application.DueDate))
            {
                await io.Out.WriteLineAsync(WorkingCalendar.ProvisionalNote(application.DueDate.Year));
            }
            return 0;
        }));
        return new Command("application", "依申请公开") { register, MovingInCommands.LedgerImportCommand(io) };
    }

    /// <summary>A value named by its Chinese label (or the start of it, 邮寄 for 邮寄（需签收）) or its code name.</summary>
    private static T Parse<T>(string text, string option, Func<T, string> label) where T : struct, Enum =>
        Domain.Text.Labels.Parse(text, label) ?? throw new CliException($"{option} 应为 {Domain.Text.Labels.Choices(label)} 之一，而不是“{text}”。");

    private static string OptionOf(string field) => field switch
    {
        nameof(Applicant.IdNumber) => "--id-number",
        nameof(Applicant.Phone) => "--phone",
        nameof(Applicant.Name) => "--name",
        nameof(Applicant.Email) => "--email",
        nameof(Applicant.Address) => "--address",
        nameof(Applicant.Description) => "--description",
        nameof(Applicant.FormWanted) => "--form",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "an applicant's field with no option"),
    };

    public static Command Deadline(CliIo io)
    {
        var received = new Option<string>("--received") { Description = "收到申请的日期 YYYY-MM-DD", Required = true };
        var rules = new Option<string?>("--rules") { Description = "适用的条例：2007 或 2019（默认按收到日期）" };
        var supplement = new Option<string?>("--supplement-received") { Description = "收到补正后申请的日期 YYYY-MM-DD" };
        var consultations = new Option<string[]>("--consultation") { Description = "征求意见期间 FROM..TO，可重复", AllowMultipleArgumentsPerToken = false };
        var extension = new Option<int>("--extension") { Description = "延长的工作日数" };
        var command = new Command("deadline", "计算依申请公开的答复期限（首行为到期日 YYYY-MM-DD，其后为逐日说明）") { received, rules, supplement, consultations, extension };
        command.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var facts = new DeadlineFacts(
                Date(parse.GetValue(received)!, "--received"),
                parse.GetValue(rules) switch
                {
                    null => null,
                    "2007" => ReplyRules.Regulation2007,
                    "2019" => ReplyRules.Regulation2019,
                    var other => throw new CliException($"--rules 应为 2007 或 2019，而不是 {other}。"),
                },
                parse.GetValue(supplement) is { } s ? Date(s, "--supplement-received") : null,
                (parse.GetValue(consultations) ?? []).Select(Pause).ToList(),
                parse.GetValue(extension));
            // The calendar the site uses: the database's loaded schedules when there is a database.
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendars>()
                .CurrentIfAnyAsync(scope.ServiceProvider.GetRequiredService<GongkaiDb>(), ct);
            Deadline deadline;
            try
            {
                deadline = ReplyDeadline.Compute(calendar, facts);
            }
            catch (Exception e) when (e is DeadlineException or CalendarGapException)
            {
                throw new CliException(e.Message);
            }
            await io.Out.WriteLineAsync(deadline.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var line in deadline.Explanation)
            {
                await io.Out.WriteLineAsync(line);
            }
            return 0;
        }));
        return command;
    }

    public static Command Fee(CliIo io)
    {
        var request = new Option<int?>("--request-number") { Description = "按件计收：本申请人本自然月内的第 N 件申请" };
        var pages = new Option<int?>("--pages") { Description = "按量计收：页数" };
        var command = new Command("fee", "计算信息处理费（首行为金额，单位元，其后为适用的档次）") { request, pages };
        command.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var (n, p) = (parse.GetValue(request), parse.GetValue(pages));
            if (n is null == p is null)
            {
                throw new CliException("请给出 --request-number 或 --pages 其中之一（同一申请只能选择一种计收方式）。");
            }
            if (n is < 1 || p is < 0)
            {
                throw new CliException(n is not null ? "--request-number 应为不小于 1 的整数。" : "--pages 应为不小于 0 的整数。");
            }
            var fee = n is { } number ? ProcessingFee.ForRequest(number) : ProcessingFee.ForPages(p!.Value);
            await io.Out.WriteLineAsync(fee.Amount.ToString(CultureInfo.InvariantCulture));
            foreach (var tier in fee.Tiers)
            {
                var range = tier.To == int.MaxValue ? $"{tier.From} 起" : $"{tier.From}–{tier.To}";
                await io.Out.WriteLineAsync(n is not null
                    ? $"第 {n} 件属于 {range} 件档：每件 {tier.PricePerUnit} 元"
                    : $"{range} 页档：{tier.Units} 页 × {tier.PricePerUnit} 元 = {tier.Amount} 元");
            }
            return 0;
        }));
        return command;
    }

    private static DateOnly Date(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliException($"{option} 应为 YYYY-MM-DD 格式的日期，而不是“{text}”。");

    private static ClockPause Pause(string text)
    {
        var parts = text.Split("..");
        if (parts.Length != 2)
        {
            throw new CliException($"--consultation 应为 FROM..TO（如 2023-03-06..2023-03-20），而不是“{text}”。");
        }
        return new ClockPause(Date(parts[0], "--consultation"), Date(parts[1], "--consultation"), "征求意见");
    }
}
