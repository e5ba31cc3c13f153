using Gongkai.Domain.Staff;

namespace Gongkai.Domain.Tests.Staff;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("Gongkai2026", null)]
    [InlineData("gongkai-2026", null)]
    [InlineData("GONGKAI_zhen", null)]
    [InlineData("Gk2026!", "密码至少 10 位。")]
    [InlineData("gongkai2026", "密码须包含大写字母、小写字母、数字和其他符号中的至少三种。")]
    [InlineData("GONGKAIGONGKAI", "密码须包含大写字母、小写字母、数字和其他符号中的至少三种。")]
    [InlineData("2026202620", "密码须包含大写字母、小写字母、数字和其他符号中的至少三种。")]
    [InlineData("Bsz.Clerk2026", "密码不能包含用户名。")]
    [InlineData("", "请填写密码。")]
    public void APassword_NeedsTenCharactersOfThreeKinds_AndNotTheUserName(string password, string? problem) =>
        Assert.Equal(problem, PasswordRules.Problem(password, "bsz.clerk"));
}
