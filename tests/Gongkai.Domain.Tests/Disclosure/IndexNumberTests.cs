using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

public sealed class IndexNumberTests
{
    [Fact]
    public void TheDefaultPattern_GivesCodeYearAndPaddedSequence()
    {
        Assert.Equal("11330102002563567Q/2026-00012", IndexNumber.Format(IndexNumber.DefaultPattern, "11330102002563567Q", 2026, 12));
        Assert.Equal("QX-BSZ-2025-0001", IndexNumber.Format("QX-BSZ-{年}-{序号4}", "x", 2025, 1));
    }

    [Theory]
    [InlineData("{机构代码}-{序号5}", "须包含一个 {年}")]
    [InlineData("{机构代码}/{年}", "须包含一个 {年} 和一个 {序号N}")]
    [InlineData("{机构}/{年}-{序号5}", "未知的占位符：{机构}")]
    [InlineData("", "请填写索引号规则")]
    public void APatternThatCouldRepeatOrIsMisspelt_IsRefused(string pattern, string message)
    {
        Assert.Contains(message, IndexNumber.Problem(pattern));
    }
}
