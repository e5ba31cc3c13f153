using Gongkai.Domain.Applications;

namespace Gongkai.Data.Applications;

/// <summary>An agency's own wording of the reply letter for one reply type (the default applies where there is none).</summary>
public sealed class ReplyLetterTemplate : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public ReplyType ReplyType { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}

internal sealed class ReplyLetterTemplateConfiguration : IEntityTypeConfiguration<ReplyLetterTemplate>
{
    public void Configure(EntityTypeBuilder<ReplyLetterTemplate> e)
    {
        e.ToTable("reply_letter_templates");
        e.HasIndex(t => new { t.AgencyId, t.ReplyType }).IsUnique().HasDatabaseName("ix_reply_letter_templates_agency_id_reply_type");
        e.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(t => t.ReplyType).HasConversion<string>();
        e.Property(t => t.Version).IsConcurrencyToken();
    }
}
