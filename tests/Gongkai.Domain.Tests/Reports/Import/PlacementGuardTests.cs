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
    public void APipeTableRowWithATrailingEmptyCell_UnderTwoLabelColumns_IsReadInItsColumns()
    {
        // The shape: two label columns in the header, each row's single label cell followed
        // by seven figures and a trailing empty cell. Counted as a column, the empty cell shifted the
        // row (the guard then blanked it); it is not one (TrailingEmptyCells).
        var rows = string.Join("\n", Format.Table("requests").AllRows().Where(r => r.HasCells).Select(r => $"| {r.Label} | 3 | 0 | 0 | 0 | 0 | 0 | 3 |  |"));
        var text = $"某县人民政府2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 申请人情况 | | | | | | |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n{rows}\n";
        var imported = ReportParser.ParseText("pipe.md", text);
        var cells = Format.Cells().Where(c => c.Key.Table == "requests" && c.Kind != ValueKind.UnitText).ToList();
        Assert.All(cells, c => Assert.Equal(c.Key.Column is "natural" or "total" ? 3 : 0, imported.Report.Values.Number(c.Key)));
    }

    [Theory]
    [InlineData(new[] { "1.属于国家秘密", "3", "0", "3", "" }, 1, 3, 4)]      // the trailing empty cell dropped
    [InlineData(new[] { "1.属于国家秘密", "3", "", "3" }, 1, 3, 4)]           // an empty cell inside the figures stays
    [InlineData(new[] { "1.属于国家秘密", "3", "0", "", "" }, 1, 3, 4)]       // one empty cell the row needs stays
    [InlineData(new[] { "1.属于国家秘密", "3", "0", "3", "", "" }, 1, 3, 4)]  // every empty cell past the width dropped
    public void TrailingEmptyCells_AreDroppedOnlyPastTheRowsWidth(string[] texts, int labelEnd, int width, int end) =>
        Assert.Equal(end, TrailingEmptyCells.End(texts, labelEnd, width));
}
