using System.CommandLine;
using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Cli;

/// <summary><c>gongkai deadline</c> and <c>gongkai fee</c>: the statutory arithmetic, for checking by hand and by script.</summary>
public static class ApplicationCommands
{
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
            Deadline deadline;
            try
            {
                deadline = ReplyDeadline.Compute(WorkingCalendar.National, facts);
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
