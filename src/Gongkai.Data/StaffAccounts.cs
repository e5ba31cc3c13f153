using Gongkai.Domain.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>Creating accounts and setting passwords, shared by the console and the CLI.</summary>
public static class StaffAccounts
{
    private static readonly PasswordHasher<StaffUser> Hasher = new();

    public static StaffUser New(int agencyId, string userName, string displayName, StaffRole role, string password, DateTime nowUtc)
    {
        var user = new StaffUser
        {
            AgencyId = agencyId,
            UserName = UserNameRules.Normalize(userName),
            DisplayName = displayName.Trim(),
            Role = role,
            PasswordHash = "",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedUtc = nowUtc,
        };
        SetPassword(user, password);
        return user;
    }

    public static void SetPassword(StaffUser user, string password)
    {
        user.PasswordHash = Hasher.HashPassword(user, password);
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
