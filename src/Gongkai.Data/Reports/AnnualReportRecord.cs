using Gongkai.Domain.Reports;

namespace Gongkai.Data.Reports;

/// <summary>
/// One edition of an agency's annual report for a year. The report itself is stored as its JSON
/// document (schema gongkai.annual-report/1); a correction after publication is a new edition.
/// </summary>
public sealed class AnnualReportRecord : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }

    /// <summary>1 for the first edition, 2 for its first correction, …</summary>
    public int Edition { get; set; }

    public required string FormatCode { get; set; }
    public ReportStatus Status { get; set; }

    /// <summary>The superior's comment when it returned the report, shown to the agency until it submits again.</summary>
    public string? ReviewComment { get; set; }
    public required string Title { get; set; }

    /// <summary>The report document in the schema of docs/report-schema.md; logged by digest, not in full.</summary>
    [AuditedAsDigest]
    public required string Content { get; set; }

    public int ErrorCount { get; set; }
    public int WarningCount { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    /// <summary>The published file this edition was imported from, if any.</summary>
    public int? SourceFileId { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}

internal sealed class AnnualReportRecordConfiguration : IEntityTypeConfiguration<AnnualReportRecord>
{
    public void Configure(EntityTypeBuilder<AnnualReportRecord> e)
    {
        e.ToTable("annual_reports");
        e.HasIndex(r => new { r.AgencyId, r.Year, r.Edition }).IsUnique().HasDatabaseName("ix_annual_reports_agency_id_year_edition");
        e.HasIndex(r => new { r.Year, r.Status }).HasDatabaseName("ix_annual_reports_year_status");
        e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(r => r.Status).HasConversion<string>();
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne<ReportSourceFile>().WithMany().HasForeignKey(r => r.SourceFileId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => r.SourceFileId).HasDatabaseName("ix_annual_reports_source_file_id");
    }
}
