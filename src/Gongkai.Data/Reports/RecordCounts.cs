using Gongkai.Data.Applications;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;

namespace Gongkai.Data.Reports;

/// <summary>The figures the records give, and how many records were read to give them.</summary>
public sealed record RecordCount(ReportValues Values, int Applications, int Items, int Appeals);

/// <summary>Counts a report's figures from the records of one agency or of many in one pass.</summary>
public static class RecordCounts
{
    /// <summary>
    /// Every figure of <paramref name="format"/> the records can give, for <paramref name="year"/>,
    /// over the records of all <paramref name="agencyIds"/> together: the same as summing each
    /// agency's figures (the counting is per record), in three queries however many agencies.
    /// </summary>
    public static async Task<RecordCount> CountAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, ReportFormat format, int year, CancellationToken ct = default)
    {
        var tallies = await ApplicationHistory.TalliesForYearAsync(db, agencyIds, year, ct);
        var appeals = await ApplicationHistory.AppealsForYearAsync(db, agencyIds, year, ct);
        var items = await DisclosureHistory.ItemsAsync(db, agencyIds, format.Code, ct);
        var values = new ReportValues();
        ApplicationTables.Fill(values, format.Code, year, tallies, appeals);
        ProactiveTables.Fill(values, format.Code, year, items);
        return new RecordCount(values, tallies.Sum(t => t.Count), items.Count, appeals.Count);
    }
}
