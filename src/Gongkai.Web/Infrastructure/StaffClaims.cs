using System.Globalization;
using System.Security.Claims;

namespace Gongkai.Web.Infrastructure;

/// <summary>What the sign-in cookie carries about a staff member.</summary>
public static class StaffClaims
{
    public const string AgencyId = "gongkai:agency";
    public const string Stamp = "gongkai:stamp";
    public const string DisplayName = "gongkai:display-name";

    /// <summary>When the password was checked (Unix seconds): the session's absolute lifetime counts from it, not from the cookie's last renewal.</summary>
    public const string SignedIn = "gongkai:signed-in";

    /// <summary>Present when the session was opened with the second factor too (<see cref="TwoFactorEnrolment"/>).</summary>
    public const string SecondFactor = "gongkai:second-factor";

    public static ClaimsPrincipal For(StaffUser user, DateTimeOffset signedIn, bool withSecondFactor = false) => new(new ClaimsIdentity(
    [
        .. withSecondFactor ? new[] { new Claim(SecondFactor, "totp") } : [],
        new Claim(SignedIn, signedIn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, user.UserName),
        new Claim(ClaimTypes.Role, user.Role.ToString()),
        new Claim(AgencyId, user.AgencyId.ToString(CultureInfo.InvariantCulture)),
        new Claim(Stamp, user.SecurityStamp),
        new Claim(DisplayName, user.DisplayName),
    ], "cookie", ClaimTypes.Name, ClaimTypes.Role));

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SignedIn), CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static bool HasSecondFactor(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == SecondFactor);

    public static int? UserId(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static int? Agency(ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(AgencyId), CultureInfo.InvariantCulture, out var id) ? id : null;

    public static StaffRole? Role(ClaimsPrincipal principal) =>
        Enum.TryParse<StaffRole>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
}
