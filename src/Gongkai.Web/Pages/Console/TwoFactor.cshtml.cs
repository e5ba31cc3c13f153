using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using QRCoder;

namespace Gongkai.Web.Pages.Console;

/// <summary>
/// A member enrols their authenticator app: the page makes a secret, shows it as a QR code and as
/// text, and keeps it only in a protected form field until a right code proves the app has it.
/// </summary>
public sealed class TwoFactorModel(GongkaiDb db, StaffContext staff, TimeProvider clock, IDataProtectionProvider protection, TwoFactorSettings settings) : PageModel
{
    private IDataProtector Protector => protection.CreateProtector("Gongkai.TwoFactorEnrolment");

    [BindProperty, Display(Name = "动态验证码"), Required(ErrorMessage = "请填写验证器应用显示的 6 位动态验证码。")]
    public string Code { get; set; } = "";

    [BindProperty]
    public string Enrolment { get; set; } = "";

    public bool Enrolled { get; private set; }

    /// <summary>Whether the member's role must enrol before using the console.</summary>
    public bool Required => settings.Required && AccessPolicy.RequiresTwoFactor(staff.Role);

    public string Secret { get; private set; } = "";
    public string QrCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == staff.UserId, ct);
        Enrolled = user.TotpSecret is not null;
        if (!Enrolled)
        {
            Offer(user, TwoFactor.NewSecret());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await db.StaffUsers.SingleAsync(u => u.Id == staff.UserId, ct);
        if (user.TotpSecret is not null)
        {
            return Redirect("/console/account/two-factor");
        }
        string secret;
        try
        {
            // An empty or forged field (the form fuzz posted one) is no enrolment: the page starts again.
            var parts = Protector.Unprotect(string.IsNullOrEmpty(Enrolment) ? throw new System.Security.Cryptography.CryptographicException() : Enrolment).Split('|');
            secret = parts.Length == 2 && parts[0] == user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ? parts[1] : throw new System.Security.Cryptography.CryptographicException();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return Redirect("/console/account/two-factor");
        }
        var outcome = ModelState.IsValid ? await TwoFactor.EnrolAsync(db, user, secret, Code, clock.GetUtcNow().UtcDateTime, ct) : null;
        if (outcome is not { IsDone: true })
        {
            if (outcome is not null)
            {
                OutcomeView.Show(this, outcome);
            }
            Offer(user, secret);
            return Page();
        }
        // This session proved the second factor just now; the sign-in time (and so the session's lifetime) stays.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffClaims.For(user, StaffClaims.SignedInAt(User) ?? clock.GetUtcNow(), withSecondFactor: true));
        TempData["Notice"] = "双因素登录已启用。今后登录时，输入密码后还需输入验证器应用显示的动态验证码。";
        return Redirect("/console");
    }

    private void Offer(StaffUser user, string secret)
    {
        Secret = secret;
        Enrolment = Protector.Protect($"{user.Id}|{secret}");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(TwoFactor.EnrolmentUri(secret, user.UserName, "Gongkai 政府信息公开"), QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
