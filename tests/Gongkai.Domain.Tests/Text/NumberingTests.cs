using Gongkai.Domain.Text;

namespace Gongkai.Domain.Tests.Text;

public sealed class NumberingTests
{
    [Theory]
    [InlineData("1．属于国家秘密", "arabic", "1")]
    [InlineData("12、其他", "arabic", "12")]
    [InlineData("2. 政府公报公开", "arabic", "2")]
    [InlineData("（三）不予公开", "paren", "三")]
    [InlineData("(十二) 其他", "paren", "十二")]
    [InlineData("四、政府信息公开行政复议", "chinese", "四")]
    [InlineData("  五．其他", "chinese", "五")]
    public void Lead_ReadsEveryWayALabelIsNumbered(string text, string group, string number)
    {
        var match = Numbering.Lead().Match(text);

        Assert.True(match.Success);
        Assert.Equal(number, match.Groups[group].Value);
        Assert.True(Numbering.IsNumbered(text));
    }

    [Theory]
    [InlineData("主动公开政府信息数")]
    [InlineData("2019年度")]
    [InlineData("其中：网站公开")]
    [InlineData("一二三")]
    public void AnUnnumberedLabel_IsNotNumbered(string text) => Assert.False(Numbering.IsNumbered(text));

    [Fact]
    public void Among_StartsALabel_ButIsNoNumber()
    {
        Assert.True(Numbering.StartsLabel("其中：1.网站公开"));
        Assert.True(Numbering.StartsLabel("其中 网站公开"));
        Assert.False(Numbering.StartsLabel("网站公开"));
    }

    [Theory]
    [InlineData("四、政府信息公开行政复议", true)]
    [InlineData("（四）其他", false)]
    [InlineData("4．其他", false)]
    [InlineData("四.其他", false)]
    public void APartsHeading_IsAChineseNumeralAndDunhao(string text, bool part) => Assert.Equal(part, Numbering.IsPartHeading(text));

    [Theory]
    [InlineData("6262027 2.", "2")]
    [InlineData("0 0 3、", "3")]
    [InlineData("12", null)]
    public void Trailing_IsTheNumberThatRanIntoTheNextLabel(string figures, string? number)
    {
        var match = Numbering.Trailing().Match(figures);

        Assert.Equal(number, match.Success ? match.Groups[1].Value : null);
    }
}
