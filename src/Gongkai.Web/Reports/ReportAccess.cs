namespace Gongkai.Web.Reports;

/// <summary>How the console's report pages find an edition, with the permission their action needs.</summary>
public static class ReportAccess
{
    /// <summary>
    /// The edition (tracked, to be changed) if it exists and the staff member holds
    /// <paramref name="permission"/> over its agency; otherwise what to answer: 404 when the edition
    /// is missing or the staff member may not see its agency (another agency's ids are not to be
    /// probed), 403 when it is visible but the action is not theirs.
    /// </summary>
    public static async Task<(AnnualReportRecord? Record, IActionResult? Denied)> FindAsync(GongkaiDb db, StaffContext staff, int id, Permission permission, CancellationToken ct)
    {
        var record = await db.AnnualReports.FindAsync([id], ct);
        if (record is null || !await staff.CanAsync(Permission.ReadRecords, record.AgencyId, ct))
        {
            return (null, new NotFoundResult());
        }
        return await staff.CanAsync(permission, record.AgencyId, ct) ? (record, null) : (null, new ForbidResult());
    }
}
