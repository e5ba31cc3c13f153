namespace Gongkai.Web.Pages.Console.Users;

/// <summary>An admin changes an account's name, role, status or password, or lifts a lockout.</summary>
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
        if (!ModelState.IsValid)
        {
            OutcomeView.Show(this, Outcome.Refused(StaffAccounts.UpdateProblems(Target, (staff.UserId, staff.Role), Form.Role, IsActive, NewPassword)), fields: UserForm.Fields);
            return Page();
        }
        var outcome = await StaffAccounts.UpdateAsync(db, Target, (staff.UserId, staff.Role), Form.DisplayName, Form.Role!.Value, IsActive, NewPassword, Version, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome, fields: UserForm.Fields);
            return Page();
        }
        TempData["Notice"] = "已保存。";
        return Redirect($"/console/users/{id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Target.LockoutEndUtc = null;
        Target.FailedLoginCount = 0;
        await db.RecordEventAsync(AuditActions.Updated, nameof(StaffUser), Target.Id.ToString(), Target.AgencyId, new { LockoutEndUtc = "解除锁定" }, ct);
        TempData["Notice"] = "已解除锁定。";
        return Redirect($"/console/users/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var target = await db.StaffUsers.FindAsync([id], ct);
        if (target is null)
        {
            return NotFound();
        }
        // An agency admin must not take over an account whose reach exceeds what it may grant
        // (a supervisor of its own agency), e.g. by resetting its password.
        if (!await staff.CanAsync(Permission.ManageUsers, target.AgencyId, ct) || !AccessPolicy.MayAssignRole(staff.Role, target.Role))
        {
            return Forbid();
        }
        Target = target;
        AgencyName = await db.Agencies.Where(a => a.Id == target.AgencyId).Select(a => a.Name).SingleAsync(ct);
        Form.AssignableRoles = Enum.GetValues<StaffRole>()
            .Where(r => AccessPolicy.MayAssignRole(staff.Role, r)).ToList();
        return null;
    }
}
