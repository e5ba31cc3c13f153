using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>An agency's 政府信息公开 column: its sections and its disclosure office.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ColumnModel(GongkaiDb db, PortalCache.PortalData portal) : AgencyColumnPage(db, portal)
{
    public override ColumnSection Section => ColumnSection.Home;
}
