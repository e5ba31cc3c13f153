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
