using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>What a first-time visitor of the two-command demo sees holds together: every catalog filled, dates that fit today, a roll-up that agrees with the records.</summary>
public sealed class DemoDataTests
{
    private static readonly Dictionary<string, string> WithApplications = new() { ["Demo:Applications"] = "true" };

    [Fact]
    public async Task TheDemosRollUp_AgreesWithItsOwnRecords_InBothYears_AndEveryReportPassesItsChecks()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", WithApplications);
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        foreach (var year in new[] { 2024, 2025 })
        {
            var page = await supervisor.GetAsync($"/console/reports/rollup?year={year}&source=records");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var comparisons = page.Document.QuerySelectorAll("h2").Where(h => h.TextContent.StartsWith("报告合计与办理记录核对", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(comparisons);
            Assert.Contains("5 个机构", comparisons[0].TextContent);
            Assert.DoesNotContain(page.Document.QuerySelectorAll("caption"), c => c.TextContent.Contains("与记录不一致", StringComparison.Ordinal));
        }
        var reports = await app.QueryAsync(db => db.AnnualReports.AsNoTracking().ToListAsync());
        Assert.Equal(10, reports.Count);
        Assert.All(reports, r => Assert.Equal((ReportStatus.Published, 0), (r.Status, r.ErrorCount)));
        // The records behind them are there: every agency answered applications in both years.
        var answered = await app.QueryAsync(db => db.Applications.Where(a => a.AnsweredOn != null && a.Received.Year <= 2025).GroupBy(a => a.AgencyId).CountAsync());
        Assert.Equal(5, answered);
    }

    [Fact]
    public async Task EveryDemoAgency_PublishesInSeveralCategoriesAndYears_NothingIsDatedAfterToday_AndEveryTitlesYearIsItsOwn()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        var items = await app.QueryAsync(db => db.InfoItems.AsNoTracking().ToListAsync());
        foreach (var agency in items.GroupBy(i => i.AgencyId))
        {
            var published = agency.Where(i => i.Status == ItemStatus.Published).ToList();
            Assert.True(published.Select(i => i.CategoryCode).Distinct().Count() >= 3, $"agency {agency.Key}: categories");
            Assert.True(published.Select(i => i.WrittenOn.Year).Distinct().Count() >= 2, $"agency {agency.Key}: years");
        }
        Assert.Equal(5, items.Select(i => i.AgencyId).Distinct().Count());
        Assert.All(items, i => Assert.True(i.WrittenOn <= today && (i.PublishedOn is null || i.PublishedOn <= today), $"{i.Title}: {i.WrittenOn}"));
        Assert.All(items, i => Assert.NotNull(i.Topic));
        foreach (var item in items)
        {
            foreach (Match year in Regex.Matches(item.Title, @"(20\d\d)年"))
            {
                Assert.True(int.Parse(year.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) <= item.WrittenOn.Year, $"{item.Title} written {item.WrittenOn}");
            }
        }

        using var visitor = app.NewVisitor();
        var county = await visitor.GetAsync("/agency/qx/catalog");
        Assert.Contains("青溪县人民政府2025年部门预算", county.Text);
        var search = await visitor.GetAsync("/search?q=2024");
        Assert.Contains("2024年部门预算", search.Text);
    }
}
