using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;
using Gongkai.Domain.Reports.Import.TableLayout;

namespace Gongkai.Domain.Tests.Reports.Import.TableLayout;

public sealed class CellStreamRowsTests
{
    private static SourceTable Stream(params string[] cells) =>
        new([.. cells.Select((c, i) => new SourceRow([new SourceCell(c, $"{i + 1}")], $"{i + 1}"))], CellStream: true);

    private static List<string> Cut(SourceTable table) =>
        [.. CellStreamRows.Cut(new TableAligner(ReportFormats.Get("legacy-national"), new TextMemo()), table).Select(r => string.Join(" | ", r.Cells.Select(c => c.Text)))];

    [Fact]
    public void FromTheLabelHeaderOn_TheCellsAreCutIntoRowsAsWideAsTheHeader() =>
        Assert.Equal(["统计指标 | 单位 | 统计数", "一、主动公开情况 |  | ", "（一）主动公开政府信息数 | 条 | 6481", "其中：主动公开规范性文件数 | 条 | 5"],
            Cut(Stream("附表", "统计指标", "单位", "统计数", "一、主动公开情况", "", "", "（一）主动公开政府信息数", "条", "6481", "其中：主动公开规范性文件数", "条", "5")));

    [Fact]
    public void WithoutTheLabelHeader_EachCellStaysARowOfItsOwn() =>
        Assert.Equal(["一、主动公开情况", "（一）主动公开政府信息数", "条", "6481"],
            Cut(Stream("一、主动公开情况", "（一）主动公开政府信息数", "条", "6481")));

    /// <summary>Through the whole parser: a 统计表 copied one cell per line, each ending in "|".</summary>
    [Fact]
    public void AStatisticsSheetOneCellPerLine_ReadsItsFigures()
    {
        var imported = ReportParser.ParseText("t.txt", "某镇2017年政府信息公开工作年度报告\n" + string.Join("\n", new[] { "统计指标", "单位", "统计数", "一、主动公开情况", "", "",
            "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "6481", "其中：主动公开规范性文件数", "条", "5", "制发规范性文件总数", "件", "2" }.Select(c => c + "|")));

        Assert.Equal("legacy-national", imported.Report.FormatCode);
        Assert.Equal([6481m, 5m, 2m], new[] { "proactive.items", "proactive.items.normative", "proactive.items.normative_issued" }
            .Select(r => imported.Report.Values.Number(new CellKey("stats", r, "value"))!.Value));
    }
}
