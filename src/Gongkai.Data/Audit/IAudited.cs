namespace Gongkai.Data.Audit;

/// <summary>An entity whose every change is written to the audit log.</summary>
public interface IAudited
{
    /// <summary>The agency whose log the change belongs in.</summary>
    int? AuditAgencyId { get; }
}

/// <summary>A bookkeeping property whose changes alone do not make an audit entry.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>A large property whose change is logged as a short digest of old and new content, not in full.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditedAsDigestAttribute : Attribute;

/// <summary>Who is making the changes saved in this scope: a signed-in staff member, the CLI, or the public.</summary>
public sealed class AuditActor
{
    public int? UserId { get; private set; }
    public string Name { get; private set; } = "系统";

    public void Set(int? userId, string name)
    {
        UserId = userId;
        Name = name;
    }
}
