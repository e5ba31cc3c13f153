using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Data.Mail;
using Gongkai.Data.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary><c>gongkai jobs run reminders --date 2027-01-20</c>: run a scheduled job once, for operators and tests.</summary>
public static class JobCommands
{
    public static Command Create(CliIo io)
    {
        var jobs = new Command("jobs", "定时任务（每日提醒、发送邮件）");
        var name = new Argument<string>("job") { Description = $"任务名：{string.Join("、", ScheduledJobs.Names)}" };
        var date = new Option<string?>("--date") { Description = "按哪一天运行（yyyy-MM-dd，默认今天，北京时间）" };
        var run = new Command("run", "立即运行一次任务（不占用当天的定时运行）") { name, date };
        run.SetAction((parse, ct) => GongkaiCommand.Guard(io, async () =>
        {
            var job = parse.GetValue(name)!.Trim();
            if (!ScheduledJobs.Names.Contains(job))
            {
                throw new CliException($"没有名为“{job}”的任务；可用：{string.Join("、", ScheduledJobs.Names)}。");
            }
            using var services = GongkaiCommand.Services(parse);
            using var scope = services.CreateScope();
            var provider = scope.ServiceProvider;
            await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct: ct);
            var db = provider.GetRequiredService<GongkaiDb>();
            db.Actor.Set(null, "命令行");
            var clock = provider.GetRequiredService<TimeProvider>();
            var day = parse.GetValue(date) is { } text
                ? DateOnly.TryParseExact(text, "yyyy-MM-dd", out var parsed) ? parsed : throw new CliException($"--date：“{text}”不是日期（yyyy-MM-dd）。")
                : Domain.Calendar.ChinaTime.Today(clock);
            var result = await ScheduledJobs.RunAsync(job, db, provider.GetRequiredService<WorkingCalendars>(), provider.GetRequiredService<Notices>(),
                provider.GetRequiredService<Mailer>(), day, clock.GetUtcNow().UtcDateTime, ct);
            await io.Out.WriteLineAsync(result);
            return 0;
        }));
        jobs.Subcommands.Add(run);
        return jobs;
    }
}
