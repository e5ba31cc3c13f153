using Gongkai.Domain.Reports.Import.TextLayout;

namespace Gongkai.Domain.Tests.Reports.Import.TextLayout;

public sealed class FigureLinesAmongRowsTests
{
    [Fact]
    public void TwoLinesOfALabelAndAsManyFiguresOneSpaceApart_AreRows()
    {
        var lines = new TextLines("4．保护第三方合法 0 0 0\n5．保护其他 1 2 3");

        Assert.Equal([LineKind.SpaceRow, LineKind.SpaceRow], lines.Kinds);
    }

    [Fact]
    public void OneSuchLineAlone_IsRunningText()
    {
        var lines = new TextLines("本年共收到申请 12 件 3 4\n\n以下为正文。");

        Assert.Equal(LineKind.Text, lines.Kinds[0]);
    }

    [Fact]
    public void AWrappedLabelsRest_BetweenTwoSuchLines_DoesNotKeepThemApart()
    {
        var lines = new TextLines("4．保护第三方合法 0 0 0\n权益\n5．保护其他 1 2 3");

        Assert.Equal([LineKind.SpaceRow, LineKind.Text, LineKind.SpaceRow], lines.Kinds);
    }

    [Fact]
    public void ALineLongerThanLongestRow_IsNeverARow()
    {
        var lines = new TextLines("4．保护第三方合法 0 0 0\n5．保护其他 1 2 3", rows: new FigureLinesAmongRows.Options(LongestRow: 12));

        Assert.Equal([LineKind.Text, LineKind.Text], lines.Kinds);
    }

    [Fact]
    public void MoreLabelPiecesThanMostLabelRests_KeepTheRowsApart()
    {
        const string text = "4．保护第三方合法 0 0 0\n权\n益\n5．保护其他 1 2 3";

        Assert.Equal(LineKind.SpaceRow, new TextLines(text).Kinds[0]);
        Assert.Equal(LineKind.Text, new TextLines(text, rows: new FigureLinesAmongRows.Options(MostLabelRests: 1)).Kinds[0]);
    }
}
