using Gongkai.Data.Supervision;
using Gongkai.Domain.Supervision;

namespace Gongkai.Web.Pages.Console.ChaseUps;

/// <summary>
/// A supervisor's 督办 about a late case, item or report of an agency below it: the record and how
/// it is late are shown, the note and the reply-by day asked (<see cref="ChaseUpRecords.SendAsync"/>).
/// </summary>
public sealed class NewModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    /// <summary>application, item or report.</summary>
    [BindProperty(SupportsGet = true, Name = "subject"), TextLimit(20)]
    public string? SubjectName { get; set; }

    /// <summary>The application's or item's id; for a report, the agency's.</summary>
    [BindProperty(SupportsGet = true, Name = "id")]
    public int Id { get; set; }

    /// <summary>For a report, the year it reports on.</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty, TextLimit(Domain.Supervision.ChaseUps.NoteMaxLength)]
    public string? Note { get; set; }

    [BindProperty]
    public DateOnly? ReplyBy { get; set; }

    public ChaseUpRecords.Subject? Subject { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        ReplyBy ??= ChinaTime.Today(clock).AddDays(7);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (Subject is null || !ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await ChaseUpRecords.SendAsync(db, Subject, staff.AgencyId, (staff.UserId, staff.DisplayName), Note ?? "", ReplyBy,
            ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        TempData["Notice"] = $"已向{Subject.Agency}发出督办。";
        return Redirect($"/console/chase-ups/{outcome.Value!.Id}");
    }

    /// <summary>Finds the record; refuses one the supervisor may not chase up. A record that is not late is shown with the reason and no form.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.SendChaseUps))
        {
            return Forbid();
        }
        ChaseUpSubject? kind = SubjectName switch { "application" => ChaseUpSubject.Application, "item" => ChaseUpSubject.Item, "report" => ChaseUpSubject.Report, _ => null };
        if (kind is null)
        {
            return NotFound();
        }
        Subject = await ChaseUpRecords.LateSubjectAsync(db, kind.Value, Id, Year, ChinaTime.Today(clock), await calendars.CurrentAsync(db, ct), ct);
        if (Subject is not null && !await staff.CanAsync(Permission.SendChaseUps, Subject.AgencyId, ct))
        {
            return Forbid();
        }
        ViewData["Title"] = "督办";
        return null;
    }
}
