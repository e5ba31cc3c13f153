namespace Gongkai.Web.Reports;

/// <summary>The key figures of an agency's reports, year by year, for a chart drawn on the server (no JavaScript needed).</summary>
public sealed record YearChart(IReadOnlyList<int> Years, IReadOnlyList<(string Name, IReadOnlyList<decimal?> Values)> Series)
{
    public static YearChart Empty { get; } = new([], []);

    public static YearChart From(IReadOnlyList<AnnualReport> reports) => new(
        reports.Select(r => r.Year).ToList(),
        KeyFigures.All.Select(f => (f.Name, (IReadOnlyList<decimal?>)reports.Select(r => KeyFigures.ValueIn(f, r)).ToList())).ToList());
}
