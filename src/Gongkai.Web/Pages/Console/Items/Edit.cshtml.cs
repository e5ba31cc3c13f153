using Gongkai.Documents.Items;
using Gongkai.Web.Disclosure;

namespace Gongkai.Web.Pages.Console.Items;

/// <summary>Writes a new information item, or changes a draft. Only drafts change: what is under review is what gets signed off.</summary>
public sealed class EditModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "标题"), Required(ErrorMessage = "请填写标题。"), StringLength(200, ErrorMessage = "标题不能超过 200 字。")]
    public string? Title { get; set; }

    [BindProperty, Display(Name = "文号"), StringLength(60, ErrorMessage = "文号不能超过 60 字。")]
    public string? DocumentNumber { get; set; }

    [BindProperty, Display(Name = "发布机构"), StringLength(100, ErrorMessage = "发布机构不能超过 100 字。")]
    public string? Issuer { get; set; }

    [BindProperty, Display(Name = "成文日期"), Required(ErrorMessage = "请填写成文日期。")]
    public DateOnly? WrittenOn { get; set; }

    [BindProperty, Display(Name = "主题分类"), StringLength(40, ErrorMessage = "主题分类不能超过 40 字。")]
    public string? Topic { get; set; }

    [BindProperty, Display(Name = "公开目录（条例第二十条、第二十一条）"), Required(ErrorMessage = "请选择公开目录。")]
    public string? CategoryCode { get; set; }

    [BindProperty, Display(Name = "文件类型")]
    public DocumentKind DocumentKind { get; set; }

    [BindProperty, Display(Name = "所解读文件的索引号"), StringLength(60, ErrorMessage = "所解读文件的索引号不能超过 60 字。")]
    public string? InterpretsIndexNumber { get; set; }

    [BindProperty, Display(Name = "发布渠道")]
    public List<PublicationChannels> Channels { get; set; } = [];

    [BindProperty, Display(Name = "正文"), Required(ErrorMessage = "请填写正文。"), StringLength(200_000, ErrorMessage = "正文不能超过 200000 字；更长的文件请作为附件上传。")]
    public string? Body { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public InfoItem? Item { get; private set; }
    public Agency Agency { get; private set; } = null!;
    public IReadOnlyList<DisclosureCategory> CategoryChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (Item is { } item)
        {
            (Title, DocumentNumber, Issuer, WrittenOn, Topic, CategoryCode, DocumentKind, Body, Version) =
                (item.Title, item.DocumentNumber, item.Issuer, item.WrittenOn, item.Topic, item.CategoryCode, item.DocumentKind, item.BodyHtml, item.Version);
            Channels = PublicationChannelsLabels.Each.Where(c => item.Channels.HasFlag(c)).ToList();
            InterpretsIndexNumber = item.InterpretsItemId is { } original
                ? await db.InfoItems.Where(i => i.Id == original).Select(i => i.IndexNumber).SingleAsync(ct)
                : null;
        }
        else
        {
            Issuer = Agency.Name;
            WrittenOn = ChinaTime.Today(clock);
            Channels = [PublicationChannels.Website];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var draft = new ItemRecords.Draft(Title, DocumentNumber, Issuer, WrittenOn, Topic, CategoryCode, DocumentKind, InterpretsIndexNumber,
            Channels.Aggregate(PublicationChannels.None, (all, c) => all | c), Body);
        if (!ModelState.IsValid)
        {
            // The rules' refusals shown with the form's own, every bad field at once (a valid form gets them from the use case).
            OutcomeView.Show(this, Outcome.Refused((await ItemRecords.DraftProblemsAsync(db, Agency, Item, draft, Version, ChinaTime.Today(clock), ct)).Problems));
            return Page();
        }
        var outcome = await ItemRecords.SaveDraftAsync(db, Agency, Item, draft, Version, (staff.UserId, staff.DisplayName), ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        TempData["Notice"] = "已保存草稿。";
        return Redirect($"/console/items/{outcome.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        int agencyId;
        if (id is { } itemId)
        {
            Item = await db.InfoItems.SingleOrDefaultAsync(i => i.Id == itemId, ct);
            if (Item is null || !await staff.CanAsync(Permission.ReadRecords, Item.AgencyId, ct))
            {
                return NotFound();
            }
            if (!await staff.CanAsync(Permission.EditRecords, Item.AgencyId, ct))
            {
                return Forbid();
            }
            if (Item.Status != ItemStatus.Draft)
            {
                return StatusCode(StatusCodes.Status409Conflict);
            }
            agencyId = Item.AgencyId;
        }
        else
        {
            agencyId = staff.AgencyId;
            if (!await staff.CanAsync(Permission.EditRecords, agencyId, ct))
            {
                return Forbid();
            }
        }
        Agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        CategoryChoices = Categories.For(Agency.Level == Domain.Agencies.AgencyLevel.Township);
        ViewData["Title"] = Item is null ? "新建信息" : $"修改 {Item.Title}";
        return null;
    }
}
