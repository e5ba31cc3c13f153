using Gongkai.Domain.Disclosure;

namespace Gongkai.Data.Disclosure;

/// <summary>Loads what the report's proactive figures need of the items, for one agency or many.</summary>
public static class DisclosureHistory
{
    /// <summary>
    /// The items of the agencies a report in <paramref name="formatCode"/> counts, reduced to what
    /// <see cref="ProactiveTables"/> needs for <paramref name="year"/>: every item ever published
    /// (published or withdrawn), or only the documents where the format counts nothing else; drafts
    /// never count. Counted in the database per agency, kind, channels and where each date stands
    /// to the year (<see cref="ProactiveTables.StandIn"/>): a few dozen rows an agency, not its
    /// thousands of items, so a roll-up's agencies are one query.
    /// </summary>
    /// <param name="perAgency">false: all the agencies' items together (agency 0).</param>
    public static async Task<List<(int AgencyId, DisclosedItem Item)>> ItemsAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, string formatCode, int year, bool perAgency = true, CancellationToken ct = default)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var groups = await Countable(db, agencyIds, formatCode)
            .GroupBy(i => new
            {
                AgencyId = perAgency ? i.AgencyId : 0,
                i.DocumentKind,
                i.Channels,
                // The same sides as ProactiveTables.Side, computed where the items are.
                Issued = i.WrittenOn < first ? YearSide.Before : i.WrittenOn <= last ? YearSide.Within : YearSide.After,
                Published = i.PublishedOn == null ? YearSide.None : i.PublishedOn < first ? YearSide.Before : i.PublishedOn <= last ? YearSide.Within : YearSide.After,
                Repealed = i.RepealedOn == null ? YearSide.None : i.RepealedOn < first ? YearSide.Before : i.RepealedOn <= last ? YearSide.Within : YearSide.After,
                Withdrawn = i.WithdrawnOn == null ? YearSide.None : i.WithdrawnOn < first ? YearSide.Before : i.WithdrawnOn <= last ? YearSide.Within : YearSide.After,
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return groups.Select(g => (g.Key.AgencyId, new DisclosedItem(g.Key.DocumentKind, ProactiveTables.StandIn(g.Key.Issued, year), ProactiveTables.StandIn(g.Key.Published, year),
            ProactiveTables.StandIn(g.Key.Repealed, year), ProactiveTables.StandIn(g.Key.Withdrawn, year), g.Key.Channels, g.Count))).ToList();
    }

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
