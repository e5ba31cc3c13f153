using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Formats;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Domain.Tests.Reports.Import;

/// <summary>Local statistics sheets printed as tables with their cells apart (<see cref="SheetTable"/>).</summary>
public sealed class SheetTableTests
{
    private const string Title = "某局2016年度政府信息公开工作年度报告";

    private const string RunTogether = "指标名称 计量单位 2016年度 历年累计 主动公开文件数 条 66 107 其中：1.政府网站公开数 条 66 107 2.政府公报公开数 条 0 0 " +
        "受理政府信息公开申请总数 条 3 9 行政复议数 件 0 1";

    private static SourceRow Row(params string[] cells) => new([.. cells.Select(c => new SourceCell(c, "t"))], "t");

    [Fact]
    public void ASheetAsATable_GetsTheFormatAndFiguresItGetsAsRunningText()
    {
        var table = new SourceTable([Row("指标名称", "计量单位", "2016年度", "历年累计"), Row("主动公开文件数", "条", "66", "107"), Row("其中：1.政府网站公开数", "条", "66", "107"),
            Row("2.政府公报公开数", "条", "0", "0"), Row("受理政府信息公开申请总数", "条", "3", "9"), Row("行政复议数", "件", "0", "1")]);

        var fromTable = ReportParser.Parse(new SourceDocument("t.html", [new SourceParagraph(Title, "p"), table]));
        var fromText = ReportParser.ParseText("t.txt", Title + "\n" + RunTogether);

        Assert.True(PrintedSheets.IsSheet(fromTable.Report.FormatCode));
        Assert.Equal(fromText.Report.FormatCode, fromTable.Report.FormatCode);
        Assert.Equal((ImportLayout.PrintedSheetTable, ImportLayout.PrintedSheetRunTogether), (fromTable.Quality.Layout, fromText.Quality.Layout));
        var cells = fromText.Report.Format.Cells().Where(c => c.Column.Code != PrintedSheets.Unit).ToList();
        Assert.Equal(10, cells.Count);
        Assert.All(cells, c => Assert.Equal(fromText.Report.Values.Number(c.Key), fromTable.Report.Values.Number(c.Key)));
        Assert.Equal(107, fromTable.Report.Values.Number(new CellKey(PrintedSheets.Table, "r1.1", "c2")));
    }

    [Fact]
    public void AHeaderLineAboveAlignedRows_AndARowWhoseFigureIsNotPrinted()
    {
        // pdftotext -layout of the sheet: the header has no figure (a line of text); the last row's
        // empty cell leaves it without one too, and it is still a row of the sheet, blank.
        var imported = ReportParser.ParseText("t.txt", string.Join("\n", Title, "        指标名称        计量单位      年末统计", "",
            "主动公开信息数            条          58", "  1.网站公开              条          58", "  2.政府公报公开          条          0", "行政申诉数                件"));

        Assert.Equal(ImportLayout.PrintedSheetTable, imported.Quality.Layout);
        var rows = imported.Report.Format.Tables[0].Sections[0].Rows.SelectMany(r => r.SelfAndDescendants()).Select(r => r.Label).ToList();
        Assert.Equal(["主动公开信息数", "1.网站公开", "2.政府公报公开", "行政申诉数"], rows);
        Assert.Equal(58, imported.Report.Values.Number(new CellKey(PrintedSheets.Table, "r1.1", "c1")));
        Assert.Contains(imported.Quality.Blank, b => b.Key == new CellKey(PrintedSheets.Table, "r2", "c1") && b.Code == BlankCode.NotPrinted);
    }

    [Fact]
    public void ARowShortOfFigures_IsBlankWithShortRow_NeverShifted()
    {
        var table = new SourceTable([Row("指标名称", "计量单位", "2016年度", "历年累计"), Row("主动公开文件数", "条", "66", "107"),
            Row("受理政府信息公开申请总数", "条", "9"), Row("行政复议数", "件", "0", "1")]);

        var imported = ReportParser.Parse(new SourceDocument("t.html", [new SourceParagraph(Title, "p"), table]));

        Assert.Null(imported.Report.Values.Number(new CellKey(PrintedSheets.Table, "r2", "c1")));
        Assert.Null(imported.Report.Values.Number(new CellKey(PrintedSheets.Table, "r2", "c2")));
        Assert.All(["c1", "c2"], c => Assert.Contains(imported.Quality.Blank, b => b.Key == new CellKey(PrintedSheets.Table, "r2", c) && b.Code == BlankCode.ShortRow));
        Assert.Equal(1, imported.Report.Values.Number(new CellKey(PrintedSheets.Table, "r3", "c2")));
    }
}
