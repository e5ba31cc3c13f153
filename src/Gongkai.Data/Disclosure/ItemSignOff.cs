using Gongkai.Domain.Disclosure;

namespace Gongkai.Data.Disclosure;

/// <summary>A sign-off in the item's workflow: who, when, which action, which opinion (append-only).</summary>
public sealed class ItemSignOff : IAudited
{
    public long Id { get; set; }
    public int ItemId { get; set; }
    public int AgencyId { get; set; }
    public ItemAction Action { get; set; }
    public int UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Opinion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}

internal sealed class ItemSignOffConfiguration : IEntityTypeConfiguration<ItemSignOff>
{
    public void Configure(EntityTypeBuilder<ItemSignOff> e)
    {
        e.ToTable("item_sign_offs");
        e.HasIndex(s => s.ItemId).HasDatabaseName("ix_item_sign_offs_item_id");
        e.HasOne<InfoItem>().WithMany().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.Property(s => s.Action).HasConversion<string>();
    }
}
