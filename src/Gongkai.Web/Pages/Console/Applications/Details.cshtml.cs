using Gongkai.Documents.Reports;
using Gongkai.Web.Applications;

namespace Gongkai.Web.Pages.Console.Applications;

/// <summary>
/// One application: its data, its steps, its deadline explained day by day, and a form that
/// records the next step. The domain refuses illegal steps; two clerks at once → the second is
/// told to reload, nothing is lost.
/// </summary>
public sealed class DetailsModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars, Gongkai.Data.Mail.Notices notices) : PageModel
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

    /// <summary>The third party consulted (Art. 32) or the organ responsible for the information (Art. 36(五)).</summary>
    [BindProperty, Display(Name = "机关或第三方名称"), StringLength(200, ErrorMessage = "不超过 200 个字。")]
    public string? Party { get; set; }

    [BindProperty, Display(Name = "联系方式"), StringLength(200, ErrorMessage = "不超过 200 个字。")]
    public string? PartyContact { get; set; }

    /// <summary>The 索引号 of the item already public a 36(一) reply points to.</summary>
    [BindProperty, Display(Name = "已公开信息的索引号"), StringLength(60, ErrorMessage = "不超过 60 个字。")]
    public string? ItemIndex { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The procedural letters this application has so far (受理回执, 补正告知书, 第三方意见征询函, 延期答复告知书).</summary>
    public IReadOnlyList<ProceduralLetter> Letters { get; private set; } = [];

    /// <summary>This agency's published items, offered for a 36(一) reply (the newest first).</summary>
    public IReadOnlyList<(string IndexNumber, string Title)> PublishedItems { get; private set; } = [];

    /// <summary>Why records of a submitted report year are being corrected (<see cref="Corrections"/>).</summary>
    [BindProperty(Name = Corrections.Field), Display(Name = Corrections.Label), TextLimit(Corrections.MaxLength)]
    public string? CorrectionReason { get; set; }

    // Named explicitly so that the step form's "Kind" is never bound here for lack of a prefix.
    [BindProperty(Name = nameof(NewAppeal))]
    public AppealInput NewAppeal { get; set; } = new();

    [BindProperty(Name = nameof(Decision))]
    public DecisionInput Decision { get; set; } = new();

    public IReadOnlyList<AppealRecord> Appeals { get; private set; } = [];

    public DisclosureApplication Application { get; private set; } = null!;
    public ApplicationCase Case { get; private set; } = null!;
    public IReadOnlyList<ApplicationStep> Steps { get; private set; } = [];
    public Deadline Deadline { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    /// <summary>Which of this applicant's requests to the agency in the natural month this one is (按件计收 counts them so).</summary>
    public int RequestNumberInMonth { get; private set; }

    public Fee FeePerRequest => ProcessingFee.ForRequest(RequestNumberInMonth);

    /// <summary>The steps the lifecycle allows now and this user may take, as the domain says (<see cref="ApplicationCase.AllowedSteps"/>).</summary>
    public IEnumerable<StepKind> NextSteps => Case.AllowedSteps(CanApprove);

    /// <summary>Why what was posted was not recorded (the rule it broke, a stale page, a locked year), shown at the top.</summary>
    public string? Refusal => ViewData.ModelState[""]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>The posted step form's field messages.</summary>
    public IReadOnlyList<string> FieldErrors => ViewData.ModelState.Where(e => e.Key is nameof(Date) or nameof(Reply) or nameof(Days) or nameof(Amount) or nameof(Reason) or nameof(Kind) or nameof(Party) or nameof(PartyContact) or nameof(ItemIndex))
        .SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();

    /// <summary>Today in Beijing, the date a step form offers.</summary>
    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>Whether this user may approve what needs the head of the office (an extension).</summary>
    public bool CanApprove { get; private set; }

    /// <summary>Pages of a by-volume fee to compute (按量计收), from the small form beside the fee.</summary>
    [BindProperty(SupportsGet = true, Name = "pages"), Range(1, 10_000_000, ErrorMessage = "页数应在 1 至 10000000 之间。")]
    public int? Pages { get; set; }

    public Fee? FeeForPages => Pages is > 0 and <= 10_000_000 ? ProcessingFee.ForPages(Pages.Value) : null;

    /// <summary>Staff by their display names, for the steps' 经办 column.</summary>
    public IReadOnlyDictionary<int, string> StaffNames { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Version = Application.Version;
        Date = ChinaTime.Today(clock);
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
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("NewAppeal", StringComparison.Ordinal) || k.StartsWith("Decision", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var step = new CaseStep(Kind!.Value, Date!.Value, staff.UserName, Reason!.Trim(), Reply, Days, Amount,
            ByReviewer: await staff.CanAsync(Permission.Review, Application.AgencyId, ct), Party: Party, PartyContact: PartyContact, ItemIndex: ItemIndex);
        var outcome = await ApplicationRecords.RecordStepAsync(db, Application, Case, step, Version, await calendars.CurrentAsync(db, ct),
            staff.UserId, clock.GetUtcNow().UtcDateTime, CorrectionReason, ct);
        if (!outcome.IsDone)
        {
            return await RefusedAsync(id, outcome, "Step", ct);
        }
        TempData["Notice"] = $"已记录：{step.Kind.Label()}。";
        return Redirect($"/console/applications/{id}");
    }

    /// <summary>Records a reconsideration or lawsuit about this application (the report's fourth table counts it).</summary>
    public async Task<IActionResult> OnPostAppealAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        OnlyErrorsOf("NewAppeal");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await ApplicationRecords.AddAppealAsync(db, Application, NewAppeal.Kind!.Value, NewAppeal.Filed!.Value, NewAppeal.Body!,
            clock.GetUtcNow().UtcDateTime, CorrectionReason, ct);
        if (!outcome.IsDone)
        {
            return await RefusedAsync(id, outcome, "Appeal", ct, prefix: "NewAppeal");
        }
        TempData["Notice"] = "已记录。";
        return Redirect($"/console/applications/{id}");
    }

    /// <summary>Records the result of a reconsideration or lawsuit.</summary>
    public async Task<IActionResult> OnPostDecisionAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        OnlyErrorsOf("Decision");
        var appeal = await db.Appeals.SingleOrDefaultAsync(a => a.Id == Decision.AppealId && a.ApplicationId == Application.Id, ct);
        if (appeal is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await ApplicationRecords.DecideAppealAsync(db, appeal, Decision.Decided, Decision.Result, CorrectionReason, ct);
        if (!outcome.IsDone)
        {
            return await RefusedAsync(id, outcome, $"Decision-{appeal.Id}", ct, prefix: "Decision");
        }
        TempData["Notice"] = "已记录审结结果。";
        return Redirect($"/console/applications/{id}");
    }

    /// <summary>A use case that did not go through: the stored state again, and the outcome shown (a locked year's form asking for the correction's reason).</summary>
    private async Task<IActionResult> RefusedAsync(int id, Outcome outcome, string handler, CancellationToken ct, string? prefix = null)
    {
        if (outcome.Kind is OutcomeKind.Stale or OutcomeKind.YearLocked)
        {
            await LoadAsync(id, ct);
        }
        OutcomeView.Show(this, outcome, handler, prefix);
        return Page();
    }

    /// <summary>The reply letter (告知书) as DOCX, from the agency's template for the reply type (or the default).</summary>
    public async Task<IActionResult> OnGetLetterAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (Case.Reply is not { } reply)
        {
            return NotFound();
        }
        try
        {
            var bytes = await ApplicationLetters.ReplyAsync(db, Application, reply, notices.Site, ct);
            return File(bytes, ApplicationLetters.DocxType, ApplicationLetters.ReplyFileName(Application));
        }
        catch (LetterIncompleteException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
    }

    /// <summary>A procedural letter (受理回执, 补正告知书, 第三方意见征询函, 延期答复告知书) as DOCX, made at its step.</summary>
    public async Task<IActionResult> OnGetProceduralAsync(int id, ProceduralLetter letter, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var available = ApplicationLetters.Available(Application, Steps).Where(l => l.Letter == letter).ToList();
        if (available.Count == 0)
        {
            return NotFound();
        }
        try
        {
            var bytes = await ApplicationLetters.ProceduralAsync(db, Application, letter, available[0].Step, await calendars.CurrentAsync(db, ct), notices.Site, ct);
            return File(bytes, ApplicationLetters.DocxType, ApplicationLetters.FileName(letter, Application));
        }
        catch (LetterIncompleteException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
    }

    /// <summary>The fee notice (收费通知书) of the last fee notice step, as DOCX.</summary>
    public async Task<IActionResult> OnGetFeeNoticeAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (Case.FeeNotice is not { } notice)
        {
            return NotFound();
        }
        var bytes = await ApplicationLetters.FeeNoticeAsync(db, Application, notice, await calendars.CurrentAsync(db, ct), ct);
        return File(bytes, ApplicationLetters.DocxType, $"收费通知书-{Application.TrackingNumber}.docx");
    }

    /// <summary>Each form of this page validates only its own fields.</summary>
    private void OnlyErrorsOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        // Another agency's application answers as a missing one: its ids are not to be probed.
        if (application is null || !await staff.CanAsync(Permission.ReadRecords, application.AgencyId, ct))
        {
            return NotFound();
        }
        Application = application;
        var calendar = await calendars.CurrentAsync(db, ct);
        (Case, Steps) = await ApplicationRecords.LoadAsync(db, application, calendar, ct);
        Deadline = Case.Deadline(calendar);
        CanEdit = await staff.CanAsync(Permission.EditRecords, application.AgencyId, ct);
        Appeals = await db.Appeals.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Id).ToListAsync(ct);
        RequestNumberInMonth = await ApplicationRecords.RequestNumberInMonthAsync(db, application, ct);
        CanApprove = await staff.CanAsync(Permission.Review, application.AgencyId, ct);
        var actors = Steps.Where(s => s.ActorUserId is not null).Select(s => s.ActorUserId!.Value).Distinct().ToList();
        Letters = ApplicationLetters.Available(application, Steps).Select(l => l.Letter).ToList();
        if (CanEdit && NextSteps.Contains(StepKind.Reply))
        {
            PublishedItems = (await db.InfoItems.AsNoTracking()
                .Where(i => i.AgencyId == application.AgencyId && i.Status == Domain.Disclosure.ItemStatus.Published)
                .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Take(200).Select(i => new { i.IndexNumber, i.Title }).ToListAsync(ct))
                .Select(i => (i.IndexNumber, i.Title)).ToList();
        }
        StaffNames = await db.StaffUsers.Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return null;
    }
}
