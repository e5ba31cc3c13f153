using Gongkai.Domain.Staff;

namespace Gongkai.Data.Staff;

/// <summary>A staff account. Accounts are deactivated, never deleted, so the audit log keeps its actors.</summary>
public sealed class StaffUser : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public StaffRole Role { get; set; }
    public required string PasswordHash { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Where reminders and review requests go; none are sent without it.</summary>
    public string? Email { get; set; }

    /// <summary>The member switched the daily digest off (the immediate review requests still come).</summary>
    public bool DigestsOff { get; set; }

    /// <summary>Changed when the password, role or status changes and at sign-out: sessions carrying the old one end. Not logged: the change that causes it is.</summary>
    [NotAudited]
    public required string SecurityStamp { get; set; }

    /// <summary>When the password was last set; null until the first sign-in after the upgrade that began counting (<see cref="PasswordRules.MustChange"/>).</summary>
    [NotAudited] public DateTime? PasswordChangedUtc { get; set; }

    /// <summary>Set by an administrator (a new account, a reset): to be changed by its owner at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The hashes of the last <see cref="PasswordRules.History"/> passwords, newest first, one per line: none may be used again.</summary>
    [NotAudited] public string PasswordHistory { get; set; } = "";

    /// <summary>The TOTP shared secret (base32), sealed as personal data is; null until the member enrols (<see cref="TwoFactor"/>).</summary>
    [NotAudited] public string? TotpSecret { get; set; }

    /// <summary>The last TOTP time step accepted: a code of that step or an earlier one is not accepted again.</summary>
    [NotAudited] public long TotpLastStep { get; set; }

    [NotAudited] public int FailedLoginCount { get; set; }
    [NotAudited] public DateTime? LockoutEndUtc { get; set; }
    [NotAudited] public DateTime? LastLoginUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> e)
    {
        e.ToTable("staff_users");
        e.HasIndex(u => u.UserName).IsUnique().HasDatabaseName("ix_staff_users_user_name");
        e.HasIndex(u => u.AgencyId).HasDatabaseName("ix_staff_users_agency_id");
        e.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(u => u.Role).HasConversion<string>();
        e.Property(u => u.Version).IsConcurrencyToken();
    }
}
