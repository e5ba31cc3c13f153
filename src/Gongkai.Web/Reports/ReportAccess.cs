namespace Gongkai.Web.Reports;

/// <summary>How the console's report pages find an edition, with the permission their action needs.</summary>
public static class ReportAccess
{
    /// <summary>
    /// The edition (tracked, to be changed) if it exists and the staff member holds
    /// <paramref name="permission"/> over its agency; otherwise what to answer: 404 or 403.
    /// </summary>
    public static async Task<(AnnualReportRecord? Record, IActionResult? Denied)> FindAsync(GongkaiDb db, StaffContext staff, int id, Permission permission, CancellationToken ct)
    {
        var record = await db.AnnualReports.FindAsync([id], ct);
        if (record is null)
        {
            return (null, new NotFoundResult());
        }
        return await staff.CanAsync(permission, record.AgencyId, ct) ? (record, null) : (null, new ForbidResult());
    }
}
