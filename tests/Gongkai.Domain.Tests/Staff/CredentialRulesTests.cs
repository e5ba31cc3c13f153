using Gongkai.Domain.Staff;

namespace Gongkai.Domain.Tests.Staff;

public sealed class CredentialRulesTests
{
    [Theory]
    [InlineData(null, "请填写密码。")]
    [InlineData("", "请填写密码。")]
    [InlineData("abc123", "密码至少 8 位。")]
    [InlineData("abcdefgh", "密码须同时包含字母和数字。")]
    [InlineData("12345678", "密码须同时包含字母和数字。")]
    [InlineData("bs.clerk99x", "密码不能包含用户名。")]
    public void APassword_IsRefusedWithTheReason(string? password, string reason)
    {
        Assert.Equal(reason, PasswordRules.Problem(password, "bs.clerk"));
    }

    [Fact]
    public void APasswordOfLettersAndDigits_IsAccepted()
    {
        Assert.Null(PasswordRules.Problem("Qingxi2026", "bs.clerk"));
    }

    [Theory]
    [InlineData("bs.clerk", true)]
    [InlineData("BS.Clerk", true)]
    [InlineData("  qx-admin_1 ", true)]
    [InlineData("ab", false)]
    [InlineData(".abc", false)]
    [InlineData("张三", false)]
    [InlineData("a b c", false)]
    public void UserNames_AreShortLatinIdentifiers(string userName, bool valid)
    {
        Assert.Equal(valid, UserNameRules.Problem(userName) is null);
    }

    [Fact]
    public void UserNames_CompareWithoutCase()
    {
        Assert.Equal("bs.clerk", UserNameRules.Normalize(" BS.Clerk "));
    }
}
