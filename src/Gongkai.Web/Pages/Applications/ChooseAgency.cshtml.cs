using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Applications;

/// <summary>我要申请: an application goes to the agency that holds the information (Art. 27), so first the agency.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ChooseAgencyModel(GongkaiDb db) : PageModel
{
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = (await PortalAgencies.LoadAsync(db, ct)).InOrder().ToList();
        ViewData["Title"] = "我要申请";
        Breadcrumbs.Set(ViewData, new Breadcrumbs.Step("我要申请"));
    }
}
