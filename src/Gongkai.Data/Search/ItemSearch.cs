using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Data.Search;

/// <summary>Which published items a search may return.</summary>
public sealed record SearchFilter(int? AgencyId = null, int? Year = null, string? CategoryCode = null);

/// <summary>One page of hits, newest first; <see cref="Total"/> stops counting at <see cref="ItemSearch.CountLimit"/>.</summary>
public sealed record SearchHits(IReadOnlyList<int> ItemIds, int Total, bool MoreThanTotal);

/// <summary>
/// The full-text index of published items, as two plain tables that are the same on both
/// databases: <c>search_documents</c> keeps each item's folded text (the runs of
/// <see cref="SearchText"/>, a space between) and facets; <c>search_postings</c> keeps, for every
/// pair of characters, every triple with a digit (<see cref="SearchText.DigitTriples"/>) and every
/// facet (agency, year, category), the ids of the items that have it,
/// one row per bucket of 4,096 ids (<see cref="PostingList"/>). A search intersects its lists
/// rarest first and newest bucket first, and stops once it has the page and enough hits for the
/// count; a term longer than one pair is then confirmed on the stored text, so a query finds
/// exactly the items that contain it. FTS5 and GIN could not stop early: they walked a common
/// term's whole list, or every match of it, to show the newest ten (docs/benchmarks.md). This class
/// is the only code that knows the index, so an external engine can later take its place.
/// </summary>
public sealed class ItemSearch
{
    private readonly GongkaiDb db;
    private readonly IndexSql sql;

    /// <summary>Made by <see cref="GongkaiDb.Search"/> only: one index per context, that its saves keep up to date.</summary>
    internal ItemSearch(GongkaiDb db) => (this.db, sql) = (db, new IndexSql(db));

    /// <summary>Beyond this many hits the total is shown as “more than”: counting every hit of 公开 in a million items is not worth the time.</summary>
    public const int CountLimit = 1000;

    /// <summary>Ids per bucket, 2^12 = 4,096: smaller buckets mean more rows to read, larger ones more bytes rewritten on each publication.</summary>
    public const int BucketBits = 12;


    /// <summary>What is searched of an item: title, document number, body and attachments' text.</summary>
    public static string Document(InfoItem item, IEnumerable<string> attachmentTexts) =>
        string.Join("\n", [item.Title, item.DocumentNumber ?? "", item.BodyText, .. attachmentTexts]);

    /// <summary>A filter as terms of the index (longer than a pair, so never confused with text).</summary>
    public static IReadOnlyList<string> Facets(SearchFilter filter)
    {
        var facets = new List<string>();
        if (filter.AgencyId is { } agency)
        {
            facets.Add($"ag{agency}");
        }
        if (filter.Year is { } year)
        {
            facets.Add($"yr{year}");
        }
        if (filter.CategoryCode is { Length: > 0 } category)
        {
            facets.Add("ca" + new string(category.Where(char.IsAsciiLetterOrDigit).ToArray()));
        }
        return facets;
    }

    /// <summary>What the index keeps of an item: its stored text, and the facets of every filter it answers to.</summary>
    private static (string Content, string Facets) Entry(InfoItem item, IEnumerable<string> attachmentTexts) =>
        (StoredText(Document(item, attachmentTexts)), string.Join(' ', Facets(new SearchFilter(item.AgencyId, item.PublishedOn?.Year ?? item.Year, item.CategoryCode))));

    private const string InsertDocument = "INSERT INTO search_documents (item_id, facets, content) VALUES (@id, @facets, @content)";

    /// <summary>What the index keeps of a document: its folded runs of letters and digits with a space between, so a term is found only inside a run.</summary>
    public static string StoredText(string document) => string.Join(' ', SearchText.Runs(document));

