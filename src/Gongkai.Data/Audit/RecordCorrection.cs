namespace Gongkai.Data.Audit;

/// <summary>
/// A change to a record that altered the figures of a report year already submitted
/// (<see cref="Gongkai.Domain.Reports.RecordLock"/>), with the reason given. Shown on the report
/// and to the supervisor; never changed or deleted.
/// </summary>
public sealed class RecordCorrection
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }

    /// <summary>What kind of record: 申请, 行政复议、行政诉讼, 政府信息.</summary>
    public required string RecordKind { get; set; }

    /// <summary>How the clerk knows the record: tracking number, index number and title.</summary>
    public required string RecordName { get; set; }
    public required string Reason { get; set; }
    public required string ActorName { get; set; }
    public DateTime OccurredUtc { get; set; }
}

/// <summary>The reason a clerk gives for correcting a submitted year: printed on the report beside the correction, so a few sentences.</summary>
public static class CorrectionReasons
{
    public const int MaxLength = 500;

    /// <summary>The reason as the save pipeline takes it: trimmed, cut to <see cref="MaxLength"/>, null when blank.</summary>
    public static string? Normalise(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        return trimmed.Length == 0 ? null : trimmed[..Math.Min(trimmed.Length, MaxLength)];
    }
}

/// <summary>A change refused because it would alter a submitted year's figures without a reason; the message says which year.</summary>
public sealed class RecordsLockedException(string message) : Exception(message);

internal sealed class RecordCorrectionConfiguration : IEntityTypeConfiguration<RecordCorrection>
{
    public void Configure(EntityTypeBuilder<RecordCorrection> e)
    {
        e.ToTable("record_corrections");
        e.HasIndex(c => new { c.AgencyId, c.Year }).HasDatabaseName("ix_record_corrections_agency_id_year");
        e.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
