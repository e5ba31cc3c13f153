using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>
/// An agency's 政府信息公开 column as its front page: how to apply (the button first), its latest
/// published items, its guide in brief with the office's contact, and its last annual report.
/// </summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ColumnModel(GongkaiDb db, PortalCache.PortalData portal) : AgencyColumnPage(db, portal)
{
    public const int Latest = 8;

    public override ColumnSection Section => ColumnSection.Home;

    public sealed record News(int Id, string Title, DateOnly Published);

    public IReadOnlyList<News> LatestItems { get; private set; } = [];

    /// <summary>The year of the agency's last published annual report, if it has one here.</summary>
    public int? LastReportYear { get; private set; }

    protected override async Task<IActionResult> LoadSectionAsync(CancellationToken ct)
    {
        LatestItems = await Db.InfoItems.AsNoTracking().Where(i => i.AgencyId == Agency.Id && i.Status == ItemStatus.Published)
            .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Take(Latest)
            .Select(i => new News(i.Id, i.Title, i.PublishedOn!.Value)).ToListAsync(ct);
        LastReportYear = await Db.AnnualReports.Where(r => r.AgencyId == Agency.Id && r.Status == ReportStatus.Published).MaxAsync(r => (int?)r.Year, ct);
        return Page();
    }
}