    /// <summary>The lists an item is on: every pair of characters of its stored text, every triple with a digit, and its facets; in ordinal order.</summary>
    public static IReadOnlyList<string> Terms(string storedText, string facets) =>
        storedText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(run => run.Length >= 2).SelectMany(run => SearchText.Pairs(run).Concat(SearchText.DigitTriples(run)))
            .Concat(facets.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Puts a published item in the index, or takes any other out; every save does this for the items it changes.</summary>
    public async Task UpdateAsync(InfoItem item, IEnumerable<string> attachmentTexts, CancellationToken ct = default)
    {
        await RemoveAsync(item.Id, ct);
        if (item.Status != ItemStatus.Published)
        {
            return;
        }
        var (content, facets) = Entry(item, attachmentTexts);
        await sql.ExecuteAsync(InsertDocument, ct, ("@id", item.Id), ("@facets", facets), ("@content", content));
        await ChangeListsAsync(item.Id, Terms(content, facets), add: true, ct);
    }

    public async Task RemoveAsync(int itemId, CancellationToken ct = default)
    {
        (string Facets, string Content)? removed = null;
        await sql.ReadAsync("DELETE FROM search_documents WHERE item_id = @id RETURNING facets, content", r => removed = (r.GetString(0), r.GetString(1)), ct, ("@id", itemId));
        if (removed is var (facets, content))
        {
            await ChangeListsAsync(itemId, Terms(content, facets), add: false, ct);
        }
    }

    /// <summary>
    /// Rewrites the item's bucket row of each of its lists. Missing rows are created first and all
    /// are locked in term order, so two publications in one bucket wait for each other instead of
    /// losing an id or deadlocking (SQLite has one writer at a time anyway).
    /// </summary>
    private async Task ChangeListsAsync(int itemId, IReadOnlyList<string> terms, bool add, CancellationToken ct)
    {
        var bucket = itemId >> BucketBits;
        var list = sql.List(terms);
        if (add)
        {
            await sql.ExecuteAsync(sql.Postgres
                ? "INSERT INTO search_postings (term, bucket, n, ids) SELECT t, @bucket, 0, ''::bytea FROM unnest(@terms) AS t ORDER BY t COLLATE \"C\" ON CONFLICT DO NOTHING"
                : "INSERT INTO search_postings (term, bucket, n, ids) SELECT value, @bucket, 0, x'' FROM json_each(@terms) WHERE true ON CONFLICT DO NOTHING",
                ct, ("@bucket", bucket), ("@terms", list));
        }
        var rows = new List<(string Term, int[] Ids)>();
        await sql.ReadAsync($"SELECT term, ids FROM search_postings WHERE bucket = @bucket AND term {sql.In("@terms")} ORDER BY term{(sql.Postgres ? " FOR UPDATE" : "")}",
            r => rows.Add((r.GetString(0), PostingList.Decode(r.GetFieldValue<byte[]>(1), bucket))), ct, ("@bucket", bucket), ("@terms", list));
        await using var statements = sql.Prepared();
        foreach (var (term, ids) in rows)
        {
            var changed = PostingList.Change(ids, itemId, add);
            if (changed.Length == 0)
            {
                await statements.ExecuteAsync("DELETE FROM search_postings WHERE term = @term AND bucket = @bucket", ct, ("@term", term), ("@bucket", bucket));
            }
            else if (changed != ids)
            {
                await statements.ExecuteAsync("UPDATE search_postings SET n = @n, ids = @ids WHERE term = @term AND bucket = @bucket", ct,
                    ("@n", changed.Length), ("@ids", PostingList.Encode(changed, bucket)), ("@term", term), ("@bucket", bucket));
            }
        }
    }

    /// <summary>The ids of the published items containing every term of the query, newest first.</summary>
    public async Task<SearchHits> SearchAsync(SearchQuery query, SearchFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var facets = Facets(filter);
        var terms = query.Phrases.SelectMany(phrase => phrase).Concat(query.Triples).Concat(facets).Distinct(StringComparer.Ordinal).ToList();
        // How many ids each list has in each bucket: read from the key's index alone.
        var counts = terms.ToDictionary(t => t, _ => new List<(int Bucket, int Count)>(), StringComparer.Ordinal);
        await sql.ReadAsync($"SELECT term, bucket, n FROM search_postings WHERE term {sql.In("@terms")}", r => counts[r.GetString(0)].Add((r.GetInt32(1), r.GetInt32(2))), ct, ("@terms", sql.List(terms)));
        if (counts.Values.Any(c => c.Count == 0))
        {
            return new SearchHits([], 0, false);
        }
        var rarest = counts.MinBy(c => c.Value.Sum(b => (long)b.Count)).Key;
        var buckets = counts[rarest].OrderByDescending(b => b.Bucket).ToList();
        var left = buckets.Sum(b => (long)b.Count);
        // A term of one pair, and a facet, is exactly its list; a longer term's pairs may stand
        // apart in an item, so those candidates are confirmed on the stored text.
        var exact = query.Phrases.Where(phrase => phrase.Count == 1).SelectMany(phrase => phrase).Concat(facets).ToHashSet(StringComparer.Ordinal);
        var confirm = query.Terms.Where(term => term.Length > 2).ToList();

        var need = Math.Max(CountLimit + 1, page * pageSize);
        var found = new List<int>();
        var (next, seen) = (0, 0L);
        while (next < buckets.Count && found.Count < need)
        {
            // Enough buckets that the rarest list's ids in them, at the share of hits seen so far,
            // give the hits still missing; all the rest when that is most of it anyway (a filtered search).
            var share = seen == 0 ? 1 : Math.Max(found.Count / (double)seen, 0.01);
            var target = (need - found.Count) / share;
            var window = new List<int>();
            for (var ids = 0L; next < buckets.Count && (window.Count == 0 || ids < target || left < 2 * target); next++)
            {
                window.Add(buckets[next].Bucket);
                ids += buckets[next].Count;
                seen += buckets[next].Count;
                left -= buckets[next].Count;
            }
            var others = terms.Where(t => t != rarest).ToList();
            var second = facets.Contains(rarest) ? others.MinBy(t => counts[t].Sum(b => (long)b.Count)) : null;
            var candidates = await IntersectAsync(rarest, second, others, exact, window, ct);
            found.AddRange(confirm.Count == 0 ? candidates : await ConfirmAsync(candidates, confirm, need - found.Count, ct));
        }
        return new SearchHits(found.Skip((page - 1) * pageSize).Take(pageSize).ToList(), Math.Min(found.Count, CountLimit), found.Count > CountLimit);
    }

    /// <summary>Candidates this few are cheaper to confirm on their stored text than the lists of a longer term's pairs are to read.</summary>
    private const int ConfirmOnTextAtMost = 64;

    /// <summary>
    /// The ids in every list within the window's buckets, newest first: the rarest list, then the
    /// others where it left candidates. When the rarest is a filter's (an agency's few ids in each of
    /// a few hundred buckets), the next rarest (<paramref name="second"/>) is read alone first and
    /// the rest only in the buckets where the two left candidates: read together, every pair's row
    /// in every bucket was read though the first two lists leave a handful (issue 30: filtered
    /// searches 36–44 ms at the 95th percentile on PostgreSQL). Without a filter the others are read
    /// together as before (staging them too measured no different, within this machine's noise).
    /// Lists of pairs a longer term's text confirms are not read at all once the candidates are few
    /// (<see cref="ConfirmOnTextAtMost"/>).
    /// </summary>
    private async Task<List<int>> IntersectAsync(string rarest, string? second, List<string> others, HashSet<string> exact, List<int> window, CancellationToken ct)
    {
        var candidates = new Dictionary<int, int[]>();
        await sql.ReadAsync($"SELECT bucket, ids FROM search_postings WHERE term = @term AND bucket {sql.In("@buckets")}",
            r => candidates[r.GetInt32(0)] = PostingList.Decode(r.GetFieldValue<byte[]>(1), r.GetInt32(0)), ct, ("@term", rarest), ("@buckets", sql.List(window)));
        foreach (var stage in second is null ? [others] : new[] { [second], others.Where(t => t != second).ToList() })
        {
            var lists = candidates.Values.Sum(ids => ids.Length) <= ConfirmOnTextAtMost ? stage.Where(exact.Contains).ToList() : stage;
            await KeepAsync(candidates, lists, ct);
        }
        return candidates.Values.SelectMany(ids => ids).OrderDescending().ToList();
    }

    /// <summary>Keeps of the candidates, bucket by bucket, the ids on every one of <paramref name="terms"/>' lists, reading only the buckets that still hold candidates.</summary>
    private async Task KeepAsync(Dictionary<int, int[]> candidates, List<string> terms, CancellationToken ct)
    {
        var buckets = candidates.Where(c => c.Value.Length > 0).Select(c => c.Key).ToList();
        if (terms.Count == 0 || buckets.Count == 0)
        {
            return;
        }
        var lists = buckets.ToDictionary(b => b, _ => 0);
        await sql.ReadAsync($"SELECT bucket, ids FROM search_postings WHERE term {sql.In("@terms")} AND bucket {sql.In("@buckets")}", r =>
        {
            var bucket = r.GetInt32(0);
            candidates[bucket] = PostingList.Keep(candidates[bucket], r.GetFieldValue<byte[]>(1), bucket);
            lists[bucket]++;
        }, ct, ("@terms", sql.List(terms)), ("@buckets", sql.List(buckets)));
        // A bucket where some list has no row holds no hit.
        foreach (var bucket in buckets.Where(b => lists[b] < terms.Count))
        {
            candidates[bucket] = [];
        }
    }

    /// <summary>The candidates (newest first) whose text contains every term, read in batches until <paramref name="wanted"/> are found.</summary>
    private async Task<List<int>> ConfirmAsync(List<int> candidates, List<string> terms, int wanted, CancellationToken ct)
    {
        var contains = string.Concat(terms.Select((_, i) => $" AND {sql.Contains(i)}"));
        var hits = new List<int>();
        for (var at = 0; at < candidates.Count && hits.Count < wanted;)
        {
            var batch = candidates.GetRange(at, Math.Min(candidates.Count - at, Math.Clamp(2 * (wanted - hits.Count), 64, 4096)));
            at += batch.Count;
            var confirmed = new List<int>();
            await sql.ReadAsync($"SELECT item_id FROM search_documents WHERE item_id {sql.In("@ids")}{contains}", r => confirmed.Add(r.GetInt32(0)), ct,
                [("@ids", sql.List(batch)), .. terms.Select((t, i) => ($"@t{i}", (object)t))]);
            hits.AddRange(confirmed.OrderDescending());
        }
        return hits;
    }

    /// <summary>Builds the index when it is empty but items are published (after a migration that changed its layout, or a restore).</summary>
    public async Task<int> EnsureBuiltAsync(CancellationToken ct = default)
    {
        var indexed = false;
        await sql.ReadAsync("SELECT 1 FROM search_documents LIMIT 1", _ => indexed = true, ct);
        return !indexed && await db.InfoItems.AnyAsync(i => i.Status == ItemStatus.Published, ct) ? await RebuildAsync(ct) : 0;
    }

    /// <summary>Builds the index anew from the published items, a bucket at a time: each list's row of the bucket is written once.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        await sql.ExecuteAsync("DELETE FROM search_postings", ct);
        await sql.ExecuteAsync("DELETE FROM search_documents", ct);
        var last = await db.InfoItems.MaxAsync(i => (int?)i.Id, ct) ?? 0;
        var count = 0;
        for (var bucket = 0; bucket <= last >> BucketBits; bucket++)
        {
            var (from, to) = (PostingList.First(bucket), PostingList.First(bucket + 1));
            var items = await db.InfoItems.AsNoTracking().Where(i => i.Id >= from && i.Id < to && i.Status == ItemStatus.Published).OrderBy(i => i.Id).ToListAsync(ct);
            if (items.Count == 0)
            {
                continue;
            }
            var ids = items.Select(i => i.Id).ToList();
            var texts = (await db.ItemAttachments.AsNoTracking().Where(a => ids.Contains(a.ItemId)).Select(a => new { a.ItemId, a.Text }).ToListAsync(ct)).ToLookup(a => a.ItemId, a => a.Text);
            var lists = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using var statements = sql.Prepared();
            foreach (var item in items)
            {
                var (content, facets) = Entry(item, texts[item.Id]);
                await statements.ExecuteAsync(InsertDocument, ct, ("@id", item.Id), ("@facets", facets), ("@content", content));
                foreach (var term in Terms(content, facets))
                {
                    (lists.TryGetValue(term, out var list) ? list : lists[term] = []).Add(item.Id);
                }
            }
            foreach (var (term, list) in lists)
            {
                await statements.ExecuteAsync("INSERT INTO search_postings (term, bucket, n, ids) VALUES (@term, @bucket, @n, @ids)", ct,
                    ("@term", term), ("@bucket", bucket), ("@n", list.Count), ("@ids", PostingList.Encode(list, bucket)));
            }
            await tx.CommitAsync(ct);
            count += items.Count;
        }
        return count;
    }
}
