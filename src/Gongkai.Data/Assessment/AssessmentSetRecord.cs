using Gongkai.Domain.Assessment;

namespace Gongkai.Data.Assessment;

/// <summary>
/// A supervisor's own indicator set: a copy of a shipped one with its weights changed or
/// indicators added, stored as the same JSON (<see cref="IndicatorSet.Parse"/> reads both). It
/// applies to the owner agency and every agency below it from <see cref="FromYear"/>.
/// </summary>
public sealed class AssessmentSetRecord : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public required string Name { get; set; }
    public int FromYear { get; set; }
    public required string Content { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    /// <summary>The stored set; a row written by this code always parses (it was checked when saved).</summary>
    public IndicatorSet Set() => IndicatorSet.Parse(Content).Set ?? throw new InvalidOperationException($"Assessment set {Id} does not parse.");
}

internal sealed class AssessmentSetRecordConfiguration : IEntityTypeConfiguration<AssessmentSetRecord>
{
    public void Configure(EntityTypeBuilder<AssessmentSetRecord> e)
    {
        e.ToTable("assessment_sets");
        e.HasIndex(s => s.AgencyId).HasDatabaseName("ix_assessment_sets_agency_id");
        e.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(s => s.Version).IsConcurrencyToken();
    }
}
