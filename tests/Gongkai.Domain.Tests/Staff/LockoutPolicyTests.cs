using Gongkai.Domain.Staff;

namespace Gongkai.Domain.Tests.Staff;

public sealed class LockoutPolicyTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc);
    private readonly LockoutPolicy _policy = LockoutPolicy.Default;

    [Fact]
    public void FivePasswordsAreChecked_AndTheFifthWrongOneLocksTheAccount()
    {
        Assert.All(Enumerable.Range(1, 5), attempt => Assert.True(_policy.MayCheck(attempt)));
        Assert.False(_policy.MayCheck(6));
        Assert.Equal([false, false, false, false, true], Enumerable.Range(1, 5).Select(_policy.LocksAfter));
        Assert.Equal(TimeSpan.FromMinutes(15), _policy.LockoutDuration);
    }

    [Fact]
    public void ALockout_EndsWhenItsTimeIsUp()
    {
        var end = Now.AddMinutes(15);
        Assert.True(_policy.IsLockedOut(end, Now));
        Assert.True(_policy.IsLockedOut(end, end.AddTicks(-1)));
        Assert.False(_policy.IsLockedOut(end, end));
        Assert.False(_policy.IsLockedOut(null, Now));
    }
}
