using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>公开指南 (Art. 12): how to obtain information, with the office's contact data.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class GuideModel(GongkaiDb db, PortalCache.PortalData portal) : AgencyColumnPage(db, portal)
{
    public override ColumnSection Section => ColumnSection.Guide;
}
