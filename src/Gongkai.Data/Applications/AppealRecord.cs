using Gongkai.Domain.Applications;

namespace Gongkai.Data.Applications;

/// <summary>A reconsideration or lawsuit about an application's reply, linked to the application.</summary>
public sealed class AppealRecord : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int ApplicationId { get; set; }
    public AppealKind Kind { get; set; }
    public DateOnly Filed { get; set; }
    public required string Body { get; set; }
    public DateOnly? Decided { get; set; }
    public AppealResult? Result { get; set; }
    public DateTime CreatedUtc { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    public Appeal ToDomain() => new(Kind, Filed, Body, Decided, Result);
}

internal sealed class AppealRecordConfiguration : IEntityTypeConfiguration<AppealRecord>
{
    public void Configure(EntityTypeBuilder<AppealRecord> e)
    {
        e.ToTable("appeals");
        e.HasIndex(a => a.ApplicationId).HasDatabaseName("ix_appeals_application_id");
        e.HasIndex(a => new { a.AgencyId, a.Filed }).HasDatabaseName("ix_appeals_agency_id_filed");
        e.HasOne<DisclosureApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(a => a.Kind).HasConversion<string>();
        e.Property(a => a.Result).HasConversion<string>();
        e.Property(a => a.Version).IsConcurrencyToken();
    }
}
