using Gongkai.Data;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>法定主动公开内容 of the agency's column; empty until its capability is built.</summary>
public sealed class CatalogModel(GongkaiDb db) : AgencyColumnPage(db)
{
    public override ColumnSection Section => ColumnSection.Catalog;
}
