using Gongkai.Data.MovingIn;
using Gongkai.Web.MovingIn;

namespace Gongkai.Web.Pages.Console.Applications;

/// <summary>An agency's admin brings its applications ledger (依申请公开台账) in: preview row by row, then confirm.</summary>
public sealed class ImportModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    [BindProperty]
    public SheetUpload Sheet { get; set; } = new();

    [BindProperty(SupportsGet = true), Display(Name = "机构")]
    public int? AgencyId { get; set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        AgencyId ??= staff.AgencyId;
        return await LoadAsync(ct) ? Page() : Forbid();
    }

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => RunAsync(apply: false, ct);

    public Task<IActionResult> OnPostApplyAsync(CancellationToken ct) => RunAsync(apply: true, ct);

    private async Task<IActionResult> RunAsync(bool apply, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || AgencyId is not { } agencyId || Agencies.All(a => a.Id != agencyId))
        {
            return Forbid();
        }
        var calendar = await calendars.CurrentAsync(db, ct);
        var today = ChinaTime.Today(clock);
        return await Sheet.RunAsync(this, apply, sheet => apply
            ? LedgerImport.ApplyAsync(db, agencyId, sheet, Sheet.Map, Sheet.FileName ?? "", calendar, today, clock.GetUtcNow().UtcDateTime, ct)
            : LedgerImport.PreviewAsync(db, agencyId, sheet, Sheet.Map, calendar, today, ct), ct);
    }

    // The agency's admin brings its own ledger (the system admin any agency's).
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var allowed = await staff.AgenciesWhereAsync(Permission.EditAgencyProfile, ct);
        Agencies = await db.Agencies.AsNoTracking().Where(a => allowed.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
        return Agencies.Count > 0;
    }
}
