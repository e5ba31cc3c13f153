using Gongkai.Data;
using Gongkai.Data.Demo;
using Gongkai.Data.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Supervision;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

/// <summary>The demo data's records give every demo agency a report that passes every cross-check.</summary>
public sealed class DemoReportTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EachDemoAgencysReportFromTheRecords_PassesEveryCrossCheck(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database, clock: Clock);
        await new DemoData(db, Clock).SeedIfEmptyAsync();
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        var counted = 0;
        foreach (var agency in agencies)
        {
            foreach (var year in new[] { 2024, 2025, 2026 })
            {
                var format = ReportFormats.ForYear(year);
                var records = await RecordCounts.CountAsync(db, [agency.Id], format, year);
                var previous = await db.AnnualReports.AsNoTracking().Where(r => r.AgencyId == agency.Id && r.Year == year - 1 && r.Status == ReportStatus.Published)
                    .Select(r => r.Content).SingleOrDefaultAsync();
                var report = NarrativeDraft.Fill(AnnualReport.Blank(format, agency.Name, year) with { Values = records.Values, Sources = CellSources.None.Counted(records.Values) },
                    previous is null ? null : ReportJson.Read(previous));
                // Every check passes; the cells no record can give (licensing, penalties …) are left blank for
                // the clerk, and a blank statutory cell is an error until filled — those and nothing else.
                var violations = report.Check();
                Assert.DoesNotContain(violations, v => v.CheckCode != "cell.blank");
                Assert.All(violations.SelectMany(v => v.Cells), k => Assert.Contains(k.Row, new[] { "licensing", "penalty", "enforcement", "fees", "other_services", "procurement" }));
                Assert.All(report.Parts.Where(p => p.Code is "requests" or "proactive"), p => Assert.False(string.IsNullOrWhiteSpace(p.Text), $"{agency.Name} {year}: {p.Heading}"));
                counted += records.Applications + records.Items + records.Appeals;
            }
        }
        Assert.True(counted >= 10, $"the demo data should have records to count, found {counted}");
    }
}
