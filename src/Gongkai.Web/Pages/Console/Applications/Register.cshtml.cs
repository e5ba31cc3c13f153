using Gongkai.Web.Applications;
using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Applications;

/// <summary>A clerk registers an application received in person, by post, by fax or otherwise.</summary>
public sealed class RegisterModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    [BindProperty, Display(Name = "受理机构"), Required(ErrorMessage = "请选择受理机构。")]
    public int? AgencyId { get; set; }

    [BindProperty, Display(Name = "提交方式"), Required(ErrorMessage = "请选择提交方式。")]
    public Channel? Channel { get; set; }

    [BindProperty, Display(Name = "收到申请之日"), Required(ErrorMessage = "请填写收到申请之日。")]
    public DateOnly? Received { get; set; }

    /// <summary>Why records of a submitted report year are being corrected (<see cref="Corrections"/>).</summary>
    [BindProperty(Name = Corrections.Field), Display(Name = Corrections.Label), TextLimit(Corrections.MaxLength)]
    public string? CorrectionReason { get; set; }

    [BindProperty]
    public ApplicantForm Form { get; set; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.EditRecords))
        {
            return Forbid();
        }
        AgencyId = staff.AgencyId;
        Received = ChinaTime.Today(clock);
        Channel = Domain.Applications.Channel.InPerson;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.EditRecords) || (AgencyId is { } id && !await staff.CanAsync(Permission.EditRecords, id, ct)))
        {
            return Forbid();
        }
        Form.Validate(ModelState, nameof(Form));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var outcome = await ApplicationRecords.RegisterAsync(db, Form.ToApplicant(), AgencyId!.Value, Received!.Value, Channel!.Value,
            await calendars.CurrentAsync(db, ct), ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime, CorrectionReason, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome, handler: "Register");
            await LoadAsync(ct);
            return Page();
        }
        var (application, _) = outcome.Value;
        TempData["Notice"] = $"已登记，查询号 {application.TrackingNumber}。";
        return Redirect($"/console/applications/{application.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var allowed = await staff.AgenciesWhereAsync(Permission.EditRecords, ct);
        Agencies = await db.Agencies.AsNoTracking().Where(a => allowed.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
    }
}
