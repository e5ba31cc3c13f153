using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Applications;

/// <summary>The applications of the agencies the staff member may read: overdue first, then due within 3 working days.</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    /// <summary>How near a due date must be to be listed as due soon.</summary>
    public const int DueSoonDays = Domain.Notifications.StaffDigest.DueSoonWorkingDays;

    /// <summary>"overdue" or "due-soon": only those (the dashboard's links).</summary>
    [BindProperty(SupportsGet = true, Name = "show"), TextLimit(20)]
    public string? Show { get; set; }

    public sealed record Row(int Id, string TrackingNumber, string Agency, string Applicant, DateOnly Received, CaseStatus Status, DateOnly Due, bool Open, int DaysLeft)
    {
        public bool Overdue => Open && DaysLeft < 0;
        public bool DueSoon => Open && DaysLeft is >= 0 and <= DueSoonDays;
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanRegister => staff.HasAnywhere(Permission.EditRecords);
    public bool MayImport => staff.HasAnywhere(Permission.EditAgencyProfile);

    public async Task<IActionResult> OnGetAsync(string? download, CancellationToken ct)
    {
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        var agencies = await db.Agencies.Where(a => readable.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var today = ChinaTime.Today(clock);
        var calendar = await calendars.CurrentAsync(db, ct);
        // Open applications first in the query itself: a limit applied to due-date order alone
        // could fill the page with long-closed ones and hide an overdue one.
        var list = await db.Applications.AsNoTracking().Where(a => readable.Contains(a.AgencyId))
            .OrderBy(a => a.Status == CaseStatus.Replied || a.Status == CaseStatus.Closed)
            .ThenBy(a => a.DueDate).Take(500).ToListAsync(ct);
        Rows = list.Select(a =>
            {
                var open = a.Status is not (CaseStatus.Replied or CaseStatus.Closed);
                var left = open ? Domain.Notifications.StaffDigest.WorkingDaysLeft(calendar, today, a.DueDate) : 0;
                return new Row(a.Id, a.TrackingNumber, agencies[a.AgencyId], a.ApplicantName, a.Received, a.Status, a.DueDate, open, left);
            })
            .Where(r => Show switch { "overdue" => r.Overdue, "due-soon" => r.DueSoon, _ => true })
            .OrderBy(r => r.Open ? 0 : 1).ThenBy(r => r.Due)
            .ToList();
        if (download == "xlsx")
        {
            var rows = Rows.Select(r => (IReadOnlyList<object?>)[r.TrackingNumber, r.Agency, r.Applicant, r.Received.ToString("yyyy-MM-dd"), r.Status.Label(),
                r.Due.ToString("yyyy-MM-dd"), r.Open ? r.DaysLeft : null]);
            var sheet = new Gongkai.Documents.Files.Xlsx.Sheet("申请", ["查询号", "机构", "申请人", "收到日期", "状态", "答复期限", "剩余工作日（负数为已逾期）"], rows);
            return File(Gongkai.Documents.Files.Xlsx.Write([sheet]), Gongkai.Documents.Files.Xlsx.ContentType, $"政府信息公开申请-{today:yyyyMMdd}.xlsx");
        }
        return Page();
    }
}
