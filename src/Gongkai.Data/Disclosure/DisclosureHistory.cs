using Gongkai.Domain.Disclosure;

namespace Gongkai.Data.Disclosure;

/// <summary>Loads what the report's proactive figures need of the items, for one agency or many.</summary>
public static class DisclosureHistory
{
    /// <summary>
    /// The items of the agencies a report in <paramref name="formatCode"/> counts, reduced to what
    /// <see cref="ProactiveTables"/> needs: every item ever published (published or withdrawn), or
    /// only the documents where the format counts nothing else; drafts never count.
    /// </summary>
    public static async Task<List<DisclosedItem>> ItemsAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, string formatCode, CancellationToken ct = default) =>
        await Countable(db, agencyIds, formatCode)
            .Select(i => new DisclosedItem(i.DocumentKind, i.WrittenOn, i.PublishedOn, i.RepealedOn, i.WithdrawnOn, i.Channels))
            .ToListAsync(ct);

    /// <summary>The same items one by one, with what the clerk knows them by: the records behind a figure.</summary>
    public static async Task<List<CountedItem>> CountedItemsAsync(GongkaiDb db, int agencyId, string formatCode, CancellationToken ct = default) =>
        await Countable(db, [agencyId], formatCode).OrderBy(i => i.Id)
            .Select(i => new CountedItem(i.Id, i.IndexNumber, i.Title, new DisclosedItem(i.DocumentKind, i.WrittenOn, i.PublishedOn, i.RepealedOn, i.WithdrawnOn, i.Channels)))
            .ToListAsync(ct);

    private static IQueryable<InfoItem> Countable(GongkaiDb db, IReadOnlyCollection<int> agencyIds, string formatCode)
    {
        var everyItem = ProactiveTables.CountsEveryItem(formatCode);
        return db.InfoItems.AsNoTracking()
            .Where(i => agencyIds.Contains(i.AgencyId) && (i.Status == ItemStatus.Published || i.Status == ItemStatus.Withdrawn)
                && (everyItem || i.DocumentKind != DocumentKind.None));
    }
}

/// <summary>An information item as a report counts it, with its index number and title.</summary>
public sealed record CountedItem(int Id, string IndexNumber, string Title, DisclosedItem Item);
