namespace Gongkai.Web.Pages.Console.Items;

/// <summary>
/// The information items of the agencies the staff member may read: those waiting for someone
/// first, and every item past Art. 26's 20 working days flagged.
/// </summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    public sealed record Row(int Id, string IndexNumber, string Title, string Agency, ItemStatus Status, DateOnly WrittenOn, DateOnly? PublishedOn, int WorkingDays, bool Late);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanCreate => staff.HasAnywhere(Permission.EditRecords);
    public bool MayImport => staff.HasAnywhere(Permission.EditAgencyProfile);

    /// <summary>Only items in this state (the dashboard's links).</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public ItemStatus? Status { get; set; }

    /// <summary>"sent-back": my drafts a reviewer returned; "late": unpublished items near or past Art. 26's period.</summary>
    [BindProperty(SupportsGet = true, Name = "show"), TextLimit(20)]
    public string? Show { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        var agencies = await db.Agencies.Where(a => readable.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var calendar = await calendars.CurrentAsync(db, ct);
        var today = ChinaTime.Today(clock);
        var query = db.InfoItems.AsNoTracking().Where(i => readable.Contains(i.AgencyId));
        if (Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }
        if (Show == "sent-back")
        {
            var mine = await ItemRecords.SentBackToAsync(db, staff.UserId, ct);
            query = query.Where(i => mine.Contains(i.Id));
        }
        else if (Show == "late")
        {
            query = query.Where(i => i.Status == ItemStatus.Draft || i.Status == ItemStatus.InReview || i.Status == ItemStatus.InApproval);
        }
        var items = await query
            .OrderBy(i => i.Status == ItemStatus.Published || i.Status == ItemStatus.Withdrawn).ThenByDescending(i => i.Id).Take(500)
            .Select(i => new { i.Id, i.IndexNumber, i.Title, i.AgencyId, i.Status, i.WrittenOn, i.PublishedOn }).ToListAsync(ct);
        Rows = items.Select(i => new Row(i.Id, i.IndexNumber, i.Title, agencies[i.AgencyId], i.Status, i.WrittenOn, i.PublishedOn,
            Timeliness.WorkingDaysTaken(calendar, i.WrittenOn, i.PublishedOn, today),
            Timeliness.Late(calendar, i.Status, i.WrittenOn, i.PublishedOn, today)))
            .Where(r => Show != "late" || r.WorkingDays >= Domain.Notifications.StaffDigest.ItemWarningAfterWorkingDays).ToList();
    }
}
