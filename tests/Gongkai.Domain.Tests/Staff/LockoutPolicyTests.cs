using Gongkai.Domain.Staff;

namespace Gongkai.Domain.Tests.Staff;

public sealed class LockoutPolicyTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc);
    private readonly LockoutPolicy _policy = LockoutPolicy.Default;

    [Fact]
    public void TheFifthWrongPassword_LocksTheAccountForFifteenMinutes()
    {
        var (count, end) = (0, (DateTime?)null);
        for (var i = 1; i <= 4; i++)
        {
            (count, end) = _policy.AfterFailure(count, Now);
            Assert.Equal(i, count);
            Assert.Null(end);
        }
        (count, end) = _policy.AfterFailure(count, Now);
        Assert.Equal(0, count);
        Assert.Equal(Now.AddMinutes(15), end);
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
