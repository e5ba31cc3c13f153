using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages;

/// <summary>
/// The portal home, as a government 政府信息公开 site opens: a search box, the latest information
/// of every agency, the latest annual reports, and the agencies as their tree.
/// </summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(GongkaiDb db) : PageModel
{
    public const int Latest = 10;

    public sealed record News(string Code, int Id, string Title, string Agency, DateOnly Published);

    public sealed record ReportLink(string Code, string Agency, int Year);

    public PortalAgencies Agencies { get; private set; } = null!;
    public IReadOnlyList<News> LatestItems { get; private set; } = [];
    public IReadOnlyList<ReportLink> LatestReports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = await PortalAgencies.LoadAsync(db, ct);
        var all = Agencies.All;
        var byId = all.ToDictionary(a => a.Id);
        var items = await db.InfoItems.AsNoTracking().Where(i => i.Status == ItemStatus.Published)
            .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Take(Latest)
            .Select(i => new { i.Id, i.Title, i.AgencyId, i.PublishedOn }).ToListAsync(ct);
        LatestItems = items.Select(i => new News(byId[i.AgencyId].ShortCode, i.Id, i.Title, byId[i.AgencyId].Name, i.PublishedOn!.Value)).ToList();
        var year = await db.AnnualReports.Where(r => r.Status == ReportStatus.Published).MaxAsync(r => (int?)r.Year, ct);
        var reports = year is null ? [] : await db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published && r.Year == year)
            .Select(r => r.AgencyId).Distinct().ToListAsync(ct);
        LatestReports = all.Where(a => reports.Contains(a.Id)).Select(a => new ReportLink(a.ShortCode, a.Name, year!.Value)).ToList();
        ViewData["Title"] = "首页";
    }
}
