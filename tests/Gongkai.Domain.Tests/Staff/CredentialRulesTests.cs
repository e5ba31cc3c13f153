using Gongkai.Domain.Staff;

namespace Gongkai.Domain.Tests.Staff;

public sealed class CredentialRulesTests
{
    // The password's rules: PasswordRulesTests.

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
