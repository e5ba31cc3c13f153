using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages;

/// <summary>网站地图: the site's structure as a page people read (sitemap.xml is the one for search engines).</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class SiteMapModel(GongkaiDb db) : PageModel
{
    public PortalAgencies Agencies { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = await PortalAgencies.LoadAsync(db, ct);
        ViewData["Title"] = "网站地图";
        Breadcrumbs.Set(ViewData, new Breadcrumbs.Step("网站地图"));
    }
}
