using Gongkai.Domain.Notifications;

namespace Gongkai.Web.Pages.Console.Mail;

/// <summary>
/// The agency admin words the mails its agency sends (like the reply letters): a preview with
/// example values, and a test mail to the admin's own address through the real outbox.
/// </summary>
public sealed class TemplatesModel(GongkaiDb db, StaffContext staff, TimeProvider clock, Notices notices) : PageModel
{
    public const int MaxBody = MessageTemplateRecords.MaxBody;

    public IReadOnlyList<MessageKind> Kinds => MessageTemplates.Editable;

    [BindProperty]
    public Dictionary<string, string?> Subjects { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Bodies { get; set; } = [];

    /// <summary>The kind previewed or sent as a test.</summary>
    [BindProperty]
    public MessageKind? Kind { get; set; }

    public MessageTemplates.Template? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await staff.CanAsync(Permission.EditAgencyProfile, staff.AgencyId, ct))
        {
            return Forbid();
        }
        var own = await db.MessageTemplates.AsNoTracking().Where(t => t.AgencyId == staff.AgencyId).ToDictionaryAsync(t => t.Kind, ct);
        foreach (var kind in Kinds)
        {
            var template = own.TryGetValue(kind, out var t) ? new MessageTemplates.Template(t.Subject, t.Body) : MessageTemplates.Default(kind);
            Subjects[kind.ToString()] = template.Subject;
            Bodies[kind.ToString()] = template.Body;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await staff.CanAsync(Permission.EditAgencyProfile, staff.AgencyId, ct))
        {
            return Forbid();
        }
        var outcome = await MessageTemplateRecords.SaveAsync(db, staff.AgencyId, Posted, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        TempData["Notice"] = "邮件模板已保存。";
        return Redirect("/console/mail/templates");
    }

    /// <summary>The chosen kind as the applicant would read it, with example values; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await staff.CanAsync(Permission.EditAgencyProfile, staff.AgencyId, ct))
        {
            return Forbid();
        }
        if (Validate() && Kind is { } kind && Submitted(kind) is { } template)
        {
            Preview = MessageTemplates.Fill(template, await ExampleAsync(ct));
        }
        return Page();
    }

    /// <summary>The chosen kind, filled with example values, through the outbox to the admin's own address.</summary>
    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        if (!await staff.CanAsync(Permission.EditAgencyProfile, staff.AgencyId, ct))
        {
            return Forbid();
        }
        if (!Validate() || Kind is not { } kind || Submitted(kind) is not { } template)
        {
            return Page();
        }
        var outcome = await MessageTemplateRecords.SendTestAsync(db, staff.AgencyId, staff.UserId, MessageTemplates.Fill(template, await ExampleAsync(ct)), clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        TempData["Notice"] = $"测试邮件已写入发件箱，将发往 {outcome.Value}。";
        return Redirect("/console/mail/templates");
    }

    /// <summary>What was posted, kind by kind.</summary>
    private IReadOnlyDictionary<MessageKind, (string? Subject, string? Body)> Posted =>
        Kinds.ToDictionary(k => k, k => (Subjects.GetValueOrDefault(k.ToString()), Bodies.GetValueOrDefault(k.ToString())));

    private MessageTemplates.Template? Submitted(MessageKind kind) => Posted.TryGetValue(kind, out var posted) ? MessageTemplateRecords.Effective(kind, posted.Subject, posted.Body) : null;

    private bool Validate()
    {
        OutcomeView.Show(this, Outcome.Refused(MessageTemplateRecords.Check(Posted)));
        return ModelState.IsValid;
    }

    private async Task<Dictionary<string, string>> ExampleAsync(CancellationToken ct)
    {
        var agency = await db.Agencies.Where(a => a.Id == staff.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var today = ChinaTime.Today(clock);
        return new Dictionary<string, string>
        {
            ["申请人"] = "张三", ["机关"] = agency, ["查询号"] = $"{today:yyyyMMdd}001000001", ["收到日期"] = $"{today:yyyy年M月d日}",
            ["所需信息"] = "2025年农村低保资金发放名单", ["查询地址"] = notices.TrackingAddress($"{today:yyyyMMdd}001000001"),
            ["答复期限"] = $"{today.AddDays(28):yyyy年M月d日}", ["补正内容"] = "请说明所需名单的村名和月份", ["告知日期"] = $"{today:yyyy年M月d日}",
            ["延期理由"] = "需要协调多个村委会", ["收费金额"] = "100.00", ["缴费期限"] = $"{today.AddDays(28):yyyy年M月d日}",
            ["答复结果"] = "予以公开", ["答复日期"] = $"{today:yyyy年M月d日}",
            ["标题"] = "关于2025年农村低保资金发放情况的公告", ["索引号"] = "000000000/2025-00001", ["提交人"] = staff.DisplayName, ["链接"] = $"{notices.Site}/console/items/1",
        };
    }
}
