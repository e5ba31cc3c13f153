using System.Data.Common;
using System.Text;
using Gongkai.Domain.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>Which published items a search may return.</summary>
public sealed record SearchFilter(int? AgencyId = null, int? Year = null, string? CategoryCode = null);

/// <summary>One page of hits, newest first; <see cref="Total"/> stops counting at <see cref="ItemSearch.CountLimit"/>.</summary>
public sealed record SearchHits(IReadOnlyList<int> ItemIds, int Total, bool MoreThanTotal);

/// <summary>
/// The full-text index of published items on the database's own indexes: an FTS5 table on SQLite,
/// GIN-indexed tsvectors on PostgreSQL, both holding the pairs of characters of
/// <see cref="SearchText"/>. This class is the only code that knows the index, so an external
/// engine can later take its place. Filters are facet tokens in the same index, so a filtered
/// search is one index lookup, and hits come newest first (by item id) without ranking them all.
/// </summary>
public sealed class ItemSearch(GongkaiDb db)
{
    /// <summary>Beyond this many hits the total is shown as “more than”: counting every hit of 公开 in a million items is not worth a second.</summary>
    public const int CountLimit = 1000;

    /// <summary>PostgreSQL keeps at most 16,383 positions in a tsvector and 256 per lexeme; chunks stay below both.</summary>
    private const int ChunkTokens = 16000;
    private const int MaxPositionsPerToken = 255;
    private const int ChunkOverlap = 64;

    /// <summary>
    /// PostgreSQL: items are numbered into buckets of 16,384 ids, each chunk carries its bucket as a
    /// lexeme, and a search asks for the newest bucket first, then widens (×4) until it has enough
    /// hits. GIN gives no order, so without buckets every match of a common term (40,000 of a
    /// million items for 农村低保) would be fetched and re-checked to show the newest ten.
    /// </summary>
    private const int BucketBits = 14;

    private bool Postgres => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>What is searched of an item: title, document number, body and attachments' text.</summary>
    public static string Document(InfoItem item, IEnumerable<string> attachmentTexts) =>
        string.Join("\n", [item.Title, item.DocumentNumber ?? "", item.BodyText, .. attachmentTexts]);

    public static IReadOnlyList<string> Facets(InfoItem item) =>
        [$"ag{item.AgencyId}", $"yr{item.PublishedOn?.Year ?? item.Year}", "ca" + item.CategoryCode.Replace(".", "", StringComparison.Ordinal)];

    /// <summary>What PostgreSQL indexes beside the pairs: the facets and the item's bucket, as lexemes without positions.</summary>
    public static IReadOnlyList<string> PostgresLexemes(InfoItem item) => [.. Facets(item), Bucket(item.Id)];

    private static string Bucket(int itemId) => $"bk{itemId >> BucketBits}";

    /// <summary>Puts a published item in the index, or takes any other out; call inside the transaction that changes it.</summary>
    public async Task UpdateAsync(InfoItem item, IEnumerable<string> attachmentTexts, CancellationToken ct = default)
    {
        await RemoveAsync(item.Id, ct);
        if (item.Status != ItemStatus.Published)
        {
            return;
        }
        var tokens = SearchText.Tokens(Document(item, attachmentTexts));
        if (Postgres)
        {
            var chunk = 0;
            foreach (var (start, length) in Chunks(tokens))
            {
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO search_items (item_id, chunk, tokens) VALUES ({item.Id}, {chunk++}, {TsVector(tokens, start, length, PostgresLexemes(item))}::tsvector)", ct);
            }
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO search_items (rowid, tokens, facets) VALUES ({item.Id}, {string.Join(' ', tokens)}, {string.Join(' ', Facets(item))})", ct);
        }
    }

