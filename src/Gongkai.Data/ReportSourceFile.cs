namespace Gongkai.Data;

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
