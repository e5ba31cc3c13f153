using Gongkai.Data.Demo;
using Gongkai.Data.Search;
using Gongkai.Domain.Disclosure;
using Gongkai.Tests;

namespace Gongkai.Data.Tests;

/// <summary>The reports, guides and rules the search finds: every term required, the filters applied, the newest report first.</summary>
public sealed class PageSearchTests
{
    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    private static SearchQuery Query(string text) => SearchText.Parse(text).Query!;

    [Fact]
    public async Task ThePortalsPages_AreTheReportsNewestFirst_ThenEachAgencysGuideAndRules_FoundByEveryTermAndFiltered()
    {
        await using var database = await Contexts.MigratedDatabaseAsync("sqlite");
        await using var db = Contexts.Open(database, clock: Clock);
        await new DemoData(db, Clock).SeedIfEmptyAsync();
        var pages = await PageSearch.PagesAsync(db, CancellationToken.None);

        var reports = pages.Where(p => p.Page.Kind == PageKind.Report).ToList();
        Assert.NotEmpty(reports);
        Assert.Equal(reports.OrderByDescending(p => p.Page.Year).ThenBy(p => p.AgencyId).Select(p => p.Page.Url), reports.Select(p => p.Page.Url));
        Assert.Equal(db.Agencies.Count(), pages.Count(p => p.Page.Kind == PageKind.Guide));
        Assert.True(pages.TakeWhile(p => p.Page.Kind == PageKind.Report).Count() == reports.Count, "reports come before guides and rules");

        // Every term must be on the page: the guide's own title matches, one foreign word more does not.
        var town = pages.First(p => p.Page.Kind == PageKind.Guide && p.Page.AgencyCode == "qx-bsz");
        Assert.Equal([town.Page], PageSearch.Find(pages, Query(town.Page.Title), null, null, PageKind.Guide));
        Assert.Empty(PageSearch.Find(pages, Query(town.Page.Title + " 航天发射"), null, null, PageKind.Guide));
        // A guide has no year: a search limited to a year leaves it out; a report of another year is left out too.
        Assert.Empty(PageSearch.Find(pages, Query(town.Page.Title), null, 2025, PageKind.Guide));
        var report = reports[0];
        Assert.Contains(report.Page, PageSearch.Find(pages, Query("年度报告"), report.AgencyId, report.Page.Year, PageKind.Report));
        Assert.DoesNotContain(report.Page, PageSearch.Find(pages, Query("年度报告"), report.AgencyId, report.Page.Year - 1, null));
        Assert.DoesNotContain(report.Page, PageSearch.Find(pages, Query("年度报告"), -1, null, null));
        Assert.All(PageSearch.Find(pages, Query("年度报告"), null, null, null), hit => Assert.Equal(PageKind.Report, hit.Kind));
    }

    [Fact]
    public void AtMostTheLimit_IsListed_InTheOrderGiven()
    {
        var pages = Enumerable.Range(1, PageSearch.Limit + 5)
            .Select(i => new SearchablePage(new PageHit(PageKind.Guide, $"a{i}", $"第{i}镇", "政府信息公开指南", "", $"/agency/a{i}/guide", null), i, "政府信息公开指南"))
            .ToList();
        var found = PageSearch.Find(pages, Query("公开指南"), null, null, null);
        Assert.Equal(pages.Take(PageSearch.Limit).Select(p => p.Page), found);
    }
}
