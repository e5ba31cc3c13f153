using Gongkai.Web.Pages.Agencies;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Reports;

/// <summary>An agency's annual reports by year, with the key figures year over year.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class AgencyReportsModel(GongkaiDb db, PortalCache.PortalData portal) : AgencyColumnPage(db, portal)
{
    public sealed record YearEntry(int Year, int Edition, string Title, DateOnly? PublishedOn);

    public override ColumnSection Section => ColumnSection.Reports;

    public IReadOnlyList<YearEntry> Years { get; private set; } = [];
    public YearChart Chart { get; private set; } = YearChart.Empty;

    protected override async Task<IActionResult> LoadSectionAsync(CancellationToken ct)
    {
        var current = await Db.AnnualReports.AsNoTracking()
            .Where(r => r.AgencyId == Agency.Id && r.Status == ReportStatus.Published)
            .OrderByDescending(r => r.Year)
            .ToListAsync(ct);
        Years = current.Select(r => new YearEntry(r.Year, r.Edition, r.Title, r.PublishedOn)).ToList();
        Chart = YearChart.From(current.Select(ReportRecords.Load).OrderBy(r => r.Year).ToList());
        return Page();
    }
}
