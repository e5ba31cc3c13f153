using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Domain.Tests.Reports.Import.TableLayout;

public sealed class CellStreamRowsTests
{
    /// <summary>A 统计表 copied one cell per line, each ending in "|", with nothing marking a row's end.</summary>
    private static ImportedReport Parse(params string[] cells) =>
        ReportParser.ParseText("t.txt", "某镇2017年政府信息公开工作年度报告\n" + string.Join("\n", cells.Select(c => c + "|")));

    private static decimal? Value(ImportedReport imported, string row) => imported.Report.Values.Number(new CellKey("stats", row, "value"));

    [Fact]
    public void FromTheLabelHeaderOn_TheCellsAreCutIntoRowsAsWideAsTheHeader()
    {
        var imported = Parse("统计指标", "单位", "统计数", "一、主动公开情况", "", "",
            "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "6481", "其中：主动公开规范性文件数", "条", "5", "制发规范性文件总数", "件", "2");

        Assert.Equal(("legacy-national", 6481m, 5m, 2m),
            (imported.Report.FormatCode, Value(imported, "proactive.items")!.Value, Value(imported, "proactive.items.normative")!.Value, Value(imported, "proactive.items.normative_issued")!.Value));
    }

    [Fact]
    public void WithoutTheLabelHeader_EachCellStaysARow_AndTheRestOfWrappedLabelRuleGivesEachRowItsFigure()
    {
        var imported = Parse("一、主动公开情况", "", "",
            "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "6481", "其中：主动公开规范性文件数", "条", "5", "制发规范性文件总数", "件", "2");

        Assert.Equal("legacy-national", imported.Report.FormatCode);
        // A unit and then a figure on lines of their own are what a label wrapped over lines leaves (RestOfWrappedLabel).
        Assert.Equal((6481m, 5m, 2m), (Value(imported, "proactive.items")!.Value, Value(imported, "proactive.items.normative")!.Value, Value(imported, "proactive.items.normative_issued")!.Value));
    }
}
