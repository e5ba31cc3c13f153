using Gongkai.Data;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>政府信息公开年报 of the agency's column; empty until its capability is built.</summary>
public sealed class AgencyReportsModel(GongkaiDb db) : AgencyColumnPage(db)
{
    public override ColumnSection Section => ColumnSection.Reports;
}
