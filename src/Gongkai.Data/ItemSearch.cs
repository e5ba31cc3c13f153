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

    private bool Postgres => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>What is searched of an item: title, document number, body and attachments' text.</summary>
    public static string Document(InfoItem item, IEnumerable<string> attachmentTexts) =>
        string.Join("\n", [item.Title, item.DocumentNumber ?? "", item.BodyText, .. attachmentTexts]);

    public static IReadOnlyList<string> Facets(InfoItem item) =>
        [$"ag{item.AgencyId}", $"yr{item.PublishedOn?.Year ?? item.Year}", "ca" + item.CategoryCode.Replace(".", "", StringComparison.Ordinal)];

    /// <summary>Puts a published item in the index, or takes any other out; call inside the transaction that changes it.</summary>
    public async Task UpdateAsync(InfoItem item, IEnumerable<string> attachmentTexts, CancellationToken ct = default)
    {
        await RemoveAsync(item.Id, ct);
        if (item.Status != ItemStatus.Published)
        {
            return;
        }
        var tokens = SearchText.Tokens(Document(item, attachmentTexts));
        var facets = Facets(item);
        if (Postgres)
        {
            var chunk = 0;
            foreach (var (start, length) in Chunks(tokens))
            {
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO search_items (item_id, chunk, facets, tokens) VALUES ({item.Id}, {chunk++}, {string.Join(' ', facets)}::tsvector, {TsVector(tokens, start, length)}::tsvector)", ct);
            }
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO search_items (rowid, tokens, facets) VALUES ({item.Id}, {string.Join(' ', tokens)}, {string.Join(' ', facets)})", ct);
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
        string sql;
        var parameters = new List<object>();
        if (Postgres)
        {
            // One lookup per term, intersected: the terms of a long item may sit in different chunks.
            var facetCondition = "";
            if (facets.Count > 0)
            {
                parameters.Add(string.Join(" & ", facets.Select(f => $"'{f}'")));
                facetCondition = " AND facets @@ {0}::tsquery";
            }
            var perTerm = query.Phrases.Select(phrase =>
            {
                parameters.Add(string.Join(" <-> ", phrase.Select(p => $"'{p}'")));
                return $"SELECT DISTINCT item_id FROM search_items WHERE tokens @@ {{{parameters.Count - 1}}}::tsquery{facetCondition}";
            }).ToList();
            sql = string.Join(" INTERSECT ", perTerm);
        }
        else
        {
            var match = new StringBuilder(string.Join(" AND ", query.Phrases.Select(phrase => $"tokens : \"{string.Join(' ', phrase)}\"")));
            foreach (var f in facets)
            {
                match.Append($" AND facets : \"{f}\"");
            }
            parameters.Add(match.ToString());
            sql = "SELECT rowid AS item_id FROM search_items WHERE search_items MATCH {0}";
        }
        // Built only from tokens of letters and digits and from numbers, the query text is passed as
        // parameters; EF reads a list of scalars from a column named "Value".
        var countSql = $"SELECT CAST(count(*) AS integer) AS \"Value\" FROM ({sql} LIMIT {CountLimit + 1}) AS hits";
        var pageSql = $"SELECT item_id AS \"Value\" FROM ({sql}) AS hits ORDER BY item_id DESC LIMIT {pageSize} OFFSET {(page - 1) * pageSize}";
        var total = (await db.Database.SqlQueryRaw<int>(countSql, [.. parameters]).ToListAsync(ct)).Single();
        var ids = await db.Database.SqlQueryRaw<int>(pageSql, [.. parameters]).ToListAsync(ct);
        return new SearchHits(ids, Math.Min(total, CountLimit), total > CountLimit);
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

    /// <summary>A chunk as a tsvector literal with its positions ('低保':1 '保资':2 …).</summary>
    public static string TsVector(IReadOnlyList<string> tokens, int start, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            // Tokens are letters and digits only (SearchText), so they need no escaping.
            text.Append('\'').Append(tokens[start + i]).Append("':").Append(i + 1).Append(' ');
        }
        return text.ToString();
    }
}
