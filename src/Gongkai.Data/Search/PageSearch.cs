using Gongkai.Data.Reports;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;

namespace Gongkai.Data.Search;

/// <summary>What the portal has besides items, as the search shows and filters it.</summary>
public enum PageKind
{
    /// <summary>政府信息公开工作年度报告 (Art. 49), the edition in force.</summary>
    Report,

    /// <summary>政府信息公开指南 (Art. 12).</summary>
    Guide,

    /// <summary>政府信息公开制度, where the agency has published one.</summary>
    Rules,
}

/// <param name="Text">The page's text, for the snippet.</param>
public sealed record PageHit(PageKind Kind, string AgencyCode, string AgencyName, string Title, string Text, string Url, int? Year);

/// <summary>A page the search can find, its text folded as the item index folds it.</summary>
/// <param name="AgencyId">The agency whose page it is, for the agency filter.</param>
/// <param name="StoredText">Title and text as <see cref="ItemSearch.StoredText"/> folds them, matched term by term.</param>
public sealed record SearchablePage(PageHit Page, int AgencyId, string StoredText);

/// <summary>
/// The search over the portal's pages that are not items: the published annual reports (title,
/// outline and narrative) and each agency's 公开指南 and 公开制度. They are few — one report an agency
/// a year, one guide an agency — so they are read once into memory (<see cref="PagesAsync"/>, which
/// the portal keeps until something it shows changes) and each query is matched against them
/// directly (<see cref="Find"/>), with the same folding as the item index: a query finds exactly
/// the pages containing each of its terms.
/// </summary>
public static class PageSearch
{
    /// <summary>At most this many pages are listed (the newest reports first); a search that finds more is narrowed by its filters.</summary>
    public const int Limit = 30;

    public static string Label(PageKind kind) => kind switch
    {
        PageKind.Report => "年度报告",
        PageKind.Guide => "公开指南",
        _ => "公开制度",
    };

    /// <summary>Every page the search can find, in the order it lists them: reports newest first (then by agency), then each agency's guide and rules.</summary>
    public static async Task<IReadOnlyList<SearchablePage>> PagesAsync(GongkaiDb db, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.ShortCode, a.Name, a.GuideText, a.RulesText }).ToListAsync(ct);
        var names = agencies.ToDictionary(a => a.Id);
        var pages = new List<SearchablePage>();
        var records = await db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published)
            .OrderByDescending(r => r.Year).ThenBy(r => r.AgencyId).ToListAsync(ct);
        foreach (var record in records)
        {
            if (names.TryGetValue(record.AgencyId, out var agency))
            {
                var report = ReportRecords.Load(record);
                var text = string.Join("\n", report.Parts.Select(p => $"{p.Heading}\n{p.Text}"));
                pages.Add(Searchable(new PageHit(PageKind.Report, agency.ShortCode, agency.Name, record.Title, text, $"/agency/{agency.ShortCode}/reports/{record.Year}", record.Year), agency.Id));
            }
        }
        foreach (var agency in agencies)
        {
            pages.Add(Searchable(new PageHit(PageKind.Guide, agency.ShortCode, agency.Name, $"{agency.Name}政府信息公开指南", agency.GuideText ?? "", $"/agency/{agency.ShortCode}/guide", null), agency.Id));
            if (!string.IsNullOrWhiteSpace(agency.RulesText))
            {
                pages.Add(Searchable(new PageHit(PageKind.Rules, agency.ShortCode, agency.Name, $"{agency.Name}政府信息公开制度", agency.RulesText, $"/agency/{agency.ShortCode}/rules", null), agency.Id));
            }
        }
        return pages;
    }

    private static SearchablePage Searchable(PageHit page, int agencyId) => new(page, agencyId, ItemSearch.StoredText($"{page.Title}\n{page.Text}"));

    /// <summary>
    /// The pages holding every term of the query, of one agency, year and kind when asked; at most
    /// <see cref="Limit"/>. A guide or a set of rules has no year: a search limited to a year leaves them out.
    /// </summary>
    public static IReadOnlyList<PageHit> Find(IReadOnlyList<SearchablePage> pages, SearchQuery query, int? agencyId, int? year, PageKind? kind) =>
        pages.Where(p => (kind is null || p.Page.Kind == kind)
                && (agencyId is null || p.AgencyId == agencyId)
                && (year is null || p.Page.Year == year)
                && query.Terms.All(t => p.StoredText.Contains(t, StringComparison.Ordinal)))
            .Select(p => p.Page).Take(Limit).ToList();

    /// <summary>The years the search's year filter offers: those of published items (from the index's year facets) and of published reports, newest first.</summary>
    public static async Task<IReadOnlyList<int>> YearsAsync(GongkaiDb db, CancellationToken ct)
    {
        var facets = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT term AS \"Value\" FROM search_postings WHERE term LIKE 'yr%'").ToListAsync(ct);
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published).Select(r => r.Year).Distinct().ToListAsync(ct);
        return facets.Select(f => int.TryParse(f.AsSpan(2), out var y) ? y : 0).Where(y => y > 0).Concat(reports).Distinct().OrderDescending().ToList();
    }
}
