using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Infrastructure;

public enum SignInOutcome
{
    Succeeded,
    WrongCredentials,
    LockedOut,
}

/// <summary>Checks a password with lockout, records the attempt, and keeps signed-in sessions honest.</summary>
public static class StaffSignIn
{
    public static async Task<(SignInOutcome Outcome, StaffUser? User)> CheckAsync(GongkaiDb db, TimeProvider clock, string userName, string password, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Whatever was typed ends up in the audit log, so it is cut to a user name's length.
        var normalized = UserNameRules.Normalize(userName.Length > 64 ? userName[..64] : userName);
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == normalized, ct);
        if (user is null || !user.IsActive)
        {
            db.Actor.Set(null, normalized);
            await db.RecordEventAsync(AuditActions.SignInFailed, nameof(StaffUser), user?.Id.ToString() ?? normalized, user?.AgencyId,
                new { reason = user is null ? "unknown user" : "inactive" }, ct);
            return (SignInOutcome.WrongCredentials, null);
        }
        db.Actor.Set(user.Id, user.UserName);
        var policy = LockoutPolicy.Default;
        if (policy.IsLockedOut(user.LockoutEndUtc, now))
        {
            await db.RecordEventAsync(AuditActions.SignInFailed, nameof(StaffUser), user.Id.ToString(), user.AgencyId, new { reason = "locked out" }, ct);
            return (SignInOutcome.LockedOut, user);
        }
        if (StaffAccounts.Verify(user, password) == PasswordVerificationResult.Failed)
        {
            (user.FailedLoginCount, user.LockoutEndUtc) = policy.AfterFailure(user.FailedLoginCount, now);
            var locked = user.LockoutEndUtc is not null;
            await db.RecordEventAsync(locked ? AuditActions.LockedOut : AuditActions.SignInFailed, nameof(StaffUser), user.Id.ToString(), user.AgencyId,
                new { reason = "wrong password" }, ct);
            return (locked ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials, user);
        }
        user.FailedLoginCount = 0;
        user.LockoutEndUtc = null;
        user.LastLoginUtc = now;
        await db.RecordEventAsync(AuditActions.SignedIn, nameof(StaffUser), user.Id.ToString(), user.AgencyId, null, ct);
        return (SignInOutcome.Succeeded, user);
    }

    /// <summary>
    /// Ends a session whose account was deactivated or whose password, role or agency changed since
    /// sign-in (the security stamp moves with each of those).
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = StaffClaims.UserId(context.Principal!);
        var stamp = context.Principal!.FindFirst(StaffClaims.Stamp)?.Value;
        var db = context.HttpContext.RequestServices.GetRequiredService<GongkaiDb>();
        var valid = id is { } userId && await db.StaffUsers.AnyAsync(u => u.Id == userId && u.IsActive && u.SecurityStamp == stamp);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
