namespace Gongkai.Web.Pages.Console.Users;

/// <summary>
/// An account's page. Who may change what follows 三员分立: the system admin (and an agency's
/// admin) its name, status and password; the security admin (and an agency's admin) its role, a
/// lockout and its second factor.
/// </summary>
public sealed class EditModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    [BindProperty]
    public UserForm Form { get; set; } = new();

    [BindProperty, Display(Name = "启用此账户")]
    public bool IsActive { get; set; }

    [BindProperty, Display(Name = "重设密码")]
    public string? NewPassword { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public StaffUser Target { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public bool Locked => Target.LockoutEndUtc > clock.GetUtcNow().UtcDateTime;

    /// <summary>Name, status, password.</summary>
    public bool MayEditAccount { get; private set; }

    /// <summary>Role, lockout, second factor.</summary>
    public bool MayEditSecurity { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Form.DisplayName = Target.DisplayName;
        Form.Role = Target.Role;
        IsActive = Target.IsActive;
        Version = Target.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        // What the member may not change is not on their form: it stays as it is.
        if (!MayEditAccount)
        {
            (Form.DisplayName, IsActive, NewPassword) = (Target.DisplayName, Target.IsActive, null);
            ModelState.Remove("Form.DisplayName");
        }
        if (!MayEditSecurity)
        {
            Form.Role = Target.Role;
            ModelState.Remove("Form.Role");
        }
        var by = (staff.UserId, staff.Role);
        if (!ModelState.IsValid)
        {
            OutcomeView.Show(this, Outcome.Refused(StaffAccounts.UpdateProblems(Target, by, Form.DisplayName, Form.Role, IsActive, NewPassword)), fields: UserForm.Fields);
            return Page();
        }
        var outcome = await StaffAccounts.UpdateAsync(db, Target, by, Form.DisplayName, Form.Role!.Value, IsActive, NewPassword, Version, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome, fields: UserForm.Fields);
            return Page();
        }
        TempData["Notice"] = "已保存。";
        return Redirect($"/console/users/{id}");
    }

    public Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct) =>
        SecurityActionAsync(id, target => StaffAccounts.UnlockAsync(db, target, ct), "已解除锁定。", ct);

    public Task<IActionResult> OnPostResetTwoFactorAsync(int id, CancellationToken ct) =>
        SecurityActionAsync(id, target => TwoFactor.ResetAsync(db, target, ct), "已重置双因素登录：该用户下次登录时重新设置。", ct);

    private async Task<IActionResult> SecurityActionAsync(int id, Func<StaffUser, Task<Outcome>> act, string notice, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!MayEditSecurity)
        {
            return Forbid();
        }
        var outcome = await act(Target);
        TempData["Notice"] = outcome.IsDone ? notice : string.Join(" ", outcome.Problems.Select(p => p.Message));
        return Redirect($"/console/users/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var target = await db.StaffUsers.FindAsync([id], ct);
        if (target is null)
        {
            return NotFound();
        }
        // Nobody manages an account whose reach exceeds what they may grant (an agency admin a
        // supervisor, the system admin the security admin): managing it could take it over.
        var manageable = AccessPolicy.MayAssignRole(staff.Role, target.Role);
        MayEditAccount = manageable && await staff.CanAsync(Permission.ManageUsers, target.AgencyId, ct);
        MayEditSecurity = manageable && await staff.CanAsync(Permission.ManageSecurity, target.AgencyId, ct);
        if (!MayEditAccount && !MayEditSecurity)
        {
            return Forbid();
        }
        Target = target;
        AgencyName = await db.Agencies.Where(a => a.Id == target.AgencyId).Select(a => a.Name).SingleAsync(ct);
        Form.AssignableRoles = MayEditSecurity ? Enum.GetValues<StaffRole>().Where(r => AccessPolicy.MayAssignRole(staff.Role, r)).ToList() : [target.Role];
        return null;
    }
}
