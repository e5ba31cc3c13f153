using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Gongkai.Web.Pages.Console;

/// <summary>Staff sign-in with lockout after repeated wrong passwords.</summary>
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
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffClaims.For(user!));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/console");
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", "登录失败次数过多，账户已暂时锁定，请 15 分钟后再试或联系单位管理员解锁。");
                break;
            default:
                ModelState.AddModelError("", "用户名或密码错误。");
                break;
        }
        return Page();
    }
}
