using System.Text;
using Gongkai.Documents.Import;
using Gongkai.Documents.Tests.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Documents.Tests.Import;

/// <summary>
/// Reports as conversion tools leave them: markdown pipe tables with generic headers (数据1 …), a
/// table per row group, a header repeated in the middle, a row cut in two across tables, and the
/// 2021 labels as agencies print them. A figure is read where its row and column are certain,
/// and never put in another cell.
/// </summary>
public sealed class ConversionTests
{
    private static readonly ReportFormat Format = ReportFormats.Get("2021");

    private static string Markdown(AnnualReport report, Func<RowDef, bool>? cutAfter = null, bool repeatHeader = false) =>
        PipeTableShapes.Markdown(report, new PipeTableShapes.Shape(TablePerGroup: true, RepeatHeader: repeatHeader, CutAfter: cutAfter));

    private static (int Exact, int Blank) Compare(AnnualReport report, AnnualReport read)
    {
        var (exact, blank) = (0, 0);
        foreach (var cell in report.Format.Cells())
        {
            var got = read.Values.Number(cell.Key);
            if (got is null)
            {
                blank++;
                continue;
            }
            Assert.True(got == report.Values.Number(cell.Key), $"{cell.Key}: read {got}, printed {report.Values.Number(cell.Key)}");
            exact++;
        }
        return (exact, blank);
    }

    [Fact]
    public void MarkdownTables_WithGenericHeaders_ATablePerRowGroup_AndARepeatedHeader_ReadWhole()
    {
        var report = SampleReports.WithDistinctValues(Format);
        var read = ReportFiles.Parse("converted.md", Encoding.UTF8.GetBytes(Markdown(report, repeatHeader: true))).Report;

        Assert.Equal("2021", read.FormatCode);
        Assert.Equal((report.Format.Cells().Count(), 0), Compare(report, read));
    }

    [Fact]
    public void ARowCutAcrossTwoTables_IsLeftBlankWithItsReason_NeverShifted()
    {
        var report = SampleReports.WithDistinctValues(Format);
        var imported = ReportFiles.Parse("converted.md", Encoding.UTF8.GetBytes(Markdown(report, cutAfter: r => r.Code == "new")));

        var (exact, blank) = Compare(report, imported.Report);
        Assert.Equal((report.Format.Cells().Count() - 7, 7), (exact, blank));
        Assert.Contains(imported.Quality.Blank, b => b.Key == new CellKey("requests", "new", "total") && b.Code == BlankCode.SplitOverTwoLines && b.Reason.Contains("（3 格与 4 格）", StringComparison.Ordinal));
    }

    [Fact]
    public void The2021Labels_AsAgenciesPrintThem_AreTheTemplates()
    {
        var report = SampleReports.WithDistinctValues(Format);
        var printed = Markdown(report)
            .Replace("| 行政规范性文件 |", "| 规范性文件 |", StringComparison.Ordinal)
            .Replace("1．属于国家秘密", "1.属于国家秘密", StringComparison.Ordinal)
            .Replace("（六）其他处理", "（六）其他处 理", StringComparison.Ordinal);

        var read = ReportFiles.Parse("converted.md", Encoding.UTF8.GetBytes(printed)).Report;

        Assert.Equal((report.Format.Cells().Count(), 0), Compare(report, read));
    }
}
