namespace Gongkai.Data.Disclosure;

/// <summary>A file attached to an item, with the text extracted from it for search and the personal-data guard.</summary>
public sealed class ItemAttachment : IAudited
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int AgencyId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }

    [NotAudited]
    public required byte[] Content { get; set; }

    /// <summary>The file's text where it can be read (DOCX, XLSX, text); empty for images.</summary>
    public required string Text { get; set; }
    public DateTime UploadedUtc { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}

internal sealed class ItemAttachmentConfiguration : IEntityTypeConfiguration<ItemAttachment>
{
    public void Configure(EntityTypeBuilder<ItemAttachment> e)
    {
        e.ToTable("item_attachments");
        e.HasIndex(a => a.ItemId).HasDatabaseName("ix_item_attachments_item_id");
        e.HasOne<InfoItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
