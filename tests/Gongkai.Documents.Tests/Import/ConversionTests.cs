using System.Text;
using Gongkai.Documents.Import;
using Gongkai.Documents.Tests.Reports;
using Gongkai.Domain.Reports;

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

    /// <summary>The report's tables in markdown: each table, or each row group of table 三, a pipe table of its own under generic headers.</summary>
    private static string Markdown(AnnualReport report, Func<RowDef, bool>? cutAfter = null, bool repeatHeader = false)
    {
        var text = new StringBuilder($"# {report.Title}\n\n统计期间：{report.Year}年1月1日至{report.Year}年12月31日\n\n");
        foreach (var table in report.Format.Tables)
        {
            text.Append("## ").Append(table.Title).Append("\n\n");
            foreach (var section in table.Sections)
            {
                var columns = section.LeafColumns();
                var depth = section.Rows.Max(r => r.Depth());
                string Header() => "| " + string.Join(" | ", Enumerable.Range(1, depth).Select(_ => section.LabelHeader ?? "")
                    .Concat(columns.Select((_, i) => $"数据{i + 1}"))) + " |\n|" + string.Concat(Enumerable.Repeat("---|", depth + columns.Count)) + "\n";
                if (section.Title is not null)
                {
                    text.Append(section.Title).Append("\n\n");
                }
                var groups = table.Code == "requests" ? section.Rows.Select(r => new[] { r }).ToList() : [section.Rows.ToArray()];
                foreach (var group in groups)
                {
                    text.Append('\n').Append(Header());
                    var rows = group.SelectMany(r => r.SelfAndDescendants()).Where(r => r.HasCells).ToList();
                    for (var k = 0; k < rows.Count; k++)
                    {
                        var row = rows[k];
                        var labels = Path(section.Rows, row).Select(r => r.Label).ToList();
                        var cells = labels.Concat(Enumerable.Repeat("", depth - labels.Count)).ToList();
                        var figures = columns.Select(c => report.Values[new CellKey(table.Code, row.Code, c.Code)]?.Display() ?? "").ToList();
                        if (cutAfter?.Invoke(row) == true)
                        {
                            // The row goes on in the next table: a converter cut it after its third figure.
                            text.Append("| ").Append(string.Join(" | ", cells.Concat(figures.Take(3)))).Append(" |\n\n");
                            text.Append("| ").Append(string.Join(" | ", figures.Skip(3))).Append(" |\n|").Append(string.Concat(Enumerable.Repeat("---|", figures.Count - 3))).Append('\n');
                            continue;
                        }
                        text.Append("| ").Append(string.Join(" | ", cells.Concat(figures))).Append(" |\n");
                        if (repeatHeader && k == rows.Count / 2)
                        {
                            text.Append(Header());
                        }
                    }
                }
            }
        }
        return text.ToString();
    }

    private static List<RowDef> Path(IEnumerable<RowDef> roots, RowDef target)
    {
        foreach (var root in roots)
        {
            if (ReferenceEquals(root, target))
            {
                return [root];
            }
            if (Path(root.Children, target) is { Count: > 0 } below)
            {
                return [root, .. below];
            }
        }
        return [];
    }

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
        Assert.Contains(imported.Quality.Blank, b => b.Key == new CellKey("requests", "new", "total") && b.Reason.Contains("分两处印出（3 格与 4 格）", StringComparison.Ordinal));
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
