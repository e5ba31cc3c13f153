using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Gongkai.Web.Pages.Console;

/// <summary>
/// Signs out (POST only, so a link elsewhere cannot sign a user out). The account's security stamp
/// changes, so the session ends on the server too: a copy of the cookie, on this node or another,
/// is refused from now on (and the account's other sessions end with it).
/// </summary>
public sealed class LogoutModel(GongkaiDb db, StaffContext staff) : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await db.StaffUsers.FindAsync([staff.UserId], ct) is { } user)
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        await db.RecordEventAsync(AuditActions.SignedOut, nameof(StaffUser), staff.UserId.ToString(), staff.AgencyId, null, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/console/login");
    }
}
