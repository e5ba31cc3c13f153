namespace Gongkai.Data.Audit;

/// <summary>One change made by staff, or one sign-in event. Append-only: the schema refuses updates and deletes.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredUtc { get; set; }
    public int? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public int? AgencyId { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }

    /// <summary>JSON object of changed fields: {"Field": ["old", "new"]}.</summary>
    public required string Changes { get; set; }
}

public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignedOut = "signed-out";

    /// <summary>
    /// The day's routine sign-ins and sign-outs: most of the log, rarely what an auditor looks for,
    /// so the log leaves them out unless asked. Failed sign-ins, lockouts and failed codes stay in.
    /// </summary>
    public static readonly string[] Sessions = [SignedIn, SignedOut];
    public const string TwoFactorEnrolled = "two-factor-enrolled";
    public const string TwoFactorReset = "two-factor-reset";
    public const string TwoFactorFailed = "two-factor-failed";

    /// <summary>A member looked at a full ID number (个人信息保护法 第五十一条: who saw what is recorded).</summary>
    public const string Revealed = "revealed";

    /// <summary>A list or log left the platform as a file (GB/T 22239-2019: exports are audited).</summary>
    public const string Exported = "exported";

    public static string Label(string action) => action switch
    {
        Created => "新增",
        Updated => "修改",
        Deleted => "删除",
        SignedIn => "登录",
        SignInFailed => "登录失败",
        LockedOut => "账户锁定",
        SignedOut => "退出",
        TwoFactorEnrolled => "启用双因素登录",
        TwoFactorReset => "重置双因素登录",
        TwoFactorFailed => "动态验证码错误",
        Revealed => "查看完整个人信息",
        Exported => "导出",
        _ => action,
    };
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        e.HasIndex(a => new { a.AgencyId, a.OccurredUtc }).HasDatabaseName("ix_audit_entries_agency_id_occurred_utc");
    }
}
