namespace Gongkai.Data.Reports;

/// <summary>A published report file uploaded for import, kept with the report made from it.</summary>
public sealed class ReportSourceFile : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public required string FileName { get; set; }

    [AuditedAsDigest]
    public required byte[] Content { get; set; }

    public long Size { get; set; }
    public DateTime UploadedUtc { get; set; }
    public int? UploadedBy { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}

internal sealed class ReportSourceFileConfiguration : IEntityTypeConfiguration<ReportSourceFile>
{
    public void Configure(EntityTypeBuilder<ReportSourceFile> e)
    {
        e.ToTable("report_source_files");
        e.HasIndex(f => f.AgencyId).HasDatabaseName("ix_report_source_files_agency_id");
        e.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
