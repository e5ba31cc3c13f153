using Gongkai.Data.Mail;

namespace Gongkai.Web.Mail;

/// <summary>
/// The web app's background work: sends what is due in the outbox every
/// <c>Mail:SendIntervalSeconds</c>, and once a day after <c>Jobs:RemindersAt</c> (Beijing time) runs
/// the reminders job on the one node that claims the day. <c>Jobs:Enabled = false</c> leaves both to
/// another process (<c>gongkai jobs run</c> from cron, say).
/// </summary>
public sealed class MailWorker(IServiceScopeFactory scopes, JobSettings jobs, MailSettings mail, TimeProvider clock, ILogger<MailWorker> log) : BackgroundService
{
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!jobs.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database that is briefly away (a restart, a failover) must not end the worker.
                log.LogError(e, "Mail worker round failed; trying again in {Interval}.", mail.SendInterval);
            }
            try
            {
                await Task.Delay(mail.SendInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<GongkaiDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var china = now + ChinaTime.Offset;
        var today = DateOnly.FromDateTime(china);
        if (TimeOnly.FromDateTime(china) >= jobs.RemindersAt && await ScheduledJobs.ClaimAsync(db, Reminders.Job, today, _node, now, ct))
        {
            db.Actor.Set(null, "定时任务");
            string done;
            try
            {
                done = await ScheduledJobs.RunAsync(Reminders.Job, db, provider.GetRequiredService<WorkingCalendars>(), provider.GetRequiredService<Notices>(), provider.GetRequiredService<Mailer>(), today, now, ct);
            }
            catch
            {
                // The day's claim is given back, so that the next round (on any node) runs the job again.
                db.ChangeTracker.Clear();
                await ScheduledJobs.ReleaseAsync(db, Reminders.Job, today, CancellationToken.None);
                throw;
            }
            await ScheduledJobs.FinishAsync(db, Reminders.Job, today, done, now, ct);
            log.LogInformation("Reminders for {Day}: {Result}", today, done);
        }
        var round = await OutboxSender.SendDueAsync(db, provider.GetRequiredService<Mailer>(), now, ct);
        if (round.Failed > 0)
        {
            log.LogWarning("Outbox: {Sent} sent, {Failed} failed (kept for retry).", round.Sent, round.Failed);
        }
    }
}

/// <summary>The <c>Jobs</c> section: whether this process runs the background work, and when the daily reminders go.</summary>
public sealed record JobSettings(bool Enabled, TimeOnly RemindersAt)
{
    public static JobSettings Read(IConfiguration configuration)
    {
        var s = configuration.GetSection("Jobs");
        var enabled = Gongkai.Data.SettingsCheck.Bool(s, "Enabled", true);
        var at = s["RemindersAt"] is not { } time ? new TimeOnly(7, 30)
            : TimeOnly.TryParseExact(time, "HH:mm", out var parsed) ? parsed
            : throw new SettingsException($"Jobs:RemindersAt = '{time}' must be a time of day such as 07:30 (Beijing time). （每日提醒时间 Jobs:RemindersAt 应为 07:30 这样的时刻）");
        return new JobSettings(enabled, at);
    }
}
