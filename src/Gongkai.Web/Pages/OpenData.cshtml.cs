using Gongkai.Domain.Reports.Formats;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages;

/// <summary>
/// The open data page: the published reports' figures compared across agencies for a year and
/// across years for all (or one) agency, drawn on the server (no JavaScript needed) with the same
/// numbers in tables, and the downloads of every cell (JSON, CSV) with the same filters.
/// </summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class OpenDataModel(GongkaiDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Agencies { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Formats { get; private set; } = [];

    /// <summary>The selected year's key figures, agency by agency.</summary>
    public IReadOnlyList<(string Agency, IReadOnlyList<decimal?> Values)> ByAgency { get; private set; } = [];

    /// <summary>The key figures summed over the selected agencies, year by year.</summary>
    public YearChart ByYear { get; private set; } = YearChart.Empty;

    public string Query { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var published = await db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published)
            .Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { r.Year, r.FormatCode, a.ShortCode, a.Name, a.SortOrder })
            .ToListAsync(ct);
        Years = published.Select(r => r.Year).Distinct().OrderDescending().ToList();
        Agencies = published.OrderBy(r => r.SortOrder).Select(r => (r.ShortCode, r.Name)).Distinct().ToList();
        Formats = published.Select(r => r.FormatCode).Distinct().Order().Select(c => (c, ReportFormats.Find(c)?.Name ?? PrintedSheets.Name)).ToList();
        if (Year is { } y && !Years.Contains(y))
        {
            Year = null;
        }
        Year ??= Years.FirstOrDefault() is var latest and > 0 ? latest : null;
        var reports = await OpenReportsApi.LoadAsync(db, null, Agency, Format, ct);
        var names = Agencies.ToDictionary(a => a.Code, a => a.Name);
        ByAgency = reports.Where(r => r.Report.Year == Year)
            .Select(r => (names.GetValueOrDefault(r.Code, r.Report.AgencyName), (IReadOnlyList<decimal?>)KeyFigures.All.Select(f => KeyFigures.ValueIn(f, r.Report)).ToList()))
            .ToList();
        var years = reports.Select(r => r.Report.Year).Distinct().Order().ToList();
        ByYear = new YearChart(years, KeyFigures.All.Select(f => (f.Name, (IReadOnlyList<decimal?>)years
            .Select(year => KeyFigures.Sum(reports.Where(r => r.Report.Year == year).Select(r => KeyFigures.ValueIn(f, r.Report))))
            .ToList())).ToList());
        Query = string.Join("&", new[] { ("agency", Agency), ("format", Format) }.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        ViewData["Title"] = "开放数据";
        Breadcrumbs.Set(ViewData, new Breadcrumbs.Step("开放数据"));
        return Page();
    }
}
