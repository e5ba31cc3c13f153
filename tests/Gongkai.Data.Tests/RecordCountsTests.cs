using Gongkai.Data.Applications;
using Gongkai.Data.Demo;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Reports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

/// <summary>Every agency's figures in one pass (a roll-up's agencies) are what its own records give, counted one by one.</summary>
public sealed class RecordCountsTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EachAgencysFiguresInOnePass_AreItsRecordsCountedOneByOne_AndSumToAllTogether(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database, clock: Clock);
        await new DemoData(db, Clock).SeedIfEmptyAsync();
        // Dates on every side of the years counted: repealed and withdrawn items, documents made in each year.
        await db.Database.ExecuteSqlRawAsync("UPDATE info_items SET document_kind = 'Normative' WHERE id % 3 = 0");
        await db.Database.ExecuteSqlRawAsync("UPDATE info_items SET repealed_on = published_on WHERE id % 5 = 0");
        await db.Database.ExecuteSqlRawAsync("UPDATE info_items SET withdrawn_on = published_on WHERE id % 7 = 0");
        var ids = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var compared = 0;
        foreach (var year in new[] { 2024, 2025, 2026 })
        {
            foreach (var format in new[] { ReportFormats.ForYear(year), ReportFormats.Get("2019"), ReportFormats.Get("legacy-national") })
            {
                var each = await RecordCounts.CountEachAsync(db, ids, format, year);
                var together = await RecordCounts.CountAsync(db, ids, format, year);
                foreach (var id in ids)
                {
                    // The truth: each record with its own dates, through the same counting functions.
                    var byHand = new ReportValues();
                    var applications = (await ApplicationHistory.ApplicationsForYearAsync(db, id, year)).Select(a => a.Tally).ToList();
                    var appeals = (await ApplicationHistory.AppealRecordsForYearAsync(db, [id], year)).Select(a => a.ToDomain()).ToList();
                    var items = (await DisclosureHistory.CountedItemsAsync(db, id, format.Code)).Select(i => i.Item).ToList();
                    ApplicationTables.Fill(byHand, format.Code, year, applications, appeals);
                    ProactiveTables.Fill(byHand, format.Code, year, items);
                    foreach (var cell in format.Cells())
                    {
                        Assert.True(byHand.Number(cell.Key) == each[id].Values.Number(cell.Key), $"agency {id}, {year}, {format.Code}, {cell.Key}: one by one {byHand.Number(cell.Key)}, in one pass {each[id].Values.Number(cell.Key)}");
                    }
                    Assert.Equal((applications.Count, items.Count, appeals.Count), (each[id].Applications, each[id].Items, each[id].Appeals));
                    compared += applications.Count + items.Count + appeals.Count;
                }
                foreach (var cell in format.Cells())
                {
                    Assert.Equal(ids.Sum(id => each[id].Values.Number(cell.Key) ?? 0), together.Values.Number(cell.Key) ?? 0);
                }
            }
        }
        Assert.True(compared >= 100, $"the demo data should have records to count, found {compared}");
    }
}
