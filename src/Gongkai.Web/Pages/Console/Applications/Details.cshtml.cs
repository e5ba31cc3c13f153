using System.ComponentModel.DataAnnotations;
using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Staff;
using Gongkai.Web.Applications;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Console.Applications;

/// <summary>
/// One application: its data, its steps, its deadline explained day by day, and a form that
/// records the next step. The domain refuses illegal steps; two clerks at once → the second is
/// told to reload, nothing is lost.
/// </summary>
public sealed class DetailsModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "步骤"), Required(ErrorMessage = "请选择步骤。")]
    public StepKind? Kind { get; set; }

    [BindProperty, Display(Name = "日期"), Required(ErrorMessage = "请填写日期。")]
    public DateOnly? Date { get; set; }

    [BindProperty, Display(Name = "答复类型")]
    public ReplyType? Reply { get; set; }

    [BindProperty, Display(Name = "工作日数"), Range(1, 200, ErrorMessage = "工作日数应在 1 至 200 之间。")]
    public int? Days { get; set; }

    [BindProperty, Display(Name = "收费金额（元）"), Range(0.01, 10_000_000, ErrorMessage = "金额应大于 0。")]
    public decimal? Amount { get; set; }

    [BindProperty, Display(Name = "理由或说明"), Required(ErrorMessage = "请填写理由或说明。"), StringLength(1000, ErrorMessage = "不超过 1000 个字。")]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    private const string StaleMessage = "该申请已被他人办理，您的操作未保存。请刷新页面查看最新情况后重试。";

    public DisclosureApplication Application { get; private set; } = null!;
    public ApplicationCase Case { get; private set; } = null!;
    public IReadOnlyList<ApplicationStep> Steps { get; private set; } = [];
    public Deadline Deadline { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public IEnumerable<StepKind> NextSteps => ApplicationCase.Transitions.Keys.Where(k => k.From == Case.Status).Select(k => k.Step).Distinct();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Version = Application.Version;
        Date = Gongkai.Web.Reports.ReportRecords.ChinaToday(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (Version != Application.Version)
        {
            // Someone recorded a step since this page was read: the form was filled in on a stale state.
            ModelState.AddModelError("", StaleMessage);
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var step = new CaseStep(Kind!.Value, Date!.Value, staff.UserName, Reason!.Trim(), Reply, Days, Amount,
            ByReviewer: await staff.CanAsync(Permission.Review, Application.AgencyId, ct));
        var calendar = WorkingCalendar.National;
        try
        {
            Case.Record(step, calendar);
        }
        catch (Exception e) when (e is CaseStepException or CalendarGapException)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        db.Entry(Application).Property(a => a.Version).OriginalValue = Version;
        Application.Version = Version + 1;
        ApplicationRecords.Refresh(Application, Case, calendar);
        db.ApplicationSteps.Add(new ApplicationStep
        {
            ApplicationId = Application.Id, AgencyId = Application.AgencyId, Kind = step.Kind, Date = step.Date, Actor = staff.UserName,
            ActorUserId = staff.UserId, Reason = step.Reason, ReplyType = step.Reply, Days = step.Days, Amount = step.Amount,
            ByReviewer = step.ByReviewer, RecordedUtc = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", StaleMessage);
            return Page();
        }
        TempData["Notice"] = $"已记录：{ApplicationCase.Label(step.Kind)}。";
        return Redirect($"/console/applications/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return NotFound();
        }
        if (!await staff.CanAsync(Permission.ReadRecords, application.AgencyId, ct))
        {
            return Forbid();
        }
        Application = application;
        var calendar = WorkingCalendar.National;
        (Case, Steps) = await ApplicationRecords.LoadAsync(db, application, calendar, ct);
        Deadline = Case.Deadline(calendar);
        CanEdit = await staff.CanAsync(Permission.EditRecords, application.AgencyId, ct);
        return null;
    }
}
