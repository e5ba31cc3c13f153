namespace Gongkai.Web.Pages.Console.Items;

/// <summary>
/// The information items of the agencies the staff member may read: those waiting for someone
/// first, and every item past Art. 26's 20 working days flagged.
/// </summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    public sealed record Row(int Id, string IndexNumber, string Title, string Agency, ItemStatus Status, DateOnly WrittenOn, DateOnly? PublishedOn, int WorkingDays, bool Late);

    public const int PageSize = 100;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Every item that matches (the page shows <see cref="PageSize"/> of them).</summary>
    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public string Link(int page) => $"/console/items?page={page}{(Status is { } s ? "&status=" + s : "")}{(Show is null ? "" : "&show=" + Uri.EscapeDataString(Show))}";
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
        var ordered = query.OrderBy(i => i.Status == ItemStatus.Published || i.Status == ItemStatus.Withdrawn).ThenByDescending(i => i.Id)
            .Select(i => new { i.Id, i.IndexNumber, i.Title, i.AgencyId, i.Status, i.WrittenOn, i.PublishedOn });
        Row RowOf(int id, string index, string title, int agency, ItemStatus status, DateOnly written, DateOnly? published) => new(id, index, title, agencies[agency], status, written, published,
            Timeliness.WorkingDaysTaken(calendar, written, published, today), Timeliness.Late(calendar, status, written, published, today));
        if (Show == "late")
        {
            // Lateness is counted on the working-day calendar, so the unpublished items (a few per office) are read and counted here.
            var late = (await ordered.ToListAsync(ct)).Select(i => RowOf(i.Id, i.IndexNumber, i.Title, i.AgencyId, i.Status, i.WrittenOn, i.PublishedOn))
                .Where(r => r.WorkingDays >= Domain.Notifications.StaffDigest.ItemWarningAfterWorkingDays).ToList();
            Total = late.Count;
            PageNumber = Math.Clamp(PageNumber, 1, Pages);
            Rows = late.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
            return;
        }
        Total = await ordered.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = (await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct))
            .Select(i => RowOf(i.Id, i.IndexNumber, i.Title, i.AgencyId, i.Status, i.WrittenOn, i.PublishedOn)).ToList();
    }
}
