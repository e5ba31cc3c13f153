using Gongkai.Domain.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>Loads what the report's proactive figures need of the items, for one agency or many.</summary>
public static class DisclosureHistory
{
    /// <summary>
    /// The items of the agencies a report in <paramref name="formatCode"/> counts, reduced to what
    /// <see cref="ProactiveTables"/> needs: every item ever published (published or withdrawn), or
    /// only the documents where the format counts nothing else; drafts never count.
    /// </summary>
    public static async Task<IReadOnlyList<DisclosedItem>> ItemsAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, string formatCode, CancellationToken ct = default)
    {
        var everyItem = ProactiveTables.CountsEveryItem(formatCode);
        return (await db.InfoItems.AsNoTracking()
            .Where(i => agencyIds.Contains(i.AgencyId) && (i.Status == ItemStatus.Published || i.Status == ItemStatus.Withdrawn)
                && (everyItem || i.DocumentKind != DocumentKind.None))
            .Select(i => new { i.DocumentKind, i.WrittenOn, i.PublishedOn, i.RepealedOn, i.WithdrawnOn, i.Channels })
            .ToListAsync(ct))
        .Select(i => new DisclosedItem(i.DocumentKind, i.WrittenOn, i.PublishedOn, i.RepealedOn, i.WithdrawnOn, i.Channels))
        .ToList();
    }
}
