using Gongkai.Domain.Supervision;

namespace Gongkai.Data.Supervision;

/// <summary>A 督办 sent by a supervisor to an agency below it about a late record, with the agency's answer (<see cref="ChaseUps"/>). Never deleted.</summary>
public sealed class ChaseUp : IAudited
{
    public int Id { get; set; }

    /// <summary>The agency chased up.</summary>
    public int AgencyId { get; set; }

    /// <summary>The supervisor's agency.</summary>
    public int FromAgencyId { get; set; }
    public ChaseUpSubject Subject { get; set; }
    public int SubjectId { get; set; }

    /// <summary>The record as named when sent (查询号, title), kept as it was.</summary>
    public required string SubjectTitle { get; set; }
    public required string Note { get; set; }
    public DateOnly ReplyBy { get; set; }
    public DateOnly SentOn { get; set; }
    public required string SentBy { get; set; }
    public int? SentByUserId { get; set; }
    public string? Answer { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}

internal sealed class ChaseUpConfiguration : IEntityTypeConfiguration<ChaseUp>
{
    public void Configure(EntityTypeBuilder<ChaseUp> e)
    {
        e.ToTable("chase_ups");
        e.HasIndex(c => new { c.AgencyId, c.AnsweredOn }).HasDatabaseName("ix_chase_ups_agency_id_answered_on");
        e.HasIndex(c => c.FromAgencyId).HasDatabaseName("ix_chase_ups_from_agency_id");
        e.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Agency>().WithMany().HasForeignKey(c => c.FromAgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(c => c.Subject).HasConversion<string>();
        e.Property(c => c.Version).IsConcurrencyToken();
    }
}
