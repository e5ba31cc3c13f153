using Gongkai.Data.Search;
using Gongkai.Web.Disclosure;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages;

/// <summary>Full-text search over every agency's published items, with filters, highlighting and pages.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class SearchModel(GongkaiDb db, ItemSearch search, PortalCache.PortalData portal) : PageModel
{
    public const int PageSize = 10;

    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "agency")] public string? AgencyCode { get; set; }
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>信息, 年度报告 or 公开指南和制度; empty for all.</summary>
    [FromQuery(Name = "kind")] public string? Kind { get; set; }

    public static readonly IReadOnlyList<(string Value, string Label)> Kinds = [("item", "政府信息"), ("report", "年度报告"), ("guide", "公开指南和制度")];

    public sealed record Hit(string AgencyCode, string AgencyName, int Id, string TitleHtml, string SnippetHtml, DateOnly PublishedOn, string IndexNumber);

    public string? Problem { get; private set; }
    public IReadOnlyList<Hit> Hits { get; private set; } = [];
    public int Total { get; private set; }
    public bool MoreThanTotal { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<(string Code, string Name)> Agencies { get; private set; } = [];

    /// <summary>The years of published items and reports, for the year filter.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>Reports, guides and rules that match, shown above the items on the first page.</summary>
    public IReadOnlyList<PageHit> PageHits { get; private set; } = [];

    public IReadOnlyList<string> Terms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // What the form offers and the pages besides items change only when something is
        // published: kept with the portal's other copies (issue 30), not read for every query.
        var agencies = await portal.GetAsync("search:agencies", async () => (await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.ShortCode, a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.ShortCode, a.Name)).ToList());
        Agencies = agencies.Select(a => (a.ShortCode, a.Name)).ToList();
        Years = await portal.GetAsync("search:years", () => PageSearch.YearsAsync(db, ct));
        if (Query is null)
        {
            return;
        }
        var (query, problem) = SearchText.Parse(Query);
        if (query is null)
        {
            Problem = problem;
            return;
        }
        int? agencyId = null;
        if (!string.IsNullOrEmpty(AgencyCode))
        {
            agencyId = agencies.Where(a => a.ShortCode == AgencyCode).Select(a => (int?)a.Id).FirstOrDefault() ?? -1;
        }
        PageNumber = Math.Max(1, PageNumber);
        Terms = query.Terms;
        if (Kind is not "item" && PageNumber == 1 && string.IsNullOrEmpty(Category))
        {
            var pages = await portal.GetAsync("search:pages", () => PageSearch.PagesAsync(db, ct));
            PageHits = PageSearch.Find(pages, query, agencyId, Year, Kind switch { "report" => PageKind.Report, "guide" => PageKind.Guide, _ => null });
            if (Kind == "guide")
            {
                PageHits = [.. PageHits, .. PageSearch.Find(pages, query, agencyId, Year, PageKind.Rules)];
            }
        }
        if (Kind is "report" or "guide")
        {
            return;
        }
        var hits = await search.SearchAsync(query, new SearchFilter(agencyId, Year, Category), PageNumber, PageSize, ct);
        (Total, MoreThanTotal) = (hits.Total, hits.MoreThanTotal);
        var ids = hits.ItemIds;
        var rows = await db.InfoItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Join(db.Agencies, i => i.AgencyId, a => a.Id, (i, a) => new { a.ShortCode, a.Name, i.Id, i.Title, i.BodyText, i.PublishedOn, i.IndexNumber })
            .ToListAsync(ct);
        Hits = rows.OrderBy(r => ids.ToList().IndexOf(r.Id))
            .Select(r => new Hit(r.ShortCode, r.Name, r.Id, SearchHighlight.Html(r.Title, query.Terms), SearchHighlight.Html(r.BodyText, query.Terms, 120), r.PublishedOn!.Value, r.IndexNumber))
            .ToList();
    }

    public string Link(int page) =>
        "/search?" + string.Join("&", new[]
        {
            "q=" + Uri.EscapeDataString(Query ?? ""),
            string.IsNullOrEmpty(AgencyCode) ? null : "agency=" + Uri.EscapeDataString(AgencyCode),
            string.IsNullOrEmpty(Category) ? null : "category=" + Uri.EscapeDataString(Category),
            Year is { } y ? $"year={y}" : null,
            string.IsNullOrEmpty(Kind) ? null : "kind=" + Uri.EscapeDataString(Kind),
            page > 1 ? $"page={page}" : null,
        }.Where(p => p is not null));
}
