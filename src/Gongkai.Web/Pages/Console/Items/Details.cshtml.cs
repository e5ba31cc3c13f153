using Gongkai.Documents.Files;
using Gongkai.Documents.Items;

namespace Gongkai.Web.Pages.Console.Items;

/// <summary>
/// One item: its metadata, the personal data found in it, its attachments and every sign-off;
/// and the workflow's actions, each checked by <see cref="ItemWorkflow"/> on the server.
/// </summary>
public sealed class DetailsModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars, ReadLimits limits) : PageModel
{
    public InfoItem Item { get; private set; } = null!;
    public ItemRecords.ItemView View { get; private set; } = null!;

    /// <summary>This user as the workflow sees them for the item's agency.</summary>
    public Actor Actor { get; private set; } = null!;

    /// <summary>What this user may do with the item now, as the workflow says (<see cref="ItemWorkflow.Allowed"/>).</summary>
    public IEnumerable<ItemAction> Actions => ItemWorkflow.Allowed(Item.Status, Actor);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostActAsync(int id, ItemAction action, [Display(Name = "意见"), TextLimit(1000)] string? opinion, int version,
        [Display(Name = Corrections.Label), TextLimit(Corrections.MaxLength)] string? correctionReason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        // Someone with no part in this agency's workflow (another agency's staff, a supervisor who only reads) is refused outright;
        // within the agency, the workflow says why a role may not take a step.
        if ((action == ItemAction.Submit && !Actor.MayEdit) || !(Actor.MayEdit || Actor.MayReview || Actor.MayApprove))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await ItemRecords.ActAsync(db, Item, action, Actor, opinion, version, ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime, correctionReason, ct);
        return await ShowAsync(id, outcome, "Act", $"已{action.Label()}。", ct);
    }

    /// <summary>Masks every piece of personal data in the title, body and attachments in one action (1101**********1234).</summary>
    public async Task<IActionResult> OnPostMaskAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!ItemWorkflow.MayResolveFindings(Item.Status, Actor))
        {
            return Forbid();
        }
        var outcome = await ItemRecords.MaskAsync(db, Item, clock.GetUtcNow().UtcDateTime, ct);
        var notice = outcome.Value is { } masking
            ? $"已屏蔽 {masking.Count} 处个人信息。" + (masking.Unmasked.Count > 0 ? $"附件 {string.Join("、", masking.Unmasked.Select(f => $"“{f}”"))} 无法在本系统中屏蔽，请替换附件或由审核人确认。" : "")
            : "";
        return await ShowAsync(id, outcome, null, notice, ct);
    }

    /// <summary>A reviewer decides the personal data found may be published (e.g. a public official's office phone), with the reason on record.</summary>
    public async Task<IActionResult> OnPostOverrideAsync(int id, [Display(Name = "理由"), TextLimit(1000)] string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!ItemWorkflow.MayResolveFindings(Item.Status, Actor))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await ShowAsync(id, await ItemRecords.OverrideAsync(db, Item, reason, staff.DisplayName, ChinaTime.Today(clock), ct), null, "已记录理由。", ct);
    }

    public async Task<IActionResult> OnPostAttachAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!ItemWorkflow.MayAttach(Item.Status, Actor))
        {
            return Forbid();
        }
        // A file too large or of a kind not kept is refused before it is read into memory (the use case checks it again).
        var outcome = file is null ? Outcome.Refused("请选择要上传的附件。", nameof(file))
            : AttachmentFiles.Problem(Path.GetFileName(file.FileName), file.Length) is { } problem ? Outcome.Refused(problem, nameof(file))
            : await ItemRecords.AttachAsync(db, Item, file.FileName, await Uploads.BytesAsync(file, ct), limits, clock.GetUtcNow().UtcDateTime, ct);
        return await ShowAsync(id, outcome, null, $"已上传附件“{Path.GetFileName(file?.FileName)}”。", ct);
    }

    /// <summary>Records that a 规章 or 规范性文件 was repealed or lapsed: the portal shows it as 已废止 from that day.</summary>
    public async Task<IActionResult> OnPostRepealAsync(int id, DateOnly? repealedOn, [Display(Name = Corrections.Label), TextLimit(Corrections.MaxLength)] string? correctionReason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!Actor.MayApprove || Item.DocumentKind == DocumentKind.None)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await ItemRecords.RepealAsync(db, Item, repealedOn, ChinaTime.Today(clock), correctionReason, ct);
        return await ShowAsync(id, outcome, "Repeal", "已标记废止。", ct);
    }

    /// <summary>A use case's end: done → back to the item with <paramref name="notice"/>; else the stored state again and the outcome shown (a locked year asking for the correction's reason in <paramref name="handler"/>'s form).</summary>
    private async Task<IActionResult> ShowAsync(int id, Outcome outcome, string? handler, string notice, CancellationToken ct)
    {
        if (outcome.IsDone)
        {
            TempData["Notice"] = notice;
            return Redirect($"/console/items/{id}");
        }
        if (outcome.Kind is OutcomeKind.Stale or OutcomeKind.YearLocked)
        {
            await LoadAsync(id, ct);
        }
        OutcomeView.Show(this, outcome, handler);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.InfoItems.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !await staff.CanAsync(Permission.ReadRecords, item.AgencyId, ct))
        {
            return NotFound();
        }
        Item = item;
        Actor = new Actor(staff.UserId, staff.DisplayName, MayReview: await staff.CanAsync(Permission.Review, item.AgencyId, ct),
            MayApprove: await staff.CanAsync(Permission.ApproveItems, item.AgencyId, ct), MayEdit: await staff.CanAsync(Permission.EditRecords, item.AgencyId, ct));
        View = await ItemRecords.ViewAsync(db, item, await calendars.CurrentAsync(db, ct), ChinaTime.Today(clock), ct);
        ViewData["Title"] = item.Title;
        return null;
    }
}
