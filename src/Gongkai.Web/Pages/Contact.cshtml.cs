using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages;

/// <summary>联系我们: who runs the site, and each agency's disclosure office (Art. 24: its address, phone and hours are public).</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ContactModel(GongkaiDb db) : PageModel
{
    public IReadOnlyList<Agency> Offices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Offices = (await PortalAgencies.LoadAsync(db, ct)).InOrder().ToList();
        ViewData["Title"] = "联系我们";
        Breadcrumbs.Set(ViewData, new Breadcrumbs.Step("联系我们"));
    }
}
