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

    /// <summary>Keeps a published report's file as uploaded (read already, by the caller), before its reading is confirmed: the original is always kept beside what was read from it.</summary>
    public static async Task<Outcome<ReportSourceFile>> KeepAsync(GongkaiDb db, int agencyId, string fileName, byte[] content, int uploadedBy, DateTime nowUtc, CancellationToken ct)
    {
        var source = new ReportSourceFile
        {
            AgencyId = agencyId, FileName = Path.GetFileName(fileName), Content = content, Size = content.Length, UploadedUtc = nowUtc, UploadedBy = uploadedBy,
        };
        db.ReportSourceFiles.Add(source);
        return Outcome<ReportSourceFile>.Of(await Outcome.SaveAsync(db, ct), source);
    }
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
