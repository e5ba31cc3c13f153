namespace Gongkai.Web.Pages.Console.Users;

/// <summary>An agency admin (or the system admin) creates an account.</summary>
public sealed class CreateModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "所属机构"), Required(ErrorMessage = "请选择所属机构。")]
    public int? AgencyId { get; set; }

    [BindProperty, Display(Name = "用户名"), Required(ErrorMessage = "请填写用户名。")]
    public string UserName { get; set; } = "";

    [BindProperty, Display(Name = "初始密码"), Required(ErrorMessage = "请填写初始密码。")]
    public string Password { get; set; } = "";

    [BindProperty]
    public UserForm Form { get; set; } = new();

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageUsers))
        {
            return Forbid();
        }
        AgencyId = staff.AgencyId;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageUsers))
        {
            return Forbid();
        }
        if (AgencyId is { } agencyId && !await staff.CanAsync(Permission.ManageUsers, agencyId, ct))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            // The rules' refusals shown with the form's own, every bad field at once (a valid form gets them from the use case).
            OutcomeView.Show(this, Outcome.Refused(await StaffAccounts.NewAccountProblemsAsync(db, staff.Role, UserName, Form.Role, Password, ct)), fields: UserForm.Fields);
            await LoadChoicesAsync(ct);
            return Page();
        }
        var outcome = await StaffAccounts.CreateAsync(db, staff.Role, AgencyId!.Value, UserName, Form.DisplayName, Form.Role!.Value, Password, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome, fields: UserForm.Fields);
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Notice"] = $"已创建用户 {outcome.Value!.UserName}。";
        return Redirect($"/console/users/{outcome.Value.Id}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var manageable = await staff.AgenciesWhereAsync(Permission.ManageUsers, ct);
        Agencies = await db.Agencies.AsNoTracking().Where(a => manageable.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
        Form.AssignableRoles = Enum.GetValues<StaffRole>().Where(r => AccessPolicy.MayAssignRole(staff.Role, r)).ToList();
    }
}
