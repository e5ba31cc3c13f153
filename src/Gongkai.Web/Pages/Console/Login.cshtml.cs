using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Gongkai.Web.Pages.Console;

/// <summary>Staff sign-in with lockout after repeated wrong passwords.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInLimits.Policy)]
[EachPostCounts]
public sealed class LoginModel(GongkaiDb db, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "用户名"), Required(ErrorMessage = "请填写用户名。")]
    public string UserName { get; set; } = "";

    [BindProperty, Display(Name = "密码"), Required(ErrorMessage = "请填写密码。"), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (outcome, user) = await StaffSignIn.CheckAsync(db, clock, UserName, Password, ct);
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffClaims.For(user!, clock.GetUtcNow()));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/console");
            case SignInOutcome.SecondFactorNeeded:
                TwoFactorPending.Issue(HttpContext, user!, clock.GetUtcNow());
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? $"{TwoFactorPending.Page}?returnUrl={Uri.EscapeDataString(ReturnUrl!)}" : TwoFactorPending.Page);
            default:
                // One message for a wrong password, an unknown account and a locked one: the page never tells which accounts exist.
                ModelState.AddModelError("", "用户名或密码错误。连续输错 5 次的账户会暂时锁定 15 分钟，可联系单位管理员解锁。");
                break;
        }
        return Page();
    }
}
