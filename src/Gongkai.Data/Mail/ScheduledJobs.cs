using Gongkai.Data.Calendar;

namespace Gongkai.Data.Mail;

/// <summary>
/// The jobs that run on a schedule, by name, for the web app's worker and for
/// <c>gongkai jobs run</c>: <c>reminders</c> once a day, <c>outbox</c> (send what is due) all the time.
/// </summary>
public static class ScheduledJobs
{
    public const string Outbox = "outbox";

    public static readonly IReadOnlyList<string> Names = [Reminders.Job, Outbox];

    /// <summary>
    /// Claims <paramref name="job"/> for <paramref name="day"/>: true on the one node whose row went in,
    /// false on every other (the key is taken). Both databases enforce the key, so no lock is needed.
    /// </summary>
    public static async Task<bool> ClaimAsync(GongkaiDb db, string job, DateOnly day, string node, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.JobRuns.AnyAsync(r => r.Job == job && r.Day == day, ct))
        {
            return false;
        }
        var run = new JobRun { Job = job, Day = day, Node = node, StartedUtc = nowUtc };
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            // Not kept tracked either way: another node may give the day back (ReleaseAsync deletes
            // the row in the database), and this context must then be able to claim it again.
            db.Entry(run).State = EntityState.Detached;
        }
    }

    /// <summary>Runs <paramref name="job"/> as on <paramref name="day"/>; what it did, in words.</summary>
    public static async Task<string> RunAsync(string job, GongkaiDb db, WorkingCalendars calendars, Notices notices, Mailer mailer, DateOnly day, DateTime nowUtc, CancellationToken ct)
    {
        switch (job)
        {
            case Reminders.Job:
                var result = await Reminders.RunAsync(db, await calendars.CurrentAsync(db, ct), notices.Site, day, nowUtc, ct);
                return $"{day:yyyy-MM-dd}：写入每日待办提醒 {result.Digests} 封、年度报告报送提醒 {result.Warnings} 封。";
            case Outbox:
                var round = await OutboxSender.SendDueAsync(db, mailer, nowUtc, ct);
                return $"发出邮件 {round.Sent} 封，发送失败 {round.Failed} 封（稍后重试）。";
            default:
                throw new ArgumentException($"没有名为“{job}”的任务；可用：{string.Join("、", Names)}。", nameof(job));
        }
    }

    /// <summary>Gives back a claim whose run failed.</summary>
    public static Task ReleaseAsync(GongkaiDb db, string job, DateOnly day, CancellationToken ct) =>
        db.JobRuns.Where(r => r.Job == job && r.Day == day && r.FinishedUtc == null).ExecuteDeleteAsync(ct);

    /// <summary>Records how the claimed run of <paramref name="job"/> ended.</summary>
    public static async Task FinishAsync(GongkaiDb db, string job, DateOnly day, string result, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.JobRuns.SingleOrDefaultAsync(r => r.Job == job && r.Day == day, ct) is { } run)
        {
            run.FinishedUtc = nowUtc;
            run.Result = result.Length > 500 ? result[..500] : result;
            await db.SaveChangesAsync(ct);
        }
    }
}
