using Gongkai.Domain.Staff;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Data.Staff;

/// <summary>Creating accounts and setting passwords, shared by the console and the CLI.</summary>
public static class StaffAccounts
{
    private static readonly PasswordHasher<StaffUser> Hasher = new();

    public static StaffUser New(int agencyId, string userName, string displayName, StaffRole role, string password, DateTime nowUtc) =>
        WithHash(agencyId, userName, displayName, role, HashPassword(password), nowUtc);

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

    public static void SetPassword(StaffUser user, string password)
    {
        user.PasswordHash = HashPassword(password);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public static PasswordVerificationResult Verify(StaffUser user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password);

    public static Task<bool> UserNameTakenAsync(GongkaiDb db, string userName, CancellationToken ct = default)
    {
        var normalized = UserNameRules.Normalize(userName);
        return db.StaffUsers.AnyAsync(u => u.UserName == normalized, ct);
    }
}
