using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Formats;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Domain.Tests.Reports.Import;

/// <summary>Local statistics sheets read as printed, from running text.</summary>
public sealed class SheetReaderTests
{
    private static ImportedReport Parse(string body) =>
        ReportParser.ParseText("page.txt", "某局2016年度政府信息公开工作年度报告\n" + body + "\n某局\n2017年1月10日");

    private static IReadOnlyDictionary<string, decimal?> Figures(ImportedReport imported) =>
        imported.Report.Format.Cells().Where(c => c.Column.Code != PrintedSheets.Unit)
            .ToDictionary(c => $"{string.Join(" / ", ReportLabels.RowPath(c))} | {c.Column.Label}", c => imported.Report.Values.Number(c.Key));

    [Fact]
    public void QiZhong_StartsTheParts_NumberedRowsFollowTheirList_AndAnUnnumberedRowIsTheSheets()
    {
        var imported = Parse("附表 指 标 名 称 单位 数量 正式受理政府信息公开申请数 件 3 其中：1．在办 件 1 2．办结 件 2 其中：1．同意提供 件 2 2．拒绝提供 件 0 " +
            "3．其他 件 0 政府信息咨询数 件 7 行政复议数 件 0");

        Assert.True(PrintedSheets.IsSheet(imported.Report.FormatCode));
        var figures = Figures(imported);
        Assert.Equal(3, figures["正式受理政府信息公开申请数 | 数量"]);
        Assert.Equal(2, figures["正式受理政府信息公开申请数 / 2.办结 / 1.同意提供 | 数量"]);
        // 3．其他 goes on the inner list (1．同意提供, 2．拒绝提供), the one whose last number is 2.
        Assert.Equal(0, figures["正式受理政府信息公开申请数 / 2.办结 / 3.其他 | 数量"]);
        Assert.Equal((7m, 0m), (figures["政府信息咨询数 | 数量"]!.Value, figures["行政复议数 | 数量"]!.Value));
        Assert.Equal(8, figures.Count);
    }

    [Fact]
    public void FiguresRunningIntoTheNextRowsNumber_EndBeforeIt_AndATotalIsDecidedWithItsParts()
    {
        // 受理…总数 "1423" and 3.信函… "1114" split several ways each; only 14|23 with 11|14 makes 1+2+11 and 5+4+14.
        var imported = Parse("指标名称单位2016年度历年累计受理政府信息公开申请总数条1423其中：1.当面申请数条152.网上申请数条243.信函、传真申请数条1114行政复议数件00");

        var figures = Figures(imported);
        Assert.Equal([14, 23, 1, 5, 2, 4, 11, 14, 0, 0], figures.Values.Select(v => v!.Value));
        Assert.Equal(["2016年度", "历年累计"], imported.Report.Format.Tables[0].Sections[0].LeafColumns().Skip(1).Select(c => c.Label));
        Assert.Equal("表内合计关系唯一确定了拆分", imported.Sources[new CellKey(PrintedSheets.Table, "r1", "c1")].Rule);
    }

    [Fact]
    public void AFigureTheTextStates_DecidesASplit_AndAPartNeverExceedsItsRow()
    {
        // "10774" is 10|774, 107|74 or 1077|4; the text says 107; the website row then cannot exceed the row above.
        var imported = Parse("2016年，我局主动公开政府信息107条。附表 指 标 名 称单位2016年历年累计主动公开文件数条10774 其中：1.政府网站公开数条10774 2.政府公报公开数条00行政复议数件00");

        var figures = Figures(imported);
        Assert.Equal([107, 74, 107, 74, 0, 0, 0, 0], figures.Values.Select(v => v!.Value));
        Assert.Equal("报告正文写明的数字唯一确定了拆分", imported.Sources[new CellKey(PrintedSheets.Table, "r1", "c1")].Rule);
    }

    [Fact]
    public void AnUndecidableSplit_StaysBlank_WithItsReason()
    {
        var imported = Parse("指标名称单位2016年度历年累计主动公开文件数条10774其中：1.政府网站公开数条10774行政复议数件00");

        Assert.Null(imported.Report.Values.Number(new CellKey(PrintedSheets.Table, "r1", "c1")));
        Assert.Contains(imported.Quality.Blank, b => b.Key == new CellKey(PrintedSheets.Table, "r1", "c1") && b.Code == BlankCode.SplitAmbiguous);
    }

    [Fact]
    public void ASheetReport_ReadsBackFromItsJson_WithItsOwnRowsAndColumns()
    {
        // 66 ≠ 60 + 0: a 其中 row need not add up (an item may go out on a channel not listed), so a warning.
        var imported = Parse("指标名称 计量单位 2016年度 历年累计 主动公开文件数 条 66 107 其中：1.政府网站公开数 条 60 100 2.政府公报公开数 条 0 0 行政复议数 件 0 0");

        var again = ReportJson.Read(ReportJson.Write(imported.Report));

        Assert.Equal(imported.Report.FormatCode, again.FormatCode);
        Assert.Equal(Figures(imported), new Dictionary<string, decimal?>(Figures(new ImportedReport(again, true, imported.Sources, [], [], imported.Quality))));
        Assert.Contains(imported.Problems, p => p.CheckCode == "r1.c1.sum" && p.Severity == Severity.Warning);
    }

    /// <summary>
    /// Issue 25: every distinct sheet read (anonymous parse-API previews too) stayed in a
    /// process-wide registry for ever. The report carries its sheet, and stored its cells carry the
    /// layout: nothing is registered, and a report read back still has its rows and columns.
    /// </summary>
    [Fact]
    public void ASheet_IsCarriedByItsReport_AndKeptNowhereElse()
    {
        var imported = Parse("指标名称 计量单位 2016年度 历年累计 主动公开文件数 条 66 107 其中：1.政府网站公开数 条 60 100 行政复议数 件 0 0");
        Assert.True(PrintedSheets.IsSheet(imported.Report.FormatCode));
        Assert.Null(ReportFormats.Find(imported.Report.FormatCode));
        Assert.Same(imported.Report.Sheet, imported.Report.Format);
        var again = ReportJson.Read(ReportJson.Write(imported.Report));
        Assert.Equal(imported.Report.Format.Cells().Select(c => c.Key), again.Format.Cells().Select(c => c.Key));
        Assert.Equal(imported.Report.Format.Cells().Select(c => c.Row.Label), (again with { Title = "另一份" }).Format.Cells().Select(c => c.Row.Label));
    }
}
