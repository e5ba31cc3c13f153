using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Search;
using Gongkai.Domain.Disclosure;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

/// <summary>
/// Chinese full-text search over real text: the narrative paragraphs of the five seed reports as
/// published items. Whatever the index answers must equal plain substring containment.
/// </summary>
public sealed class ItemSearchTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static IReadOnlyList<string> Paragraphs() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)
            .Select(l => l.Trim())
            .Where(l => l.Length >= 40 && !l.Contains('\t') && !l.Contains('|'))
            .Distinct()
            .ToList();

    /// <summary>Three agencies' items, every published one indexed: made once per provider and copied for each test (indexing them one by one takes seconds on PostgreSQL).</summary>
    private static Task<TestDatabase> PublishedCopyAsync(string provider) =>
        TemplateDatabases.CopyAsync(provider, "published items", async database =>
        {
            await using var db = await Contexts.MigratedAsync(database);
            var agencies = new[] { "a", "b", "c" }.Select(code => new Agency { Name = $"机关{code}", ShortCode = code, OfficeName = "办公室", OfficeAddress = "某路", OfficePhone = "0571-1234567" }).ToArray();
            db.Agencies.AddRange(agencies);
            await db.SaveChangesAsync();
            // Ids spread over many buckets of 4,096, so the newest-first search crosses them.
            var items = Paragraphs().Select((text, i) =>
                Item((i + 1) * 2503, agencies[i % 3].Id, 2020 + i % 5, text[..12], text, i % 2 == 0 ? "a20.01" : "a20.07", i % 10 == 9 ? ItemStatus.Draft : ItemStatus.Published)).ToList();
            db.InfoItems.AddRange(items);
            await db.SaveChangesAsync();
            foreach (var item in items)
            {
                await db.Search.UpdateAsync(item, []);
            }
        });

    /// <summary>The copy's items in the order they were made (tracked, to be changed) and its agencies a, b, c.</summary>
    private static async Task<(GongkaiDb Db, List<InfoItem> Items, int[] Agencies)> PublishedAsync(TestDatabase database)
    {
        var db = Contexts.Open(database);
        var items = await db.InfoItems.OrderBy(i => i.Id).ToListAsync();
        var agencies = await db.Agencies.OrderBy(a => a.ShortCode).Select(a => a.Id).ToArrayAsync();
        return (db, items, agencies);
    }

    private static InfoItem Item(int id, int agencyId, int year, string title, string body, string category, ItemStatus status) => new()
    {
        Id = id, AgencyId = agencyId, IndexNumber = $"X/{year}-{id:D7}", Year = year, Sequence = id, Title = title, Issuer = "某机关",
        WrittenOn = new DateOnly(year, 3, 1), PublishedOn = new DateOnly(year, 3, 2), CategoryCode = category, BodyHtml = $"<p>{body}</p>", BodyText = body,
        Status = status, AuthorName = "经办人", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
    };

    private static IEnumerable<int> Expected(IEnumerable<InfoItem> items, SearchQuery query, SearchFilter? filter = null) =>
        items.Where(i => i.Status == ItemStatus.Published && SearchText.Matches(ItemSearch.Document(i, []), query)
                && (filter?.AgencyId is not { } a || i.AgencyId == a) && (filter?.Year is not { } y || i.PublishedOn!.Value.Year == y)
                && (filter?.CategoryCode is not { } c || i.CategoryCode == c))
            .Select(i => i.Id).OrderDescending();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EverySubstringOfTwoOrMoreCharacters_IsFound_AndNothingElse(string provider)
    {
        await using var database = await PublishedCopyAsync(provider);
        var (db, items, _) = await PublishedAsync(database);
        await using var _db = db;
        Assert.True(items.Count >= 40, $"only {items.Count} paragraphs");
        var search = db.Search;

        var queries = new List<string> { "低保", "征地补偿", "2017年", "关于2016", "2019", "16", "1年", "12月", "政府信息公开", "依申请公开", "行政复议", "政务微信", "信息公开", "公开", "年度" };
        var random = new Random(3);
        for (var i = 0; i < 40; i++)
        {
            // Random substrings of real paragraphs, and the same with one character changed (mostly found nowhere).
            var text = items[random.Next(items.Count)].BodyText;
            var start = random.Next(text.Length - 8);
            var piece = text.Substring(start, random.Next(2, 8));
            queries.Add(piece);
            queries.Add(piece[..^1] + "鑫");
            // Pieces around a figure, where the digit triples narrow the lists (and a figure changed).
            if (text.IndexOfAny("0123456789".ToCharArray()) is var digit and >= 0)
            {
                var around = text.Substring(Math.Max(0, digit - random.Next(0, 3)), Math.Min(text.Length - Math.Max(0, digit - 2), random.Next(2, 7)));
                queries.Add(around);
                queries.Add(new string(around.Select(c => char.IsAsciiDigit(c) ? (char)('0' + (c - '0' + 1) % 10) : c).ToArray()));
            }
        }
        foreach (var text in queries)
        {
            var (query, _) = SearchText.Parse(text);
            if (query is null)
            {
                continue;
            }
            var hits = await search.SearchAsync(query, new SearchFilter(), 1, 2000);
            Assert.True(Expected(items, query).SequenceEqual(hits.ItemIds), $"query “{text}”: expected [{string.Join(",", Expected(items, query))}], got [{string.Join(",", hits.ItemIds)}]");
            Assert.Equal(hits.ItemIds.Count, hits.Total);
        }
        Assert.Empty((await search.SearchAsync(SearchText.Parse("鑫鑫鑫")!.Query!, new SearchFilter(), 1, 20)).ItemIds);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Filters_AndPages_NarrowTheHits(string provider)
    {
        await using var database = await PublishedCopyAsync(provider);
        var (db, items, agencies) = await PublishedAsync(database);
        await using var _db = db;
        var search = db.Search;
        var query = SearchText.Parse("公开")!.Query!;

        foreach (var filter in new[] { new SearchFilter(AgencyId: agencies[1]), new SearchFilter(Year: 2022), new SearchFilter(CategoryCode: "a20.07"), new SearchFilter(agencies[0], 2020, "a20.01") })
        {
            var expected = Expected(items, query, filter).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, (await search.SearchAsync(query, filter, 1, 2000)).ItemIds);
        }

        // Pieces of real text under each filter: the filter's list is then the rarest, read first,
        // and the pieces' pairs are read only where it left candidates, or confirmed on the text.
        var random = new Random(5);
        for (var i = 0; i < 30; i++)
        {
            var text = items[random.Next(items.Count)].BodyText;
            var piece = text.Substring(random.Next(text.Length - 8), random.Next(2, 8));
            var filter = (i % 3) switch { 0 => new SearchFilter(AgencyId: agencies[i % 2]), 1 => new SearchFilter(Year: 2020 + i % 5), _ => new SearchFilter(agencies[2], CategoryCode: "a20.01") };
            var (pieceQuery, _) = SearchText.Parse(piece);
            if (pieceQuery is null)
            {
                continue;
            }
            Assert.Equal(Expected(items, pieceQuery, filter), (await search.SearchAsync(pieceQuery, filter, 1, 2000)).ItemIds);
        }

        var all = Expected(items, query).ToList();
        var second = await search.SearchAsync(query, new SearchFilter(), 2, 5);
        Assert.Equal(all.Skip(5).Take(5), second.ItemIds);
        Assert.Equal(all.Count, second.Total);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AWithdrawnItem_LeavesTheIndex(string provider)
    {
        await using var database = await PublishedCopyAsync(provider);
        var (db, items, _) = await PublishedAsync(database);
        await using var _db = db;
        var search = db.Search;
        var item = items.First(i => i.Status == ItemStatus.Published);
        var query = SearchText.Parse(item.BodyText.Substring(5, 6))!.Query!;
        Assert.Contains(item.Id, (await search.SearchAsync(query, new SearchFilter(), 1, 2000)).ItemIds);

        item.Status = ItemStatus.Withdrawn;
        await db.SaveChangesAsync();
        await search.UpdateAsync(item, []);
        Assert.DoesNotContain(item.Id, (await search.SearchAsync(query, new SearchFilter(), 1, 2000)).ItemIds);

        Assert.Equal(items.Count(i => i.Status == ItemStatus.Published), await search.RebuildAsync());
        Assert.DoesNotContain(item.Id, (await search.SearchAsync(query, new SearchFilter(), 1, 2000)).ItemIds);
        Assert.Equal(Expected(items, query), (await search.SearchAsync(query, new SearchFilter(), 1, 2000)).ItemIds);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoPublicationsInOneBucket_AtTheSameTime_AreBothFound(string provider)
    {
        await using var database = await PublishedCopyAsync(provider);
        var (setup, _, agencies) = await PublishedAsync(database);
        await using var _setup = setup;
        // Two new items in one bucket with the same words: both publications rewrite the same list rows.
        var twins = new[] { 900001, 900002 }.Select(id => Item(id, agencies[0], 2025, "关于鑫源村征地补偿的公告", "鑫源村征地补偿", "a20.01", ItemStatus.Published)).ToList();
        setup.InfoItems.AddRange(twins);
        await setup.SaveChangesAsync();

        async Task PublishAsync(InfoItem item)
        {
            await using var db = Contexts.Open(database);
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Search.UpdateAsync(item, []);
            await Task.Delay(300); // holds its rows while the other publication tries to write them
            await tx.CommitAsync();
        }
        await Task.WhenAll(twins.Select(item => Task.Run(() => PublishAsync(item))));

        var hits = await setup.Search.SearchAsync(SearchText.Parse("鑫源村")!.Query!, new SearchFilter(), 1, 10);
        Assert.Equal([900002, 900001], hits.ItemIds);
    }

    [Fact]
    public void APostingList_RoundTrips_AndKeepsItsOrderWhenChanged()
    {
        var bucket = 7;
        var ids = new[] { 28672, 28673, 28800, 30000, 32767 };
        var stored = PostingList.Encode(ids, bucket);
        Assert.True(stored.Length < ids.Length * 2, $"{stored.Length} bytes");
        Assert.Equal(ids, PostingList.Decode(stored, bucket));
        Assert.Equal([28672, 28673, 28700, 28800, 30000, 32767], PostingList.Change(ids, 28700, add: true));
        Assert.Equal([28672, 28800, 30000, 32767], PostingList.Change(ids, 28673, add: false));
        Assert.Same(ids, PostingList.Change(ids, 30000, add: true));
        Assert.Equal([28673, 30000], PostingList.Intersect(ids, [28000 + 673, 29000, 30000]));
        Assert.Throws<ArgumentException>(() => PostingList.Encode([32768], bucket));

        // A pair most items of the bucket have is kept as a bitmap: 513 bytes instead of a byte or two for each id.
        var dense = Enumerable.Range(28672, 4096).Where(id => id % 7 != 0).ToArray();
        var bitmap = PostingList.Encode(dense, bucket);
        Assert.Equal(513, bitmap.Length);
        Assert.Equal(dense, PostingList.Decode(bitmap, bucket));
        Assert.Equal([28673, 32766], PostingList.Keep([28673, 28679, 32766], bitmap, bucket)); // 28679 = 7 × 4097
        Assert.Equal([28673, 32766], PostingList.Keep([28673, 28679, 32766], PostingList.Encode([28673, 30000, 32766], bucket), bucket));
        Assert.Equal(dense, PostingList.Decode(PostingList.Encode(PostingList.Change(PostingList.Change(dense, 28672 + 7, add: true), 28672 + 7, add: false), bucket), bucket));
    }

    [Fact]
    public void AnItemIsListed_UnderEachPairOfItsRuns_EachTripleWithADigit_AndItsFacets_NeverAcrossPunctuation()
    {
        var content = ItemSearch.StoredText("征地补偿，2017年！Ａ");
        Assert.Equal("征地补偿 2017年 a", content);
        // … and each triple with a digit, marked so it is never a pair or a facet.
        Assert.Equal(["01", "17", "20", "7年", "ag3", "~017", "~17年", "~201", "地补", "征地", "补偿"], ItemSearch.Terms(content, "ag3"));
    }
}
