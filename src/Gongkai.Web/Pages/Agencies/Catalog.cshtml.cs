using Gongkai.Data;
using Gongkai.Domain.Disclosure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>法定主动公开内容: the agency's published items by catalog heading and year, newest first, 20 a page.</summary>
public sealed class CatalogModel(GongkaiDb db) : AgencyColumnPage(db)
{
    public const int PageSize = 20;

    public override ColumnSection Section => ColumnSection.Catalog;

    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public sealed record Row(int Id, string Title, string IndexNumber, DateOnly PublishedOn, string? DocumentNumber);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public IReadOnlyList<(DisclosureCategory Category, int Count)> Headings { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    protected override async Task<IActionResult> LoadSectionAsync(CancellationToken ct)
    {
        var published = Db.InfoItems.AsNoTracking().Where(i => i.AgencyId == Agency.Id && i.Status == ItemStatus.Published);
        var counts = await published.GroupBy(i => i.CategoryCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Headings = Categories.For(Agency.Level == Domain.Agencies.AgencyLevel.Township).Select(c => (c, counts.GetValueOrDefault(c.Code))).ToList();
        Years = await published.Select(i => i.PublishedOn!.Value.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
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
        Total = await filtered.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = (await filtered.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)
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
