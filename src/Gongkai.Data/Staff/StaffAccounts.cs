using Gongkai.Domain.Staff;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Data.Staff;

/// <summary>Creating accounts and setting passwords, shared by the console and the CLI.</summary>
public static class StaffAccounts
{
    private static readonly PasswordHasher<StaffUser> Hasher = new();

    /// <summary>A new account with its initial password, set by an administrator: its owner changes it at the first sign-in.</summary>
    public static StaffUser New(int agencyId, string userName, string displayName, StaffRole role, string password, DateTime nowUtc)
    {
        var user = WithHash(agencyId, userName, displayName, role, HashPassword(password), nowUtc);
        (user.PasswordChangedUtc, user.MustChangePassword) = (nowUtc, true);
        return user;
    }

    /// <summary>An account whose password is already hashed (demo accounts share one hash of their shared password).</summary>
    public static StaffUser WithHash(int agencyId, string userName, string displayName, StaffRole role, string passwordHash, DateTime nowUtc) => new()
    {
        AgencyId = agencyId,
        UserName = UserNameRules.Normalize(userName),
        DisplayName = displayName.Trim(),
        Role = role,
        PasswordHash = passwordHash,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        CreatedUtc = nowUtc,
    };

    // The hasher's format (v3, PBKDF2 with a random salt) does not depend on the user.
    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);

    /// <summary>
    /// A new password: the old hash joins the history (the last <see cref="PasswordRules.History"/>
    /// are kept), the age starts again, and one an administrator set is to be changed by its owner
    /// at the next sign-in. The stamp changes, so other sessions end.
    /// </summary>
    public static void SetPassword(StaffUser user, string password, DateTime nowUtc, bool byOwner)
    {
        user.PasswordHistory = string.Join('\n', new[] { user.PasswordHash }.Concat(History(user)).Take(PasswordRules.History));
        user.PasswordHash = HashPassword(password);
        user.PasswordChangedUtc = nowUtc;
        user.MustChangePassword = !byOwner;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    private static IEnumerable<string> History(StaffUser user) => user.PasswordHistory.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether <paramref name="password"/> is the current one or one of the last <see cref="PasswordRules.History"/>.</summary>
    public static bool UsedBefore(StaffUser user, string password) =>
        new[] { user.PasswordHash }.Concat(History(user)).Take(PasswordRules.History + 1).Any(hash => Check(hash, password) != PasswordVerificationResult.Failed);

    public static PasswordVerificationResult Verify(StaffUser user, string password) => Check(user.PasswordHash, password);

    /// <summary>A hash no password matches, made as every stored one is (same format and iterations).</summary>
    private static readonly string NoAccount = HashPassword(Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The same work as <see cref="Verify"/> for a user name with no (active) account: the answer is
    /// the same "wrong user name or password", and so is the time it takes — otherwise how long a
    /// sign-in takes tells which user names exist (issue 25: 6 ms against 86 ms).
    /// </summary>
    public static void VerifyNone(string password) => Check(NoAccount, password);

    private static PasswordVerificationResult Check(string hash, string password)
    {
        if (s_checks.Value is { } counter)
        {
            counter.Value++;
        }
        return Hasher.VerifyHashedPassword(null!, hash, password);
    }

    private static readonly AsyncLocal<System.Runtime.CompilerServices.StrongBox<int>?> s_checks = new();

    /// <summary>Counts the password hashes checked from here on in the calling flow (a test's way to see that both paths do the work, without timing them).</summary>
    public static System.Runtime.CompilerServices.StrongBox<int> CountChecks() => s_checks.Value = new System.Runtime.CompilerServices.StrongBox<int>();

    public static Task<bool> UserNameTakenAsync(GongkaiDb db, string userName, CancellationToken ct = default)
    {
        var normalized = UserNameRules.Normalize(userName);
        return db.StaffUsers.AnyAsync(u => u.UserName == normalized, ct);
    }

    /// <summary>
    /// An account made by <paramref name="by"/>: refused at its field when the role is above what
    /// the admin may give (<see cref="AccessPolicy.MayAssignRole"/>), the user name breaks its rules
    /// or is taken (also when two admins take it at the same moment: the unique index decides),
    /// or the password is weak.
    /// </summary>
    public static async Task<Outcome<StaffUser>> CreateAsync(GongkaiDb db, StaffRole by, int agencyId, string userName, string displayName, StaffRole role,
        string password, DateTime nowUtc, CancellationToken ct)
    {
        if (await NewAccountProblemsAsync(db, by, userName, role, password, ct) is { Count: > 0 } problems)
        {
            return Outcome<StaffUser>.Of(Outcome.Refused(problems), null);
        }
        var user = New(agencyId, userName, displayName, role, password, nowUtc);
        db.StaffUsers.Add(user);
        try
        {
            return Outcome<StaffUser>.Of(await Outcome.SaveAsync(db, ct), user);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<StaffUser>.Of(Outcome.Refused(Taken, "UserName"), null);
        }
    }

    private const string Taken = "该用户名已被使用。";

    /// <summary>What <see cref="CreateAsync"/> refuses, for what the form has (a form shows them with its own field errors).</summary>
    public static async Task<IReadOnlyList<Problem>> NewAccountProblemsAsync(GongkaiDb db, StaffRole by, string? userName, StaffRole? role, string? password, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (role is { } wanted && !AccessPolicy.MayAssignRole(by, wanted))
        {
            problems.Add(new Problem("Role", "您不能授予该角色。"));
        }
        if (!string.IsNullOrEmpty(userName))
        {
            if (UserNameRules.Problem(userName) is { } nameProblem)
            {
                problems.Add(new Problem("UserName", nameProblem));
            }
            else if (await UserNameTakenAsync(db, userName, ct))
            {
                problems.Add(new Problem("UserName", Taken));
            }
        }
        if (!string.IsNullOrEmpty(password) && PasswordRules.Problem(password, userName ?? "") is { } passwordProblem)
        {
            problems.Add(new Problem("Password", passwordProblem));
        }
        return problems;
    }

    /// <summary>
    /// An admin's change to an account read at <paramref name="version"/>: name, role, status, a new
    /// password. Nobody changes their own role or deactivates themselves (an agency could be left
    /// with no one to manage its accounts); a change of role or status ends the account's sessions.
    /// </summary>
    public static async Task<Outcome> UpdateAsync(GongkaiDb db, StaffUser target, (int UserId, StaffRole Role) by, string displayName, StaffRole role,
        bool isActive, string? newPassword, int version, DateTime nowUtc, CancellationToken ct)
    {
        if (UpdateProblems(target, by, displayName, role, isActive, newPassword) is { Count: > 0 } problems)
        {
            return Outcome.Refused(problems);
        }
        db.Entry(target).Property(u => u.Version).OriginalValue = version;
        var securityRelevant = target.Role != role || target.IsActive != isActive;
        (target.DisplayName, target.Role, target.IsActive) = (displayName.Trim(), role, isActive);
        if (!string.IsNullOrEmpty(newPassword))
        {
            SetPassword(target, newPassword, nowUtc, byOwner: false);
        }
        else if (securityRelevant)
        {
            target.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>What <see cref="UpdateAsync"/> refuses.</summary>
    public static IReadOnlyList<Problem> UpdateProblems(StaffUser target, (int UserId, StaffRole Role) by, string? displayName, StaffRole? role, bool isActive, string? newPassword)
    {
        var problems = new List<Problem>();
        if (role is { } wanted && wanted != target.Role && (!AccessPolicy.HasAnywhere(by.Role, Permission.ManageSecurity) || !AccessPolicy.MayAssignRole(by.Role, wanted)))
        {
            // 三员分立: roles are the security admin's (and, inside one agency, its admin's) to give.
            problems.Add(new Problem("Role", "您不能授予该角色。"));
        }
        if (!AccessPolicy.HasAnywhere(by.Role, Permission.ManageUsers)
            && (displayName is not null && displayName.Trim() != target.DisplayName || isActive != target.IsActive || !string.IsNullOrEmpty(newPassword)))
        {
            // 三员分立: names, status and passwords are the system admin's; a security admin who could set a password could take the account over.
            problems.Add(new Problem(null, "您只能更改账户的角色、解除锁定或重置双因素登录。"));
        }
        if (target.Id == by.UserId && (role != target.Role || !isActive))
        {
            // Otherwise an agency could be left with no one able to manage its accounts.
            problems.Add(new Problem(null, "不能更改自己的角色或停用自己的账户。"));
        }
        if (!string.IsNullOrEmpty(newPassword) && PasswordRules.Problem(newPassword, target.UserName) is { } problem)
        {
            problems.Add(new Problem("NewPassword", problem));
        }
        return problems;
    }

    /// <summary>Lifts a lockout before its time (the security admin's, or the agency admin's for the agency's own accounts).</summary>
    public static async Task<Outcome> UnlockAsync(GongkaiDb db, StaffUser target, CancellationToken ct)
    {
        (target.LockoutEndUtc, target.FailedLoginCount) = (null, 0);
        await db.RecordEventAsync(AuditActions.Updated, nameof(StaffUser), target.Id.ToString(), target.AgencyId, new { LockoutEndUtc = "解除锁定" }, ct);
        return Outcome.Done;
    }

    /// <summary>A user's own password change: the current one must match and the new one pass the rules and be none of the last ones; the stamp changes, so other sessions end.</summary>
    public static async Task<Outcome> ChangePasswordAsync(GongkaiDb db, StaffUser user, string currentPassword, string newPassword, DateTime nowUtc, CancellationToken ct)
    {
        if (PasswordChangeProblems(user, currentPassword, newPassword) is { Count: > 0 } problems)
        {
            return Outcome.Refused(problems);
        }
        SetPassword(user, newPassword, nowUtc, byOwner: true);
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>What <see cref="ChangePasswordAsync"/> refuses, for the fields given.</summary>
    public static IReadOnlyList<Problem> PasswordChangeProblems(StaffUser user, string? currentPassword, string? newPassword)
    {
        var problems = new List<Problem>();
        if (!string.IsNullOrEmpty(currentPassword) && Verify(user, currentPassword) == PasswordVerificationResult.Failed)
        {
            problems.Add(new Problem("CurrentPassword", "当前密码不正确。"));
        }
        if (!string.IsNullOrEmpty(newPassword) && PasswordRules.Problem(newPassword, user.UserName) is { } problem)
        {
            problems.Add(new Problem("NewPassword", problem));
        }
        else if (!string.IsNullOrEmpty(newPassword) && UsedBefore(user, newPassword))
        {
            problems.Add(new Problem("NewPassword", $"新密码不能与当前密码或最近 {PasswordRules.History} 次使用过的密码相同。"));
        }
        return problems;
    }

    /// <summary>A user's own mail settings: the address the reminders go to (checked) and whether the daily digest is off.</summary>
    public static async Task<Outcome> SetMailAsync(GongkaiDb db, int userId, string? email, bool digestsOff, CancellationToken ct)
    {
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (email is not null && !Domain.Applications.ApplicantRules.IsEmail(email))
        {
            return Outcome.Refused("电子邮箱格式不正确（例如 name@example.gov.cn）。", "Email");
        }
        var user = await db.StaffUsers.SingleAsync(u => u.Id == userId, ct);
        (user.Email, user.DigestsOff) = (email, digestsOff);
        return await Outcome.SaveAsync(db, ct);
    }
}
