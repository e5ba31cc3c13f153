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

    public async Task OnGetAsync(CancellationToken ct)
    {
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        var agencies = await db.Agencies.Where(a => readable.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var calendar = await calendars.CurrentAsync(db, ct);
        var today = ChinaTime.Today(clock);
        var items = await db.InfoItems.AsNoTracking().Where(i => readable.Contains(i.AgencyId))
            .OrderBy(i => i.Status == ItemStatus.Published || i.Status == ItemStatus.Withdrawn).ThenByDescending(i => i.Id).Take(500)
            .Select(i => new { i.Id, i.IndexNumber, i.Title, i.AgencyId, i.Status, i.WrittenOn, i.PublishedOn }).ToListAsync(ct);
        Rows = items.Select(i => new Row(i.Id, i.IndexNumber, i.Title, agencies[i.AgencyId], i.Status, i.WrittenOn, i.PublishedOn,
            Timeliness.WorkingDaysTaken(calendar, i.WrittenOn, i.PublishedOn, today),
            i.Status != ItemStatus.Withdrawn && Timeliness.Late(calendar, i.WrittenOn, i.PublishedOn, today))).ToList();
    }
}
