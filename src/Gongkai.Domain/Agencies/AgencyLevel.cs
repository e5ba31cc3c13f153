namespace Gongkai.Domain.Agencies;

/// <summary>The administrative level an agency belongs to (省级/市级/县级/乡级).</summary>
/// <remarks>
/// The level decides which extra proactive-disclosure areas apply (Art. 21 lists different ones
/// for county-level governments and for townships).
/// </remarks>
public enum AgencyLevel
{
    Province,
    City,
    County,
    Township,
}

/// <summary>What kind of organ an agency is.</summary>
/// <remarks>
/// Art. 49 sets different annual-report dates for a government's departments (31 January) and
/// for the government itself (31 March), so the kind is recorded, not inferred from the name.
/// </remarks>
public enum AgencyKind
{
    Government,
    Department,
    Subdistrict,
    Other,
}

public static class AgencyNames
{
    public static string Label(this AgencyLevel level) => level switch
    {
        AgencyLevel.Province => "省级",
        AgencyLevel.City => "市级",
        AgencyLevel.County => "县级",
        AgencyLevel.Township => "乡级",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static string Label(this AgencyKind kind) => kind switch
    {
        AgencyKind.Government => "人民政府",
        AgencyKind.Department => "政府部门",
        AgencyKind.Subdistrict => "街道办事处",
        AgencyKind.Other => "其他机关",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
