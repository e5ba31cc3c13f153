using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Gongkai.Web.Pages.Console;

/// <summary>Signs out (POST only, so a link elsewhere cannot sign a user out).</summary>
public sealed class LogoutModel(GongkaiDb db, StaffContext staff) : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await db.RecordEventAsync(AuditActions.SignedOut, nameof(StaffUser), staff.UserId.ToString(), staff.AgencyId, null, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/console/login");
    }
}
