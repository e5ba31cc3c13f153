using System.Diagnostics;
using System.Text;
using Gongkai.Documents.Files;
using Gongkai.Documents.Import;
using Gongkai.Documents.Reports;
using Gongkai.Documents.Tests.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Documents.Tests.Import;

/// <summary>Markdown read with Markdig (<see cref="MarkdownSource"/>): pipe tables, raw HTML tables, headings, emphasis.</summary>
public sealed class MarkdownSourceTests
{
    private static ImportedReport Parse(string markdown) => ReportFiles.Parse("report.md", Encoding.UTF8.GetBytes(markdown));

    [Fact]
    public void TheTitleAsAHeading_AndBoldHeaderCells_AreText()
    {
        var imported = Parse("""
            # 某局2015年度政府信息公开工作年度报告

            **2015年度政府信息公开情况统计表**

            | 指标名称 | **计量单位** | **年末统计** |
            |---|---|---|
            | 主动公开信息数 | 条 | 65 |
            | 　　1.网站公开 | 条 | 57 |
            | 　　2.政府公报公开 | 条 | 0 |
            | 行政复议数 | 件 | 0 |
            """);

        Assert.Equal(2015, imported.Report.Year);
        Assert.Equal(ImportLayout.PrintedSheetTable, imported.Quality.Layout);
        Assert.Equal(4, imported.Quality.Read);
        Assert.Equal(57, imported.Report.Values.Number(new CellKey("stats", "r1.1", "c1")));
    }

    [Fact]
    public void ARawHtmlTable_GoesToTheHtmlReader_BesidePipeTables()
    {
        // pandoc -t gfm writes a table with spanned cells (2021's table 三) as raw HTML, the others as pipe tables.
        var report = SampleReports.WithDistinctValues(ReportFormats.Get("2021"));
        var markdown = new StringBuilder($"# {report.Title}\n\n");
        foreach (var table in report.Format.Tables)
        {
            markdown.Append("## ").Append(table.Title).Append("\n\n");
            markdown.Append(string.Join("\n", ReportHtml.Table(table, report.Values, report.Year).Split('\n').Where(l => l.Trim().Length > 0))).Append("\n\n");
        }

        var imported = Parse(markdown.ToString());

        Assert.Equal("2021", imported.Report.FormatCode);
        var cells = report.Format.Cells().Where(c => c.Kind != ValueKind.UnitText).ToList();
        Assert.All(cells, c => Assert.Equal(report.Values.Number(c.Key), imported.Report.Values.Number(c.Key)));
    }

    [Fact]
    public void PipeRowsWithoutADelimiterRow_InAMarkdownFile_AreStillATable()
    {
        var imported = Parse("""
            # 某局2016年度政府信息公开工作年度报告

            | 指标名称 | 计量单位 | 2016年度 |
            |---|---|---|
            | 主动公开文件数 | 条 | 66 |

            | 受理政府信息公开申请总数 | 条 | 3 |
            | 行政复议数 | 件 | 0 |
            """);

        Assert.Equal(ImportLayout.PrintedSheetTable, imported.Quality.Layout);
        Assert.Equal([66m, 3m, 0m], imported.Report.Format.Cells().Where(c => c.Column.Code == "c1").Select(c => imported.Report.Values.Number(c.Key)!.Value));
    }

    [Theory]
    [InlineData(">")]
    [InlineData("- ")]
    public void MarkdownNested100000Deep_IsRefused_QuicklyWithoutAStackOverflow(string marker)
    {
        var text = "# 某局2016年度政府信息公开工作年度报告\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n" + string.Concat(Enumerable.Repeat(marker, 100_000)) + "x\n";
        var clock = Stopwatch.StartNew();

        var refused = Assert.Throws<ReportImportException>(() => Parse(text));

        Assert.True(clock.Elapsed < ReadLimits.Default.Budget, $"took {clock.Elapsed}");
        Assert.Contains("嵌套过深", refused.Message, StringComparison.Ordinal);
    }
}
