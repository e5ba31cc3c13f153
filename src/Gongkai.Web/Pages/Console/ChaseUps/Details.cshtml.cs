using Gongkai.Data.Supervision;

namespace Gongkai.Web.Pages.Console.ChaseUps;

/// <summary>One 督办: what was chased up and why, and the agency's answer (given here, once, by its staff).</summary>
public sealed class DetailsModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    public ChaseUp ChaseUp { get; private set; } = null!;
    public string Agency { get; private set; } = "";
    public string From { get; private set; } = "";
    public bool MayAnswer { get; private set; }
    public string State => Domain.Supervision.ChaseUps.State(ChaseUp.ReplyBy, ChaseUp.AnsweredOn, ChinaTime.Today(clock));
    public string SubjectLink => ChaseUpRecords.SubjectLink(ChaseUp);

    [BindProperty, TextLimit(Domain.Supervision.ChaseUps.AnswerMaxLength)]
    public string? Answer { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (!MayAnswer)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await ChaseUpRecords.AnswerAsync(db, ChaseUp, Answer ?? "", Version, staff.DisplayName, ChinaTime.Today(clock), ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        TempData["Notice"] = "已回复督办。";
        return Redirect($"/console/chase-ups/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var chaseUp = await db.ChaseUps.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (chaseUp is null)
        {
            return NotFound();
        }
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        if (!readable.Contains(chaseUp.AgencyId) && !readable.Contains(chaseUp.FromAgencyId))
        {
            return Forbid();
        }
        ChaseUp = chaseUp;
        Version = chaseUp.Version;
        var names = await db.Agencies.AsNoTracking().Where(a => a.Id == chaseUp.AgencyId || a.Id == chaseUp.FromAgencyId).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        (Agency, From) = (names[chaseUp.AgencyId], names[chaseUp.FromAgencyId]);
        MayAnswer = chaseUp.AnsweredOn is null && await staff.CanAsync(Permission.EditRecords, chaseUp.AgencyId, ct);
        ViewData["Title"] = "督办";
        return null;
    }
}
