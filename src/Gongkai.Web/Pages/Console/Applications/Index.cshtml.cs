using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Applications;

/// <summary>The applications of the agencies the staff member may read, a page at a time: open ones first by due date (<see cref="ApplicationList"/>).</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    /// <summary>"overdue" or "due-soon": only those (the dashboard's links).</summary>
    [BindProperty(SupportsGet = true, Name = "show"), TextLimit(20)]
    public string? Show { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ApplicationList.Page List { get; private set; } = new(0, 1, 1, []);
    public IReadOnlyDictionary<int, string> AgencyNames { get; private set; } = new Dictionary<int, string>();
    public bool CanRegister => staff.HasAnywhere(Permission.EditRecords);
    public bool MayImport => staff.HasAnywhere(Permission.EditAgencyProfile);

    public string Link(int page) => $"/console/applications?page={page}{(Show is null ? "" : "&show=" + Uri.EscapeDataString(Show))}";

    public async Task<IActionResult> OnGetAsync(string? download, CancellationToken ct)
    {
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        AgencyNames = await db.Agencies.Where(a => readable.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var today = ChinaTime.Today(clock);
        var calendar = await calendars.CurrentAsync(db, ct);
        var filter = ApplicationList.ParseFilter(Show);
        if (download == "xlsx")
        {
            // Every application that matches, however many, streamed from the query into the file.
            var rows = ApplicationList.AllAsync(db, readable, filter, calendar, today, ct).ToBlockingEnumerable(ct)
                .Select(r => (IReadOnlyList<object?>)[r.TrackingNumber, AgencyNames[r.AgencyId], r.Applicant, r.Received.ToString("yyyy-MM-dd"), r.Status.Label(), r.Due.ToString("yyyy-MM-dd"), r.Open ? r.DaysLeft : null]);
            var sheet = new Gongkai.Documents.Files.Xlsx.Sheet("申请", ["查询号", "机构", "申请人", "收到日期", "状态", "答复期限", "剩余工作日（负数为已逾期）"], rows);
            return XlsxDownload.Of([sheet], $"政府信息公开申请-{today:yyyyMMdd}.xlsx");
        }
        List = await ApplicationList.PageAsync(db, readable, filter, calendar, today, PageNumber, ct);
        return Page();
    }
}