    public async Task RemoveAsync(int itemId, CancellationToken ct = default)
    {
        if (Postgres)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM search_items WHERE item_id = {itemId}", ct);
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM search_items WHERE rowid = {itemId}", ct);
        }
    }

    /// <summary>The ids of the published items containing every term of the query, newest first.</summary>
    public async Task<SearchHits> SearchAsync(SearchQuery query, SearchFilter filter, int page, int pageSize, CancellationToken ct = default)
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
        return Postgres
            ? await SearchPostgresAsync(query, facets, page, pageSize, ct)
            : await SearchSqliteAsync(query, facets, page, pageSize, ct);
    }

    private async Task<SearchHits> SearchSqliteAsync(SearchQuery query, List<string> facets, int page, int pageSize, CancellationToken ct)
    {
        var match = new StringBuilder(string.Join(" AND ", query.Phrases.Select(phrase => $"tokens : \"{string.Join(' ', phrase)}\"")));
        foreach (var f in facets)
        {
            match.Append($" AND facets : \"{f}\"");
        }
        // FTS5 walks its posting lists in rowid order, so the newest page and the capped count stop early.
        // EF reads a list of scalars from a column named "Value"; the query text is a parameter.
        const string hits = "SELECT rowid AS item_id FROM search_items WHERE search_items MATCH {0}";
        var countSql = $"SELECT CAST(count(*) AS integer) AS \"Value\" FROM ({hits} LIMIT {CountLimit + 1}) AS hits";
        var pageSql = $"SELECT item_id AS \"Value\" FROM ({hits}) AS hits ORDER BY item_id DESC LIMIT {pageSize} OFFSET {(page - 1) * pageSize}";
        var total = (await db.Database.SqlQueryRaw<int>(countSql, match.ToString()).ToListAsync(ct)).Single();
        var ids = await db.Database.SqlQueryRaw<int>(pageSql, match.ToString()).ToListAsync(ct);
        return new SearchHits(ids, Math.Min(total, CountLimit), total > CountLimit);
    }

    private async Task<SearchHits> SearchPostgresAsync(SearchQuery query, List<string> facets, int page, int pageSize, CancellationToken ct)
    {
        var need = Math.Max(CountLimit + 1, page * pageSize);
        var newest = (await db.Database.SqlQueryRaw<int>("SELECT COALESCE(MAX(item_id), 0) AS \"Value\" FROM search_items").ToListAsync(ct)).Single() >> BucketBits;
        var found = new List<int>();
        var (high, width) = (newest, 1);
        while (high >= 0 && found.Count < need)
        {
            var low = Math.Max(0, high - width + 1);
            var window = "(" + string.Join(" | ", Enumerable.Range(low, high - low + 1).Select(b => $"'bk{b}'")) + ")";
            var filters = string.Concat(facets.Select(f => $" & '{f}'")) + " & " + window;
            // One lookup per term, intersected: the terms of a long item may sit in different chunks.
            var parameters = query.Phrases.Select(phrase => (object)("(" + string.Join(" <-> ", phrase.Select(p => $"'{p}'")) + ")" + filters)).ToArray();
            var sql = string.Join(" INTERSECT ", parameters.Select((_, i) => $"SELECT item_id FROM search_items WHERE tokens @@ {{{i}}}::tsquery"));
            var windowSql = $"SELECT item_id AS \"Value\" FROM ({sql}) AS hits GROUP BY item_id ORDER BY item_id DESC";
            found.AddRange(await db.Database.SqlQueryRaw<int>(windowSql, parameters).ToListAsync(ct));
            (high, width) = (low - 1, width * 4);
        }
        return new SearchHits(found.Skip((page - 1) * pageSize).Take(pageSize).ToList(), Math.Min(found.Count, CountLimit), found.Count > CountLimit);
    }

    /// <summary>Builds the index when it is empty but items are published (after a migration that changed its layout, or a restore).</summary>
    public async Task<int> EnsureBuiltAsync(CancellationToken ct = default)
    {
        var indexed = (await db.Database.SqlQueryRaw<int>("SELECT CAST(count(*) AS integer) AS \"Value\" FROM (SELECT 1 FROM search_items LIMIT 1) AS any_row").ToListAsync(ct)).Single();
        return indexed == 0 && await db.InfoItems.AnyAsync(i => i.Status == ItemStatus.Published, ct) ? await RebuildAsync(ct) : 0;
    }

    /// <summary>Builds the index anew from the published items (after a restore, or to load a database made elsewhere).</summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM search_items", ct);
        var count = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await db.InfoItems.AsNoTracking().Where(i => i.Id > lastId && i.Status == ItemStatus.Published).OrderBy(i => i.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return count;
            }
            var ids = batch.Select(i => i.Id).ToList();
            var texts = (await db.ItemAttachments.AsNoTracking().Where(a => ids.Contains(a.ItemId)).Select(a => new { a.ItemId, a.Text }).ToListAsync(ct)).ToLookup(a => a.ItemId, a => a.Text);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var item in batch)
            {
                await UpdateAsync(item, texts[item.Id], ct);
            }
            await tx.CommitAsync(ct);
            count += batch.Count;
            lastId = ids[^1];
        }
    }

    /// <summary>Splits the tokens so no chunk exceeds PostgreSQL's position limits; chunks overlap by the longest query.</summary>
    public static IEnumerable<(int Start, int Length)> Chunks(IReadOnlyList<string> tokens)
    {
        var start = 0;
        while (true)
        {
            var counts = new Dictionary<string, int>();
            var end = start;
            while (end < tokens.Count && end - start < ChunkTokens)
            {
                var n = counts[tokens[end]] = counts.GetValueOrDefault(tokens[end]) + 1;
                if (n > MaxPositionsPerToken)
                {
                    break;
                }
                end++;
            }
            yield return (start, end - start);
            if (end >= tokens.Count)
            {
                yield break;
            }
            start = Math.Max(start + 1, end - ChunkOverlap);
        }
    }

    /// <summary>A chunk as a tsvector literal with its positions ('低保':1 '保资':2 …), and lexemes without positions.</summary>
    public static string TsVector(IReadOnlyList<string> tokens, int start, int length, IEnumerable<string> lexemes)
    {
        var text = new StringBuilder(string.Concat(lexemes.Select(l => $"'{l}' ")));
        for (var i = 0; i < length; i++)
        {
            // Tokens are letters and digits only (SearchText), so they need no escaping.
            text.Append('\'').Append(tokens[start + i]).Append("':").Append(i + 1).Append(' ');
        }
        return text.ToString();
    }
}
