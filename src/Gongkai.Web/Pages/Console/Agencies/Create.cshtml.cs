namespace Gongkai.Web.Pages.Console.Agencies;

/// <summary>The system admin adds an agency to the tree.</summary>
public sealed class CreateModel(GongkaiDb db, StaffContext staff) : PageModel
{
    [BindProperty]
    public AgencyForm Form { get; set; } = new();

    public IReadOnlyList<Agency> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        await LoadParentsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        if (Form.ParentId is { } parent && !await db.Agencies.AnyAsync(a => a.Id == parent, ct))
        {
            ModelState.AddModelError("Form.ParentId", "上级机构不存在。");
        }
        if (!string.IsNullOrWhiteSpace(Form.ShortCode) && await db.Agencies.AnyAsync(a => a.ShortCode == Form.ShortCode.Trim(), ct))
        {
            ModelState.AddModelError("Form.ShortCode", "该简码已被其他机构使用。");
        }
        Form.ValidatePattern(ModelState, nameof(Form));
        if (!ModelState.IsValid)
        {
            await LoadParentsAsync(ct);
            return Page();
        }
        var agency = new Agency { Name = "", ShortCode = "", OfficeName = "", OfficeAddress = "", OfficePhone = "" };
        Form.ApplyIdentityTo(agency);
        Form.ApplyOfficeTo(agency);
        agency.SortOrder = await db.Agencies.CountAsync(ct);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"已创建机构 {agency.Name}。";
        return Redirect($"/console/agencies/{agency.Id}");
    }

    private async Task LoadParentsAsync(CancellationToken ct) =>
        Parents = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync(ct);
}
