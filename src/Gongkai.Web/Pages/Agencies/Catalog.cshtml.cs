using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>法定主动公开内容: the agency's published items by catalog heading and year, newest first, 20 a page.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class CatalogModel(GongkaiDb db, PortalCache.PortalData portal) : AgencyColumnPage(db, portal)
{
    public const int PageSize = 20;

    public override ColumnSection Section => ColumnSection.Catalog;

    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    private sealed record CatalogCell(string CategoryCode, int Year, int Count);

    public sealed record Row(int Id, string Title, string IndexNumber, DateOnly PublishedOn, string? DocumentNumber);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<(DisclosureCategory Category, int Count)> Headings { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    protected override async Task<IActionResult> LoadSectionAsync(CancellationToken ct)
    {
        var published = Db.InfoItems.AsNoTracking().Where(i => i.AgencyId == Agency.Id && i.Status == ItemStatus.Published);
        // One grouping gives the headings' counts, the years and the total of any filter (read
        // from the covering index ix_info_items_catalog); the page is the only other query.
        var cells = await Portal.GetAsync($"catalog:{Agency.Id}", () => published.GroupBy(i => new { i.CategoryCode, i.PublishedOn!.Value.Year })
            .Select(g => new CatalogCell(g.Key.CategoryCode, g.Key.Year, g.Count())).ToListAsync(ct));
        var counts = cells.GroupBy(c => c.CategoryCode).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        Headings = Categories.For(Agency.Level == Domain.Agencies.AgencyLevel.Township).Select(c => (c, counts.GetValueOrDefault(c.Code))).ToList();
        Years = cells.Select(c => c.Year).Distinct().OrderDescending().ToList();
        Total = cells.Where(c => (Category is not { Length: > 0 } || c.CategoryCode == Category) && (Year is not { } y || c.Year == y)).Sum(c => c.Count);
        var filtered = published;
        if (Category is { Length: > 0 } category)
        {
            filtered = filtered.Where(i => i.CategoryCode == category);
        }
        if (Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            filtered = filtered.Where(i => i.PublishedOn >= from && i.PublishedOn <= to);
        }
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        // The page's ids come from an index alone (ix_info_items_agency_id_status_published_on_id or
        // ix_info_items_catalog); only those twenty rows are read from the table.
        var pageIds = filtered.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(i => i.Id);
        Rows = (await Db.InfoItems.AsNoTracking().Where(i => pageIds.Contains(i.Id)).OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id)
            .Select(i => new { i.Id, i.Title, i.IndexNumber, i.PublishedOn, i.DocumentNumber }).ToListAsync(ct))
            .Select(i => new Row(i.Id, i.Title, i.IndexNumber, i.PublishedOn!.Value, i.DocumentNumber)).ToList();
        return Page();
    }

    public string Link(string? category, int? year, int page = 1)
    {
        var query = new List<string>();
        if (category is { Length: > 0 })
        {
            query.Add("category=" + Uri.EscapeDataString(category));
        }
        if (year is { } y)
        {
            query.Add($"year={y}");
        }
        if (page > 1)
        {
            query.Add($"page={page}");
        }
        return $"/agency/{Agency.ShortCode}/catalog" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
