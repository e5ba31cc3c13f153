using System.Globalization;
using System.Text;
using Gongkai.Documents.Import;
using Gongkai.Documents.Tests.Reports;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Tests.Import;

/// <summary>
/// A report whose tables were flattened into one line of running text, as a crawler or a copy from a
/// browser leaves them: labels, headers and figures in printed order, with a space between the
/// figures of a row or with none.
/// </summary>
public sealed class FlattenedTests
{
    /// <summary>The page: title, a sentence of narrative, then every table's title, headers and rows run together.</summary>
    private static string Flatten(AnnualReport report, Random random, bool spaced)
    {
        var text = new StringBuilder($"{report.Title}\n当前位置：首页 > 政务公开 > 年报 来源：{report.AgencyName} 文字版 全真版 ");
        text.Append(CultureInfo.InvariantCulture, $"本报告统计期间为{report.Year}年1月1日至{report.Year}年12月31日。");
        foreach (var table in report.Format.Tables)
        {
            text.Append(table.Title).Append(table.CornerNote);
            foreach (var section in table.Sections)
            {
                text.Append(section.Title).Append(section.LabelHeader);
                foreach (var column in section.Columns.SelectMany(c => (IEnumerable<ColumnDef>)[c, .. c.Children.SelectMany(d => (IEnumerable<ColumnDef>)[d, .. d.Children])]))
                {
                    text.Append(column.Label);
                }
                foreach (var row in section.Rows.SelectMany(r => r.SelfAndDescendants()))
                {
                    text.Append(row.Label);
                    if (!row.HasCells)
                    {
                        continue;
                    }
                    // A heading row of the 统计表 prints no unit.
                    var figures = section.LeafColumns().Where(c => c.Kind != ValueKind.UnitText || row.Unit is not null)
                        .Select(c => report.Values[new CellKey(table.Code, row.Code, c.Code)]?.Display() ?? "").ToList();
                    for (var i = 0; i < figures.Count; i++)
                    {
                        text.Append(i == 0 || spaced || random.Next(2) == 0 ? " " : "").Append(figures[i]);
                    }
                }
            }
        }
        text.Append(CultureInfo.InvariantCulture, $"{report.AgencyName}\n{report.Year + 1}年1月20日");
        return text.ToString();
    }

    [Theory]
    [MemberData(nameof(SampleReports.FormatCodes), MemberType = typeof(SampleReports))]
    public void FiguresWithSpacesBetween_ComeBackWhole(string code)
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var random = new Random(seed);
            var report = SampleReports.Small(ReportFormats.Get(code), random);
            var imported = ReportFiles.Parse("page.txt", Encoding.UTF8.GetBytes(Flatten(report, random, spaced: true)));

            Assert.Equal(code, imported.Report.FormatCode);
            foreach (var cell in report.Format.Cells().Where(c => c.Kind != ValueKind.UnitText))
            {
                Assert.True(report.Values.Number(cell.Key) == imported.Report.Values.Number(cell.Key),
                    $"seed {seed}, {cell.Key}: {report.Values.Number(cell.Key)} ≠ {imported.Report.Values.Number(cell.Key)?.ToString() ?? "blank"}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SampleReports.FormatCodes), MemberType = typeof(SampleReports))]
    public void FiguresRunTogether_AreReadOnlyWhereCertain_AndNeverWrong(string code)
    {
        var (read, total) = (0, 0);
        for (var seed = 1; seed <= 20; seed++)
        {
            var random = new Random(seed);
            var report = SampleReports.Small(ReportFormats.Get(code), random);
            var imported = ReportFiles.Parse("page.txt", Encoding.UTF8.GetBytes(Flatten(report, random, spaced: false)));

            Assert.Equal(code, imported.Report.FormatCode);
            foreach (var cell in report.Format.Cells().Where(c => c.Kind != ValueKind.UnitText))
            {
                total++;
                if (imported.Report.Values.Number(cell.Key) is not { } got)
                {
                    Assert.Contains(imported.Quality.Blank, b => b.Key == cell.Key);
                    continue;
                }
                read++;
                Assert.True(got == report.Values.Number(cell.Key), $"seed {seed}, {cell.Key}: read {got}, printed {report.Values.Number(cell.Key)}");
            }
            Assert.Equal(imported.Quality.Read, imported.Report.Format.Cells().Count(c => c.Kind != ValueKind.UnitText && imported.Report.Values.Number(c.Key) is not null));
        }
        // Most rows of small figures still split one way; the rest are left blank with their reason.
        Assert.True(read > total / 2, $"{code}: read {read} of {total}");
    }
}
