using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gongkai.Data.Search;

/// <summary>
/// What a save changes in the search index: the items it publishes, changes while published or
/// withdraws, and the items whose attachments it changes. Read before the save, while the original
/// values are known; applied after it, in its transaction, so the index never disagrees with the items.
/// </summary>
internal sealed record IndexChanges(IReadOnlyList<InfoItem> Items, IReadOnlyList<int> AttachmentsOf)
{
    public bool IsEmpty => Items.Count == 0 && AttachmentsOf.Count == 0;

    public static IndexChanges Of(ChangeTracker tracker)
    {
        var items = tracker.Entries<InfoItem>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified
                && (e.Entity.Status == ItemStatus.Published
                    || (e.State == EntityState.Modified && e.Property(i => i.Status).OriginalValue == ItemStatus.Published)))
            .Select(e => e.Entity).ToList();
        var attachmentsOf = tracker.Entries<ItemAttachment>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.ItemId).Distinct().Where(id => items.All(i => i.Id != id)).ToList();
        return new IndexChanges(items, attachmentsOf);
    }

    public async Task ApplyAsync(GongkaiDb db, CancellationToken ct)
    {
        var others = AttachmentsOf.Count == 0 ? []
            : await db.InfoItems.AsNoTracking().Where(i => AttachmentsOf.Contains(i.Id) && i.Status == ItemStatus.Published).ToListAsync(ct);
        foreach (var item in Items.Concat(others))
        {
            await db.Search.UpdateAsync(item, await db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == item.Id).Select(a => a.Text).ToListAsync(ct), ct);
        }
    }
}
