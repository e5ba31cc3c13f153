using Gongkai.Documents.Files;
using Gongkai.Data.Search;
using Gongkai.Documents.Items;
using Gongkai.Web.Disclosure;

namespace Gongkai.Web.Pages.Console.Items;

/// <summary>
/// One item: its metadata, the personal data found in it, its attachments and every sign-off;
/// and the workflow's actions, each checked by <see cref="ItemWorkflow"/> on the server.
/// </summary>
public sealed class DetailsModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars, ReadLimits limits) : PageModel
{
    public InfoItem Item { get; private set; } = null!;
    public string AgencyCode { get; private set; } = "";
    public IReadOnlyList<ItemFinding> Findings { get; private set; } = [];
    public IReadOnlyList<ItemSignOff> SignOffs { get; private set; } = [];
    public IReadOnlyList<(int Id, string FileName, long Size)> Attachments { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Interpretations { get; private set; } = [];
    public (int Id, string Title)? Original { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }
    public bool CanApprove { get; private set; }
    public DateOnly PublishBy { get; private set; }
    public bool Late { get; private set; }
    public string? Error { get; private set; }

    public IEnumerable<ItemAction> Actions => ItemWorkflow.Transitions.Keys.Where(k => k.From == Item.Status).Select(k => k.Action)
        .Where(a => a switch
        {
            ItemAction.Submit => CanEdit,
            ItemAction.PassReview => CanReview,
            ItemAction.SendBack => Item.Status == ItemStatus.InReview ? CanReview : CanApprove,
            _ => CanApprove,
        });

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>A field the form rules refused (<see cref="FormFields"/>: too long, a control character), shown like any refusal.</summary>
    private bool FieldRefused()
    {
        Error = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? Error;
        return !ModelState.IsValid;
    }

    public async Task<IActionResult> OnPostActAsync(int id, ItemAction action, [Display(Name = "意见"), TextLimit(1000)] string? opinion, int version,
        [Display(Name = Corrections.Label), TextLimit(Corrections.MaxLength)] string? correctionReason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (FieldRefused())
        {
            return Page();
        }
        if (version != Item.Version)
        {
            Error = "该信息已被他人处理，请查看最新状态后再操作。";
            return Page();
        }
        var actor = new Actor(staff.UserId, staff.DisplayName, CanReview, CanApprove);
        if (action == ItemAction.Submit && !CanEdit)
        {
            return Forbid();
        }
        try
        {
            ItemRecords.Act(db, Item, action, actor, opinion, ItemRecords.Open(Item, Findings), ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime);
        }
        catch (ItemWorkflowException e)
        {
            Error = e.Message;
            return Page();
        }
        Corrections.Take(db, correctionReason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = "该信息已被他人处理，请查看最新状态后再操作。";
            return Page();
        }
        catch (RecordsLockedException e)
        {
            return await RefusedAsync(id, e, "Act", ct);
        }
        TempData["Notice"] = $"已{action.Label()}。";
        return Redirect($"/console/items/{id}");
    }

    /// <summary>Masks every piece of personal data in the title and body in one action (1101**********1234).</summary>
    public async Task<IActionResult> OnPostMaskAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!CanReview || Item.Status is ItemStatus.Published or ItemStatus.Withdrawn)
        {
            return Forbid();
        }
        var count = PersonalDataGuard.Find(Item.Title + "\n" + Item.BodyText).Count;
        Item.Title = PersonalDataGuard.MaskAll(Item.Title);
        Item.BodyHtml = PersonalDataGuard.MaskAll(Item.BodyHtml);
        Item.BodyText = BodyHtml.Text(Item.BodyHtml);
        Item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        // DOCX and XLSX attachments are masked in the file itself; a PDF or picture cannot be, and keeps its findings.
        var attachments = await db.ItemAttachments.Where(a => a.ItemId == id).ToListAsync(ct);
        var maskedFiles = new List<string>();
        foreach (var attachment in attachments.Where(a => PersonalDataGuard.Find(a.Text).Count > 0))
        {
            if (AttachmentFiles.Masked(attachment.FileName, attachment.Content) is { } masked)
            {
                count += PersonalDataGuard.Find(attachment.Text).Count;
                (attachment.Content, attachment.Size, attachment.Text) = (masked, masked.Length, AttachmentFiles.Text(attachment.FileName, masked));
                maskedFiles.Add(attachment.FileName);
            }
        }
        var left = attachments.Where(a => PersonalDataGuard.Find(a.Text).Count > 0).Select(a => $"“{a.FileName}”").ToList();
        db.AuditNote = $"屏蔽 {count} 处个人信息" + (maskedFiles.Count > 0 ? $"（含附件 {string.Join("、", maskedFiles)}）" : "");
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"已屏蔽 {count} 处个人信息。" + (left.Count > 0 ? $"附件 {string.Join("、", left)} 无法在本系统中屏蔽，请替换附件或由审核人确认。" : "");
        return Redirect($"/console/items/{id}");
    }

    /// <summary>A reviewer decides the personal data found may be published (e.g. a public official's office phone), with the reason on record.</summary>
    public async Task<IActionResult> OnPostOverrideAsync(int id, [Display(Name = "理由"), TextLimit(1000)] string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!CanReview || Item.Status is ItemStatus.Published or ItemStatus.Withdrawn)
        {
            return Forbid();
        }
        if (FieldRefused())
        {
            return Page();
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 4)
        {
            Error = "请填写可以公开这些信息的理由（至少 4 个字）。";
            return Page();
        }
        Item.PersonalDataOverride = $"{reason.Trim()}（{staff.DisplayName}，{ChinaTime.Today(clock):yyyy-MM-dd}）";
        db.AuditNote = "审核人确认个人信息可以公开：" + reason.Trim();
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = "已记录理由。";
        return Redirect($"/console/items/{id}");
    }

    public async Task<IActionResult> OnPostAttachAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!CanEdit || Item.Status != ItemStatus.Draft)
        {
            return Forbid();
        }
        if (file is null)
        {
            Error = "请选择要上传的附件。";
            return Page();
        }
        var name = Path.GetFileName(file.FileName);
        if (AttachmentFiles.Problem(name, file.Length) is { } problem)
        {
            Error = problem;
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        string text;
        try
        {
            text = AttachmentFiles.Text(name, content, limits);
        }
        catch (InvalidDataException e)
        {
            Error = e.Message;
            return Page();
        }
        db.ItemAttachments.Add(new ItemAttachment
        {
            ItemId = Item.Id, AgencyId = Item.AgencyId, FileName = name, ContentType = AttachmentFiles.ContentTypes[Path.GetExtension(name)],
            Size = content.Length, Content = content, Text = text, UploadedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"已上传附件“{name}”。";
        return Redirect($"/console/items/{id}");
    }

    /// <summary>Records that a 规章 or 规范性文件 was repealed or lapsed: the portal shows it as 已废止 from that day.</summary>
    public async Task<IActionResult> OnPostRepealAsync(int id, DateOnly? repealedOn, [Display(Name = Corrections.Label), TextLimit(Corrections.MaxLength)] string? correctionReason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!CanApprove || Item.DocumentKind == DocumentKind.None)
        {
            return Forbid();
        }
        if (FieldRefused())
        {
            return Page();
        }
        if (repealedOn is not { } day || day < Item.WrittenOn || day > ChinaTime.Today(clock))
        {
            Error = "废止日期须在成文日期之后、不晚于今天。";
            return Page();
        }
        Item.RepealedOn = day;
        db.AuditNote = $"标记废止：{day:yyyy-MM-dd}";
        Corrections.Take(db, correctionReason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (RecordsLockedException e)
        {
            return await RefusedAsync(id, e, "Repeal", ct);
        }
        TempData["Notice"] = "已标记废止。";
        return Redirect($"/console/items/{id}");
    }

    /// <summary>A save refused by the record lock: the stored state again, the form asking for the correction's reason.</summary>
    private async Task<IActionResult> RefusedAsync(int id, RecordsLockedException refusal, string handler, CancellationToken ct)
    {
        var message = Corrections.Ask(this, db, refusal, handler);
        await LoadAsync(id, ct);
        Error = message;
        return Page();
    }

    public async Task<IActionResult> OnGetAttachmentAsync(int id, int attachmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var file = await db.ItemAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ItemId == id, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.InfoItems.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !await staff.CanAsync(Permission.ReadRecords, item.AgencyId, ct))
        {
            return NotFound();
        }
        Item = item;
        AgencyCode = await db.Agencies.Where(a => a.Id == item.AgencyId).Select(a => a.ShortCode).SingleAsync(ct);
        CanEdit = await staff.CanAsync(Permission.EditRecords, item.AgencyId, ct);
        CanReview = await staff.CanAsync(Permission.Review, item.AgencyId, ct);
        CanApprove = await staff.CanAsync(Permission.ApproveItems, item.AgencyId, ct);
        Findings = await ItemRecords.FindingsAsync(db, item, ct);
        SignOffs = await db.ItemSignOffs.AsNoTracking().Where(s => s.ItemId == id).OrderBy(s => s.Id).ToListAsync(ct);
        Attachments = (await db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == id).OrderBy(a => a.Id).Select(a => new { a.Id, a.FileName, a.Size }).ToListAsync(ct))
            .Select(a => (a.Id, a.FileName, a.Size)).ToList();
        Interpretations = (await db.InfoItems.AsNoTracking().Where(i => i.InterpretsItemId == id).Select(i => new { i.Id, i.Title }).ToListAsync(ct)).Select(i => (i.Id, i.Title)).ToList();
        Original = item.InterpretsItemId is { } original
            ? await db.InfoItems.Where(i => i.Id == original).Select(i => new ValueTuple<int, string>(i.Id, i.Title)).SingleAsync(ct)
            : null;
        var calendar = await calendars.CurrentAsync(db, ct);
        PublishBy = Timeliness.Due(calendar, item.WrittenOn);
        Late = item.Status != ItemStatus.Withdrawn && Timeliness.Late(calendar, item.WrittenOn, item.PublishedOn, ChinaTime.Today(clock));
        ViewData["Title"] = item.Title;
        return null;
    }
}
