using Gongkai.Documents.Reports;
using static Gongkai.Data.Applications.ApplicationRecords;

namespace Gongkai.Web.Pages.Console.Applications;

/// <summary>
/// One application: its data, its steps, its deadline explained day by day, and a form that
/// records the next step. The domain refuses illegal steps; two clerks at once → the second is
/// told to reload, nothing is lost.
/// </summary>
public sealed class DetailsModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    // The step form's fields carry no prefix ("Kind", "Date", …): each step form on the page posts them so.
    [BindProperty(Name = "")]
    public StepInput Step { get; set; } = new();

    /// <summary>Why records of a submitted report year are being corrected (<see cref="Corrections"/>).</summary>
    [BindProperty(Name = Corrections.Field), Display(Name = Corrections.Label), TextLimit(Corrections.MaxLength)]
    public string? CorrectionReason { get; set; }

    [BindProperty(Name = nameof(NewAppeal))]
    public AppealInput NewAppeal { get; set; } = new();

    [BindProperty(Name = nameof(Decision))]
    public DecisionInput Decision { get; set; } = new();

    /// <summary>What the page shows, read by <see cref="ApplicationRecords.FileAsync"/>.</summary>
    public ApplicationFile Record { get; private set; } = null!;

    public DisclosureApplication Application => Record.Application;
    public ApplicationCase Case => Record.Case;
    public bool CanEdit { get; private set; }

    /// <summary>Whether this user may approve what needs the head of the office (an extension).</summary>
    public bool CanApprove { get; private set; }

    public Fee FeePerRequest => ProcessingFee.ForRequest(Record.RequestNumberInMonth);

    /// <summary>The steps the lifecycle allows now and this user may take, as the domain says (<see cref="ApplicationCase.AllowedSteps"/>).</summary>
    public IEnumerable<StepKind> NextSteps => Case.AllowedSteps(CanApprove);

    /// <summary>Today in Beijing, the date a step form offers.</summary>
    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>Pages of a by-volume fee to compute (按量计收), from the small form beside the fee.</summary>
    [BindProperty(SupportsGet = true, Name = "pages"), Range(1, 10_000_000, ErrorMessage = "页数应在 1 至 10000000 之间。")]
    public int? Pages { get; set; }

    public Fee? FeeForPages => Pages is > 0 and <= 10_000_000 ? ProcessingFee.ForPages(Pages.Value) : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Step.Version = Application.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadForEditAsync(id, "Step", ct) is { } denied)
        {
            return denied;
        }
        var step = Step.ToDomain(staff.UserName, byReviewer: CanApprove);
        var outcome = await RecordStepAsync(db, Application, Case, step, Step.Version, await calendars.CurrentAsync(db, ct),
            staff.UserId, clock.GetUtcNow().UtcDateTime, CorrectionReason, ct);
        return await ShownAsync(id, outcome, $"已记录：{step.Kind.Label()}。", "Step", prefix: null, ct);
    }

    /// <summary>Records a reconsideration or lawsuit about this application (the report's fourth table counts it).</summary>
    public async Task<IActionResult> OnPostAppealAsync(int id, CancellationToken ct)
    {
        if (await LoadForEditAsync(id, nameof(NewAppeal), ct) is { } denied)
        {
            return denied;
        }
        var outcome = await AddAppealAsync(db, Application, NewAppeal.Kind!.Value, NewAppeal.Filed!.Value, NewAppeal.Body!,
            clock.GetUtcNow().UtcDateTime, CorrectionReason, ct);
        return await ShownAsync(id, outcome, "已记录。", "Appeal", nameof(NewAppeal), ct);
    }

    /// <summary>Records the result of a reconsideration or lawsuit.</summary>
    public async Task<IActionResult> OnPostDecisionAsync(int id, CancellationToken ct)
    {
        if (await LoadForEditAsync(id, nameof(Decision), ct) is { } denied)
        {
            return denied;
        }
        if (!Record.Appeals.Any(a => a.Id == Decision.AppealId))
        {
            return NotFound();
        }
        var appeal = await db.Appeals.SingleAsync(a => a.Id == Decision.AppealId, ct);
        var outcome = await DecideAppealAsync(db, appeal, Decision.Decided, Decision.Result, CorrectionReason, ct);
        return await ShownAsync(id, outcome, "已记录审结结果。", $"Decision-{appeal.Id}", nameof(Decision), ct);
    }

    /// <summary>Done: back to the page with the notice. Not done: the stored state again (when it changed or the year is locked) and the outcome shown.</summary>
    private async Task<IActionResult> ShownAsync(int id, Outcome outcome, string notice, string handler, string? prefix, CancellationToken ct)
    {
        if (outcome.IsDone)
        {
            TempData["Notice"] = notice;
            return Redirect($"/console/applications/{id}");
        }
        if (outcome.Kind is OutcomeKind.Stale or OutcomeKind.YearLocked)
        {
            await LoadAsync(id, ct);
        }
        OutcomeView.Show(this, outcome, handler, prefix);
        return Page();
    }

    /// <summary>Loads the application for one of its forms: refused unless this user may edit it; the form's messages when it is invalid (on its own fields only).</summary>
    private async Task<IActionResult?> LoadForEditAsync(int id, string form, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        // The step form's fields have no prefix; the others' are "NewAppeal." and "Decision.".
        foreach (var key in ModelState.Keys.Where(k => form == "Step" ? k.Contains('.') : !k.StartsWith(form + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        return ModelState.IsValid ? null : Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        // Another agency's application answers as a missing one: its ids are not to be probed.
        if (application is null || !await staff.CanAsync(Permission.ReadRecords, application.AgencyId, ct))
        {
            return NotFound();
        }
        CanEdit = await staff.CanAsync(Permission.EditRecords, application.AgencyId, ct);
        CanApprove = await staff.CanAsync(Permission.Review, application.AgencyId, ct);
        Record = await FileAsync(db, application, await calendars.CurrentAsync(db, ct), CanEdit, CanApprove, ct);
        return null;
    }
}
