using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Domain.Tests.Reports.Import;

/// <summary>
/// Tables as <c>pdftotext -layout</c> gives them from published PDFs (fixtures/layout): a label
/// wrapped in its cell leaves its figures beside its first line, its last line or on a line of
/// their own, and pieces of the group labels on the lines between. A figure goes into a row only
/// when the lines around it make that row's label.
/// </summary>
public sealed class LayoutTextTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "layout", name + ".pdftotext.txt"));

    /// <summary>The fixtures' values: cell i of the format holds 1001 + i, in the form its kind prints.</summary>
    private static Dictionary<CellKey, decimal> Printed(ReportFormat format) =>
        format.Cells().Select((cell, i) => (cell, n: 1001m + i)).Where(x => x.cell.Kind != ValueKind.UnitText).ToDictionary(x => x.cell.Key, x => x.cell.Kind switch
        {
            ValueKind.SignedCount => x.n % 2 == 0 ? x.n : -x.n,
            ValueKind.Amount => x.n * 10,
            ValueKind.WanYuan => x.n / 100,
            _ => x.n,
        });

    /// <summary>Rows the tables do not explain: the header table's 年度 line (its figure makes it look like a row) is the only one.</summary>
    private static void OnlyTheYearLineUnrecognised(ImportedReport imported) =>
        Assert.True(imported.Unrecognised.All(u => u.Label == "年度"), string.Join("\n", imported.Unrecognised.Select(u => $"{u.Location}: {u.Label}")));

    [Theory]
    [InlineData("chromium-2019", "2019", 0)]
    [InlineData("chromium-2021", "2021", 0)]
    [InlineData("libreoffice-2019", "2019", 15)]
    [InlineData("libreoffice-2021", "2021", 15)]
    [InlineData("chromium-a5-2019", "2019", 0)]
    [InlineData("chromium-a5-2021", "2021", 7)]
    [InlineData("chromium-a5-legacy-beijing", "legacy-beijing", 0)]
    public void ALabelWrappedInItsCell_KeepsItsFigures_WhicheverOfItsLinesTheyArePrintedBeside(string fixture, string format, int uncertain)
    {
        var imported = ReportParser.ParseText(fixture + ".txt", Fixture(fixture));

        Assert.Equal(format, imported.Report.FormatCode);
        var printed = Printed(imported.Report.Format);
        var wrong = printed.Where(p => imported.Report.Values.Number(p.Key) is { } read && read != p.Value).Select(p => $"{p.Key}: {p.Value} ≠ {imported.Report.Values.Number(p.Key)}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        var blank = printed.Keys.Where(k => imported.Report.Values.Number(k) is null).ToList();
        Assert.Equal(uncertain, blank.Count);
        // LibreOffice wraps four-digit figures in the appeals table's narrow columns ("118" over "4"):
        // two lines of figures for a one-row table. On A5 paper Chromium sets three of a row's figures
        // beside its label's first line and four beside its second. Neither says which column is which.
        Assert.All(blank, k => Assert.Contains(imported.Quality.Blank, b => b.Key == k
            && b.Code is BlankCode.WrappedInColumn or BlankCode.SplitOverTwoLines));
        OnlyTheYearLineUnrecognised(imported);
    }

    [Fact]
    public void CellsInReadingOrder_AreReadInTheFormatWhoseColumnsArePrinted()
    {
        // Plain pdftotext of a 2019 table: 规范性文件 1004 1005 1006 reads as a row of the 2021
        // table too (制发, 废止, 现行有效), and there one more row is found in the scrambled order.
        var imported = ReportParser.ParseText("libreoffice-2019.txt", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "layout", "libreoffice-2019.pdftotext-raw.txt")));

        Assert.Equal("2019", imported.Report.FormatCode);
        var printed = Printed(imported.Report.Format);
        Assert.All(imported.Sources.Keys, k => Assert.Equal(printed[k], imported.Report.Values.Number(k)));
        Assert.Equal(1006m, imported.Report.Values.Number(new CellKey("proactive", "normative", "total")));
    }

    private const string ProhibitedPrinted = """
              予公开 2．其他法律行政法
                   规禁止公开      1058 1059 1060 1061 1062 1063 1064
        """;

    private static ImportedReport WithProhibitedRowAs(string lines)
    {
        var text = Fixture("chromium-2019");
        Assert.Contains(ProhibitedPrinted, text, StringComparison.Ordinal);
        return ReportParser.ParseText("chromium-2019.txt", text.Replace(ProhibitedPrinted, lines, StringComparison.Ordinal));
    }

    private static IEnumerable<CellKey> Prohibited(ImportedReport imported) =>
        imported.Report.Format.Cells().Where(c => c.Key.Table == "requests" && c.Key.Row == "refused.prohibited").Select(c => c.Key);

    [Fact]
    public void FiguresSplitOverALabelsTwoLines_FillItsRow_WhenTheyAreAllTheSameFigure()
    {
        var imported = WithProhibitedRowAs("""
                  予公开 2．其他法律行政法规禁 0
                       止公开            0 0 0 0 0 0
            """);

        Assert.All(Prohibited(imported), k => Assert.Equal(0m, imported.Report.Values.Number(k)));
        OnlyTheYearLineUnrecognised(imported);
    }

    [Fact]
    public void FiguresSplitOverALabelsTwoLines_LeaveItsRowBlank_WhenWhichColumnIsOnWhichLineDecides()
    {
        var imported = WithProhibitedRowAs("""
                  予公开 2．其他法律行政法规禁 1
                       止公开            0 2 0 0 0 3
            """);

        Assert.All(Prohibited(imported), k =>
        {
            Assert.Null(imported.Report.Values.Number(k));
            Assert.Contains(imported.Quality.Blank, b => b.Key == k && b.Code == BlankCode.SplitOverTwoLines && b.Reason.Contains("（1 格与 6 格）", StringComparison.Ordinal));
        });
        var next = new CellKey("requests", "refused.security", "natural");
        Assert.Equal(Printed(imported.Report.Format)[next], imported.Report.Values.Number(next));
    }

    [Fact]
    public void FiguresOnALineOfTheirOwn_AfterALineThatIsNotTheRestOfTheLabel_DoNotFillTheLabelsRow()
    {
        const string printed = """
                  不予公    2．其他法律行政法规禁
                                        1058   1059   1060   1061    1062   1063   1064
                  开      止公开
            """;
        var text = Fixture("libreoffice-2019");
        Assert.Contains(printed, text, StringComparison.Ordinal);

        // The row's label printed whole without figures, then a line no row of the format explains:
        // the figures after it may be that line's, not the row's.
        var imported = ReportParser.ParseText("libreoffice-2019.txt", text.Replace(printed, """
                  不予公    2．其他法律行政法规禁止公开
                  开      未知的一行
                                        1058   1059   1060   1061    1062   1063   1064
            """, StringComparison.Ordinal));

        Assert.All(Prohibited(imported), k => Assert.Null(imported.Report.Values.Number(k)));
        Assert.Contains(imported.Unrecognised, u => u.Label.Contains("未知的一行", StringComparison.Ordinal));
    }

    [Fact]
    public void FiguresBesideALineThatIsNotTheRestOfTheLabel_DoNotFillTheLabelsRow()
    {
        var imported = WithProhibitedRowAs("""
                  予公开 2．其他法律行政法
                       另一行      1058 1059 1060 1061 1062 1063 1064
            """);

        Assert.All(Prohibited(imported), k => Assert.Null(imported.Report.Values.Number(k)));
        Assert.Contains(imported.Unrecognised, u => u.Label == "另一行");
    }
}
