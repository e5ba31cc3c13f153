using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Infrastructure;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>The password is right and the member has enrolled a second factor: the code comes next (<see cref="TwoFactorPending"/>).</summary>
    SecondFactorNeeded,
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
            StaffAccounts.VerifyNone(password);
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
        // The attempt takes its number in the database before the password is checked, so parallel
        // guesses cannot share a number. The increment and the read of its result are one
        // transaction: the UPDATE holds the row (PostgreSQL) or the database (SQLite) until the
        // read, on every web node. Read apart, two guesses could both read 6 and none 5 — then no
        // lockout was ever set, and the count, never reset, refused the account for good.
        var users = db.StaffUsers.Where(u => u.Id == user.Id);
        int attempt;
        await using (var numbering = await db.Database.BeginTransactionAsync(ct))
        {
            // A lockout that has ended starts the count again (only the first attempt after it finds it ended).
            await users.Where(u => u.LockoutEndUtc != null && u.LockoutEndUtc <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedLoginCount, 0).SetProperty(x => x.LockoutEndUtc, (DateTime?)null), ct);
            await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedLoginCount, x => x.FailedLoginCount + 1), ct);
            attempt = await users.Select(u => u.FailedLoginCount).SingleAsync(ct);
            await numbering.CommitAsync(ct);
        }
        if (!policy.MayCheck(attempt))
        {
            await db.RecordEventAsync(AuditActions.SignInFailed, nameof(StaffUser), user.Id.ToString(), user.AgencyId, new { reason = "too many attempts at once" }, ct);
            return (SignInOutcome.LockedOut, user);
        }
        if (StaffAccounts.Verify(user, password) == PasswordVerificationResult.Failed)
        {
            var locked = policy.LocksAfter(attempt);
            if (locked)
            {
                var end = now + policy.LockoutDuration;
                await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEndUtc, end), ct);
            }
            await db.RecordEventAsync(locked ? AuditActions.LockedOut : AuditActions.SignInFailed, nameof(StaffUser), user.Id.ToString(), user.AgencyId,
                new { reason = "wrong password" }, ct);
            return (locked ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials, user);
        }
        if (user.TotpSecret is not null)
        {
            // The count of failed attempts stays until the code is right too: otherwise a known
            // password would buy unlimited guesses at the code, a few at a time.
            return (SignInOutcome.SecondFactorNeeded, user);
        }
        await CompleteAsync(db, user, now, ct);
        return (SignInOutcome.Succeeded, user);
    }

    /// <summary>
    /// The second step for a member with a second factor, after <see cref="SignInOutcome.SecondFactorNeeded"/>:
    /// a wrong code counts as a wrong password does (the same lockout), a used one is refused.
    /// </summary>
    public static async Task<SignInOutcome> CheckCodeAsync(GongkaiDb db, TimeProvider clock, StaffUser user, string? code, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Actor.Set(user.Id, user.UserName);
        var policy = LockoutPolicy.Default;
        var users = db.StaffUsers.Where(u => u.Id == user.Id);
        if (policy.IsLockedOut(user.LockoutEndUtc, now))
        {
            await db.RecordEventAsync(AuditActions.TwoFactorFailed, nameof(StaffUser), user.Id.ToString(), user.AgencyId, new { reason = "locked out" }, ct);
            return SignInOutcome.LockedOut;
        }
        var check = await TwoFactor.VerifyAsync(db, user, code, now, ct);
        if (check != TwoFactor.Check.Accepted)
        {
            await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedLoginCount, x => x.FailedLoginCount + 1), ct);
            var attempt = await users.Select(u => u.FailedLoginCount).SingleAsync(ct);
            var locked = policy.LocksAfter(attempt);
            if (locked)
            {
                var end = now + policy.LockoutDuration;
                await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEndUtc, end), ct);
            }
            await db.RecordEventAsync(locked ? AuditActions.LockedOut : AuditActions.TwoFactorFailed, nameof(StaffUser), user.Id.ToString(), user.AgencyId,
                new { reason = check == TwoFactor.Check.Replayed ? "code already used" : "wrong code" }, ct);
            return locked ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials;
        }
        await CompleteAsync(db, user, now, ct);
        return SignInOutcome.Succeeded;
    }

    /// <summary>What a complete sign-in records: the failures forgiven, the time, the audit entry.</summary>
    private static async Task CompleteAsync(GongkaiDb db, StaffUser user, DateTime now, CancellationToken ct)
    {
        var users = db.StaffUsers.Where(u => u.Id == user.Id);
        await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.FailedLoginCount, 0).SetProperty(x => x.LockoutEndUtc, (DateTime?)null).SetProperty(x => x.LastLoginUtc, now), ct);
        // A password set before ages were kept starts its age now.
        await users.Where(u => u.PasswordChangedUtc == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordChangedUtc, now), ct);
        await db.RecordEventAsync(AuditActions.SignedIn, nameof(StaffUser), user.Id.ToString(), user.AgencyId,
            user.TotpSecret is null ? null : new { factors = "password + TOTP" }, ct);
    }

    /// <summary>
    /// Ends a session whose account was deactivated or whose password, role or agency changed since
    /// sign-in (the security stamp moves with each of those), and one older than the absolute
    /// lifetime however active it was (<see cref="SessionLimits"/>).
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = StaffClaims.UserId(context.Principal!);
        var stamp = context.Principal!.FindFirst(StaffClaims.Stamp)?.Value;
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<GongkaiDb>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var limits = services.GetRequiredService<SessionLimits>();
        var fresh = StaffClaims.SignedInAt(context.Principal!) is { } signedIn && now - signedIn < limits.Absolute;
        var user = fresh && id is { } userId
            ? await db.StaffUsers.AsNoTracking().Where(u => u.Id == userId && u.IsActive && u.SecurityStamp == stamp)
                .Select(u => new { u.MustChangePassword, u.PasswordChangedUtc }).SingleOrDefaultAsync()
            : null;
        var valid = user is not null;
        if (user is not null && PasswordRules.MustChange(user.MustChangePassword, user.PasswordChangedUtc, now.UtcDateTime, limits.PasswordMaxAgeDays))
        {
            PasswordChange.MarkDue(context.HttpContext);
        }
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}

/// <summary>
/// How long a staff session lasts (GB/T 22239-2019 level 3: 登录连接超时自动退出): it ends after
/// <c>Session:IdleMinutes</c> without a request (default 30) and, however active, after
/// <c>Session:AbsoluteHours</c> from the sign-in (default 8, a working day).
/// </summary>
/// <param name="PasswordMaxAgeDays"><c>Passwords:MaxAgeDays</c> (90): a password older than this is changed first (<see cref="PasswordChange"/>).</param>
public sealed record SessionLimits(TimeSpan Idle, TimeSpan Absolute, int PasswordMaxAgeDays)
{
    public static SessionLimits From(IConfiguration configuration)
    {
        var session = configuration.GetSection("Session");
        return new SessionLimits(
            TimeSpan.FromMinutes(Gongkai.Data.SettingsCheck.PositiveInt(session, "IdleMinutes", 30, "无操作自动退出的分钟数")),
            TimeSpan.FromHours(Gongkai.Data.SettingsCheck.PositiveInt(session, "AbsoluteHours", 8, "登录的最长小时数")),
            Gongkai.Data.SettingsCheck.PositiveInt(configuration.GetSection("Passwords"), "MaxAgeDays", PasswordRules.DefaultMaxAgeDays, "密码的最长使用天数"));
    }
}
