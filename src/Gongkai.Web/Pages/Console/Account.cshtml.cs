using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Pages.Console;

/// <summary>A staff member changes their own password.</summary>
public sealed class AccountModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "当前密码"), Required(ErrorMessage = "请填写当前密码。")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Display(Name = "新密码"), Required(ErrorMessage = "请填写新密码。")]
    public string NewPassword { get; set; } = "";

    [BindProperty, Display(Name = "确认新密码"), Required(ErrorMessage = "请再次填写新密码。"), Compare(nameof(NewPassword), ErrorMessage = "两次填写的新密码不一致。")]
    public string ConfirmPassword { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await db.StaffUsers.FindAsync([staff.UserId], ct);
        if (user is null)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            // The password is checked once: here only when the form is refused anyway, else by the use case.
            OutcomeView.Show(this, Outcome.Refused(StaffAccounts.PasswordChangeProblems(user, CurrentPassword, NewPassword)));
            return Page();
        }
        var outcome = await StaffAccounts.ChangePasswordAsync(db, user, CurrentPassword, NewPassword, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        // The stamp changed, so the current cookie is renewed (its lifetime still counted from the sign-in); other sessions of this account end.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffClaims.For(user, StaffClaims.SignedInAt(User) ?? DateTimeOffset.UnixEpoch, StaffClaims.HasSecondFactor(User)));
        TempData["Notice"] = "密码已修改。";
        return Redirect("/console");
    }
}
