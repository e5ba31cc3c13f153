namespace Gongkai.Web.Pages;

/// <summary>The agencies as the portal lists them (home, 网站地图, 联系我们): by their tree, each level in its set order.</summary>
public sealed record PortalAgencies(IReadOnlyList<Agency> All, IReadOnlyList<Agency> Roots, ILookup<int?, Agency> ChildrenOf)
{
    public static async Task<PortalAgencies> LoadAsync(GongkaiDb db, CancellationToken ct)
    {
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Name).ToListAsync(ct);
        var ids = all.Select(a => a.Id).ToHashSet();
        // An agency whose parent is not on the list (none, or outside it) is a root.
        return new PortalAgencies(all, all.Where(a => a.ParentId is null || !ids.Contains(a.ParentId.Value)).ToList(), all.ToLookup(a => a.ParentId));
    }

    /// <summary>Every agency, each parent before its children (the order of the tree read top to bottom).</summary>
    public IEnumerable<Agency> InOrder()
    {
        IEnumerable<Agency> Below(Agency a) => ChildrenOf[a.Id].SelectMany(c => Below(c).Prepend(c));
        return Roots.SelectMany(r => Below(r).Prepend(r));
    }
}
