using Gongkai.Data;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>依申请公开: how to apply; the online form comes with the applications capability.</summary>
public sealed class ApplyModel(GongkaiDb db) : AgencyColumnPage(db)
{
    public override ColumnSection Section => ColumnSection.Apply;
}
