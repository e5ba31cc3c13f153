namespace Gongkai.Domain.Reports;

/// <summary>
/// The few figures that can be followed from year to year across formats (the 统计表 and the
/// 2019/2021 tables name them differently), for the portal's year-over-year chart.
/// </summary>
public static class KeyFigures
{
    public sealed record Figure(string Name, Func<ReportFormat, IReadOnlyList<CellKey>> Cells);

    private static bool IsLegacy(ReportFormat format) => ReportFormats.IsStatistics(format.Code);

    public static IReadOnlyList<Figure> All { get; } =
    [
        new("收到政府信息公开申请", f => IsLegacy(f)
            ? [new CellKey("stats", "requests.received", "value")]
            : [new CellKey("requests", "new", "total")]),
        new("行政复议", f => IsLegacy(f)
            ? [new CellKey("stats", "reconsideration", "value")]
            : [new CellKey("appeals", "cases", "reconsideration.total")]),
        new("行政诉讼", f => IsLegacy(f)
            ? [new CellKey("stats", "litigation", "value")]
            : [new CellKey("appeals", "cases", "litigation.direct.total"), new CellKey("appeals", "cases", "litigation.after_reconsideration.total")]),
    ];

    /// <summary>The figure's value in a report, or null when every cell behind it is blank.</summary>
    public static decimal? ValueIn(Figure figure, AnnualReport report)
    {
        return Sum(figure.Cells(report.Format).Select(report.Values.Number));
    }

    /// <summary>A sum where blank stays blank: null when every value is blank, else the sum of those given.</summary>
    public static decimal? Sum(IEnumerable<decimal?> values)
    {
        var list = values.ToList();
        return list.All(v => v is null) ? null : list.Sum(v => v ?? 0);
    }
}
