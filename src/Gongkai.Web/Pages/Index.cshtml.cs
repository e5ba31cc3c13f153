using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages;

/// <summary>The portal home: every agency, as its tree.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(GongkaiDb db) : PageModel
{
    public IReadOnlyList<Agency> Roots { get; private set; } = [];
    public ILookup<int?, Agency> ChildrenOf { get; private set; } = Array.Empty<Agency>().ToLookup(a => a.ParentId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name).ToListAsync(ct);
        ChildrenOf = all.ToLookup(a => a.ParentId);
        var ids = all.Select(a => a.Id).ToHashSet();
        Roots = all.Where(a => a.ParentId is null || !ids.Contains(a.ParentId.Value)).ToList();
    }
}
