using Gongkai.Data.Mail;
using Gongkai.Tests;

namespace Gongkai.Data.Tests;

/// <summary>One node runs each daily job: the day is claimed by inserting it, and a failed run gives it back.</summary>
public sealed class ScheduledJobsTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoNodesClaimingTheSameDay_OneRunsTheJob_AndAFailedRunGivesTheDayBack(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var nodeA = await Contexts.MigratedAsync(database);
        await using var nodeB = Contexts.Open(database);
        var day = new DateOnly(2027, 1, 20);
        var now = DateTime.UtcNow;

        var claims = await Task.WhenAll(
            ScheduledJobs.ClaimAsync(nodeA, Reminders.Job, day, "a", now, CancellationToken.None),
            ScheduledJobs.ClaimAsync(nodeB, Reminders.Job, day, "b", now, CancellationToken.None));
        Assert.Single(claims, c => c);
        Assert.False(await ScheduledJobs.ClaimAsync(nodeB, Reminders.Job, day, "b", now, CancellationToken.None));
        Assert.True(await ScheduledJobs.ClaimAsync(nodeB, Reminders.Job, day.AddDays(1), "b", now, CancellationToken.None));

        await ScheduledJobs.ReleaseAsync(nodeA, Reminders.Job, day, CancellationToken.None);
        Assert.True(await ScheduledJobs.ClaimAsync(nodeB, Reminders.Job, day, "b", now, CancellationToken.None));
        await ScheduledJobs.FinishAsync(nodeB, Reminders.Job, day, "写入每日待办提醒 0 封", now, CancellationToken.None);
        await ScheduledJobs.ReleaseAsync(nodeA, Reminders.Job, day, CancellationToken.None); // a finished run is not given back
        Assert.False(await ScheduledJobs.ClaimAsync(nodeA, Reminders.Job, day, "a", now, CancellationToken.None));
    }
}
