using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Gongkai.Web.Pages.Console;

/// <summary>The second sign-in step for a member with a second factor: the authenticator app's current code.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SignInLimits.Policy)]
[EachPostCounts]
public sealed class LoginCodeModel(GongkaiDb db, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "动态验证码"), Required(ErrorMessage = "请填写验证器应用显示的 6 位动态验证码。")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await TwoFactorPending.ReadAsync(HttpContext, db, clock.GetUtcNow(), ct) is null ? Redirect("/console/login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await TwoFactorPending.ReadAsync(HttpContext, db, clock.GetUtcNow(), ct) is not { } user)
        {
            TempData["Notice"] = "验证已超时，请重新登录。";
            return Redirect("/console/login");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        switch (await StaffSignIn.CheckCodeAsync(db, clock, user, Code, ct))
        {
            case SignInOutcome.Succeeded:
                TwoFactorPending.Clear(HttpContext);
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffClaims.For(user, clock.GetUtcNow(), withSecondFactor: true));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/console");
            case SignInOutcome.LockedOut:
                TwoFactorPending.Clear(HttpContext);
                ModelState.AddModelError("", "错误次数过多，账户已暂时锁定 15 分钟，可联系安全管理员解锁。");
                return Page();
            default:
                ModelState.AddModelError(nameof(Code), "动态验证码不正确或已使用过，请输入验证器应用当前显示的验证码。");
                return Page();
        }
    }
}
