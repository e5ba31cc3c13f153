using Gongkai.Domain.Reports.Import;
using Gongkai.Domain.Reports.Import.TextLayout;

namespace Gongkai.Domain.Tests.Reports.Import.TextLayout;

public sealed class LabelPiecesAboveTests
{
    [Fact]
    public void IndentedPiecesAboveTheFirstFigures_AreTheTablesFirstRows() =>
        Assert.Equal(["¶（续上页）", "4．保护第三方", "合法权益 | 0 | 0 | 0", "5．其他 | 1 | 2 | 3"],
            TextLayoutAssert.Blocks("（续上页）", "", "    4．保护第三方", "    合法权益          0 0 0", "    5．其他    1 2 3"));

    [Fact]
    public void AboveANumberedFirstRow_TheLinesStayTheCaption() =>
        Assert.Equal(["¶表三", "¶申请情况", "1．属于国家秘密 | 0 | 0 | 0", "2．其他 | 1 | 2 | 3"],
            TextLayoutAssert.Blocks("表三", "  申请情况", "  1．属于国家秘密      0 0 0", "  2．其他      1 2 3"));

    [Fact]
    public void APieceLongerThanLongestPiece_IsNotTaken()
    {
        var lines = new TextLines("    不予公开的理由\n    属于国家秘密      0 0 0\n    其他    1 2 3");
        var blocks = TextSource.Blocks(new TextLines("    不予公开的理由"));

        Assert.Single(new LabelPiecesAbove(new()).Take(lines, 1, blocks));
        Assert.Empty(new LabelPiecesAbove(new(LongestPiece: 6)).Take(lines, 1, blocks));
    }
}

public sealed class LabelAboveFiguresTests
{
    [Fact]
    public void AShortLineAboveAUnitAndAFigure_IsTheFirstRowsLabel() =>
        Assert.Equal(["主动公开政府信息数", "条 | 12", "其中：主动公开规范性文件数 | 条 | 3"],
            TextLayoutAssert.Blocks("主动公开政府信息数", "条  12", "其中：主动公开规范性文件数  条  3"));

    [Fact]
    public void AParagraphLongerThanLongestLabel_StaysAParagraph()
    {
        var lines = new TextLines("本机关认真贯彻落实政府信息公开条例，主动公开政府信息，全年情况如下表所示，请查阅。\n条  12\n件  3");
        var blocks = TextSource.Blocks(new TextLines(lines[0]));

        Assert.Empty(new LabelAboveFigures(new()).Take(lines, 1, blocks));
        Assert.Single(new LabelAboveFigures(new(LongestLabel: 100)).Take(lines, 1, blocks));
    }
}
