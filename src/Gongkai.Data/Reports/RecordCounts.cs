using Gongkai.Data.Applications;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;

namespace Gongkai.Data.Reports;

/// <summary>The figures the records give, and how many records were read to give them.</summary>
public sealed record RecordCount(ReportValues Values, int Applications, int Items, int Appeals);

/// <summary>
/// Counts a report's figures from the records: of one agency, of many together, or of each of
/// many. All three read the same three grouped queries (applications, appeals, items; grouped by
/// agency too, except for many together) and fill the figures with the same functions
/// (<see cref="ApplicationTables.Fill(ReportValues, string, int, IEnumerable{ApplicationTally}, IEnumerable{Appeal})"/>,
/// <see cref="ProactiveTables.Fill"/>), so an agency's own report and a roll-up cannot disagree.
/// </summary>
public static class RecordCounts
{
    /// <summary>
    /// Every figure of <paramref name="format"/> the records can give, for <paramref name="year"/>,
    /// over the records of all <paramref name="agencyIds"/> together: the same as summing each
    /// agency's figures (the counting is per record), in three queries however many agencies.
    /// </summary>
    public static async Task<RecordCount> CountAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, ReportFormat format, int year, CancellationToken ct = default)
    {
        var records = await ReadAsync(db, agencyIds, format, year, perAgency: false, ct);
        return Count(records.Tallies.Select(t => t.Tally), records.Appeals, records.Items.Select(i => i.Item), format, year);
    }

    /// <summary>
    /// Each agency's own figures (what each one publishes), for all of <paramref name="agencyIds"/>
    /// in the same three queries: a supervisor's 500 agencies are not 1,500 round trips.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, RecordCount>> CountEachAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, ReportFormat format, int year, CancellationToken ct = default)
    {
        var records = await ReadAsync(db, agencyIds, format, year, perAgency: true, ct);
        var tallies = records.Tallies.ToLookup(t => t.AgencyId, t => t.Tally);
        var appeals = records.Appeals.ToLookup(a => a.AgencyId);
        var items = records.Items.ToLookup(i => i.AgencyId, i => i.Item);
        return agencyIds.Distinct().ToDictionary(id => id, id => Count(tallies[id], appeals[id], items[id], format, year));
    }

    private sealed record Records(IReadOnlyList<(int AgencyId, ApplicationTally Tally)> Tallies, IReadOnlyList<AppealRecord> Appeals, IReadOnlyList<(int AgencyId, DisclosedItem Item)> Items);

    /// <param name="perAgency">Grouped per agency too (each agency's figures), or not (all together: fewer groups to send).</param>
    private static async Task<Records> ReadAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, ReportFormat format, int year, bool perAgency, CancellationToken ct) =>
        new(await ApplicationHistory.TalliesForYearAsync(db, agencyIds, year, perAgency, ct),
            await ApplicationHistory.AppealRecordsForYearAsync(db, agencyIds, year, ct),
            await DisclosureHistory.ItemsAsync(db, agencyIds, format.Code, year, perAgency, ct));

    private static RecordCount Count(IEnumerable<ApplicationTally> tallies, IEnumerable<AppealRecord> appeals, IEnumerable<DisclosedItem> items, ReportFormat format, int year)
    {
        var (t, a, i) = (tallies.ToList(), appeals.Select(r => r.ToDomain()).ToList(), items.ToList());
        var values = new ReportValues();
        ApplicationTables.Fill(values, format.Code, year, t, a);
        ProactiveTables.Fill(values, format.Code, year, i);
        return new RecordCount(values, t.Sum(x => x.Count), i.Sum(x => x.Count), a.Count);
    }
}
