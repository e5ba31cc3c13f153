using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Formats;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Domain.Tests.Reports.Import;

/// <summary>The guard every reader's figures pass before they are placed: a row read one column off is blanked with its code.</summary>
public sealed class PlacementGuardTests
{
    private static readonly ReportFormat Format = NewFormats.Format2021;
    private static readonly string[] Columns = NewFormats.ApplicantColumns;
    private const string Row = "refused.state_secret";

    private static (ReportValues Values, Dictionary<CellKey, CellSource> Sources) Read(params decimal?[] figures)
    {
        var values = new ReportValues();
        var sources = new Dictionary<CellKey, CellSource>();
        for (var c = 0; c < figures.Length; c++)
        {
            if (figures[c] is { } f)
            {
                var key = new CellKey("requests", Row, Columns[c]);
                values.Set(key, f);
                sources[key] = new CellSource($"第 3 行第 {c + 2} 格", f.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return (values, sources);
    }

    [Fact]
    public void ARowWhoseFirstFigureWasTakenForALabel_IsBlanked_WithItsCode()
    {
        // Printed | 1.属于国家秘密 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |  | under a header of two label columns: 3 read as a label.
        var (values, sources) = Read(0, 0, 0, 0, 0, 3, null);
        var guarded = PlacementGuard.Apply(Format, values, sources);
        Assert.All(Columns.Take(6), c => Assert.Null(guarded.Values.Number(new CellKey("requests", Row, c))));
        Assert.Empty(guarded.Sources);
        Assert.Equal(6, guarded.Blanked.Count);
        Assert.All(guarded.Blanked, b => Assert.Equal(BlankCode.RowCheckBroken, b.Code));
        // The other rows are untouched.
        Assert.Empty(PlacementGuard.Apply(Format, Read(3, 0, 0, 0, 0, 0, 3).Values, sources).Blanked);
    }

    [Fact]
    public void ARowWhose其他HoldsTheTotalOfThePartsBeforeIt_IsBlanked()
    {
        var (values, sources) = Read(2, 1, 0, 0, 0, 3, 7);
        Assert.Equal(7, PlacementGuard.Apply(Format, values, sources).Blanked.Count);
    }

    [Fact]
    public void ARowPrintedWholeWithWrongArithmetic_IsKeptAsPrinted_AndTheCheckReportsIt()
    {
        var (values, sources) = Read(1, 2, 0, 0, 0, 0, 5);
        var guarded = PlacementGuard.Apply(Format, values, sources);
        Assert.Empty(guarded.Blanked);
        Assert.Equal(5, guarded.Values.Number(new CellKey("requests", Row, "total")));
        Assert.Contains(ReportChecks.Evaluate(Format, guarded.Values), v => v.CheckCode == $"requests.applicants.{Row}");
    }

    [Fact]
    public void OnlyEqualitiesInsideOneRow_AreTheGuards()
    {
        var checks = PlacementGuard.RowChecks(Format);
        Assert.Contains(checks, c => c.Code == $"requests.applicants.{Row}");
        Assert.Contains(checks, c => c.Code == "appeals.reconsideration.total");
        // 本年新收 + 上年结转 = 办理结果 + 结转 spans rows: a single row's reading cannot break it alone.
        Assert.DoesNotContain(checks, c => c.Code.StartsWith("requests.balance.", StringComparison.Ordinal));
    }

    [Fact]
    public void APipeTableRowReadOneColumnOff_IsBlankInTheImport_NotWrong()
    {
        // The shape: two label columns in the header, the group label printed once above,
        // each row's single label cell followed by seven figures and a trailing empty cell.
        var rows = string.Join("\n", Format.Table("requests").AllRows().Where(r => r.HasCells).Select(r => $"| {r.Label} | 3 | 0 | 0 | 0 | 0 | 0 | 3 |  |"));
        var text = $"某县人民政府2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 申请人情况 | | | | | | |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n{rows}\n";
        var imported = ReportParser.ParseText("pipe.md", text);
        var wrong = imported.Report.Values.All.Where(c => c.Key.Table == "requests" && c.Value.Number is { } n
            && n != (c.Key.Column is "natural" or "total" ? 3 : 0)).Select(c => $"{c.Key}={c.Value.Number}").ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong));
        // The reader takes each row's first figure for a second label; every row then breaks its
        // total the shifted way, and is blank with the guard's code instead of one column off.
        var guarded = imported.Quality.Blank.Where(b => b.Code == BlankCode.RowCheckBroken).Select(b => b.Key).ToHashSet();
        var rowCells = Format.Cells().Where(c => c.Key.Table == "requests" && NewFormats.ApplicantColumns.Contains(c.Key.Column)).Select(c => c.Key).ToList();
        Assert.All(rowCells.Where(k => imported.Report.Values.IsBlank(k) && k.Column != "total"), k => Assert.Contains(k, guarded));
        Assert.True(guarded.Count >= 150, $"{guarded.Count} cells guarded");
    }
}
