using Gongkai.Domain.Notifications;

namespace Gongkai.Data.Mail;

/// <summary>An agency's own text for one kind of mail, replacing <see cref="MessageTemplates.Default"/>.</summary>
public sealed class MessageTemplateRecord : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public MessageKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedUtc { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    /// <summary>The template the agency uses for <paramref name="kind"/>: its own, or the default.</summary>
    public static async Task<MessageTemplates.Template> ForAsync(GongkaiDb db, int agencyId, MessageKind kind, CancellationToken ct) =>
        await db.MessageTemplates.AsNoTracking().Where(t => t.AgencyId == agencyId && t.Kind == kind)
            .Select(t => new MessageTemplates.Template(t.Subject, t.Body)).SingleOrDefaultAsync(ct)
        ?? MessageTemplates.Default(kind);
}

internal sealed class MessageTemplateRecordConfiguration : IEntityTypeConfiguration<MessageTemplateRecord>
{
    public void Configure(EntityTypeBuilder<MessageTemplateRecord> e)
    {
        e.ToTable("message_templates");
        e.Property(t => t.Kind).HasConversion<string>();
        e.HasIndex(t => new { t.AgencyId, t.Kind }).IsUnique().HasDatabaseName("ix_message_templates_agency_id_kind");
        e.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>An agency's mail templates as its admin posts them: checked, saved together, tried out.</summary>
public static class MessageTemplateRecords
{
    public const int MaxBody = 5000;
    public const int MaxSubject = 200;

    /// <summary>The template a posted subject and body make: the default when either is left empty.</summary>
    public static MessageTemplates.Template Effective(MessageKind kind, string? subject, string? body)
    {
        subject = subject?.Trim();
        body = body?.Replace("\r\n", "\n").Trim();
        return string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(body) ? MessageTemplates.Default(kind) : new(subject, body);
    }

    /// <summary>Each kind's problems at its field <c>Bodies[Kind]</c>: a placeholder the kind does not have, a subject or body too long.</summary>
    public static IReadOnlyList<Problem> Check(IReadOnlyDictionary<MessageKind, (string? Subject, string? Body)> posted)
    {
        var problems = new List<Problem>();
        foreach (var (kind, (subject, body)) in posted)
        {
            if (MessageTemplates.UnknownPlaceholders(kind, Effective(kind, subject, body)) is { Count: > 0 } unknown)
            {
                problems.Add(new Problem($"Bodies[{kind}]", $"“{kind.Label()}”没有这些占位符：{string.Join("、", unknown.Select(u => "{" + u + "}"))}。"));
            }
            if (subject?.Length > MaxSubject)
            {
                problems.Add(new Problem($"Subjects[{kind}]", $"“{kind.Label()}”的主题不超过 {MaxSubject} 字。"));
            }
            if (body?.Length > MaxBody)
            {
                problems.Add(new Problem($"Bodies[{kind}]", $"“{kind.Label()}”的正文不超过 {MaxBody} 字。"));
            }
        }
        return problems;
    }

    /// <summary>Saves an agency's templates: one equal to the default (or left empty) falls back to it.</summary>
    public static async Task<Outcome> SaveAsync(GongkaiDb db, int agencyId, IReadOnlyDictionary<MessageKind, (string? Subject, string? Body)> posted, DateTime nowUtc, CancellationToken ct)
    {
        if (Check(posted) is { Count: > 0 } problems)
        {
            return Outcome.Refused(problems);
        }
        var own = await db.MessageTemplates.Where(t => t.AgencyId == agencyId).ToDictionaryAsync(t => t.Kind, ct);
        foreach (var (kind, (subject, body)) in posted)
        {
            var template = Effective(kind, subject, body);
            var custom = template == MessageTemplates.Default(kind) ? null : template;
            if (own.TryGetValue(kind, out var existing))
            {
                if (custom is null)
                {
                    db.MessageTemplates.Remove(existing);
                }
                else if (existing.Subject != custom.Subject || existing.Body != custom.Body)
                {
                    (existing.Subject, existing.Body, existing.UpdatedUtc) = (custom.Subject, custom.Body, nowUtc);
                }
            }
            else if (custom is not null)
            {
                db.MessageTemplates.Add(new MessageTemplateRecord { AgencyId = agencyId, Kind = kind, Subject = custom.Subject, Body = custom.Body, UpdatedUtc = nowUtc });
            }
        }
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>A filled template through the real outbox to the admin's own address; refused while the admin has none.</summary>
    public static async Task<Outcome<string>> SendTestAsync(GongkaiDb db, int agencyId, int userId, MessageTemplates.Template filled, DateTime nowUtc, CancellationToken ct)
    {
        var email = await db.StaffUsers.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        if (email is null)
        {
            return Outcome<string>.Of(Outcome.Refused("请先在“邮件提醒”中填写本人的电子邮箱。"), null);
        }
        db.Outbox.Add(Notices.New(agencyId, null, MessageKind.Test, email, filled with { Subject = "【测试】" + filled.Subject }, null, nowUtc));
        return Outcome<string>.Of(await Outcome.SaveAsync(db, ct), email);
    }
}
