using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>政府信息公开制度 of the agency's column; empty until its capability is built.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class RulesModel(GongkaiDb db, PortalCache.PortalData portal) : AgencyColumnPage(db, portal)
{
    public override ColumnSection Section => ColumnSection.Rules;
}
