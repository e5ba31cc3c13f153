using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Between the right password and the right code: a short-lived, protected cookie names the
/// account (and its security stamp, so a password change in between voids it). Nothing of the
/// console opens with it; only the code page reads it.
/// </summary>
public static class TwoFactorPending
{
    public const string Page = "/console/login/code";

    private const string Cookie = "gongkai.2fa";
    private const string Purpose = "Gongkai.TwoFactorPending";

    /// <summary>How long the code page waits for the code after the password.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static void Issue(HttpContext context, StaffUser user, DateTimeOffset now)
    {
        var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        var value = protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{user.Id}|{user.SecurityStamp}|{(now + Lifetime).ToUnixTimeSeconds()}"));
        context.Response.Cookies.Append(Cookie, value, new CookieOptions
        {
            HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/console/login", MaxAge = Lifetime, IsEssential = true,
        });
    }

    /// <summary>The account waiting for its code, if the cookie is genuine, fresh and its account unchanged.</summary>
    public static async Task<StaffUser?> ReadAsync(HttpContext context, GongkaiDb db, DateTimeOffset now, CancellationToken ct)
    {
        if (context.Request.Cookies[Cookie] is not { Length: > 0 and < 1024 } value)
        {
            return null;
        }
        string plain;
        try
        {
            plain = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        var parts = plain.Split('|');
        if (parts.Length != 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires) || now.ToUnixTimeSeconds() > expires)
        {
            return null;
        }
        var stamp = parts[1];
        return await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.IsActive && u.SecurityStamp == stamp && u.TotpSecret != null, ct);
    }

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/console/login" });
}

/// <summary>
/// <c>TwoFactor:Required</c> (default true): whether the roles <see cref="AccessPolicy.RequiresTwoFactor"/>
/// names must enrol a second factor before any console page. Off only where another factor guards
/// the console (a VPN with certificates) — and in tests that are not about it.
/// </summary>
public sealed record TwoFactorSettings(bool Required)
{
    public static TwoFactorSettings From(IConfiguration configuration) => new(Gongkai.Data.SettingsCheck.Bool(configuration.GetSection("TwoFactor"), "Required", true));
}

/// <summary>
/// A member whose role requires a second factor and who signed in without one (not enrolled yet,
/// or enrolled by a reset) enrols before any other console page, read or post — as
/// <see cref="PasswordChange"/> does for a password that is due.
/// </summary>
public sealed class TwoFactorEnrolment(TwoFactorSettings settings) : IAsyncPageFilter
{
    public const string Page = "/console/account/two-factor";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var path = http.Request.Path;
        if (settings.Required && http.User.Identity?.IsAuthenticated == true && StaffClaims.Role(http.User) is { } role
            && AccessPolicy.RequiresTwoFactor(role) && !StaffClaims.HasSecondFactor(http.User)
            && path.StartsWithSegments("/console") && !path.StartsWithSegments(Page) && !path.StartsWithSegments("/console/logout") && !path.StartsWithSegments("/console/login"))
        {
            context.Result = new RedirectResult(Page);
            return;
        }
        await next();
    }
}
