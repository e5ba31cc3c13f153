using Gongkai.Data;
using Gongkai.Domain.Disclosure;
using Gongkai.Tests;

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

    private static async Task<(GongkaiDb Db, List<InfoItem> Items, int[] Agencies)> PublishedAsync(TestDatabase database)
    {
        var db = await Contexts.MigratedAsync(database);
        var agencies = new[] { "a", "b", "c" }.Select(code => new Agency { Name = $"机关{code}", ShortCode = code, OfficeName = "办公室", OfficeAddress = "某路", OfficePhone = "0571-1234567" }).ToArray();
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync();
        // Ids spread over many of PostgreSQL's buckets of 16,384, so the widening newest-first search crosses them.
        var items = Paragraphs().Select((text, i) => new InfoItem
        {
            Id = (i + 1) * 2503, AgencyId = agencies[i % 3].Id, IndexNumber = $"X/{2020 + i % 5}-{i:D5}", Year = 2020 + i % 5, Sequence = i + 1,
            Title = text[..12], Issuer = "某机关", WrittenOn = new DateOnly(2020 + i % 5, 3, 1), PublishedOn = new DateOnly(2020 + i % 5, 3, 2),
            CategoryCode = i % 2 == 0 ? "a20.01" : "a20.07", BodyHtml = $"<p>{text}</p>", BodyText = text, Status = i % 10 == 9 ? ItemStatus.Draft : ItemStatus.Published,
            AuthorName = "经办人", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        }).ToList();
        db.InfoItems.AddRange(items);
        await db.SaveChangesAsync();
        var search = new ItemSearch(db);
        foreach (var item in items)
        {
            await search.UpdateAsync(item, []);
        }
        return (db, items, agencies.Select(a => a.Id).ToArray());
    }

    private static IEnumerable<int> Expected(IEnumerable<InfoItem> items, SearchQuery query, SearchFilter? filter = null) =>
        items.Where(i => i.Status == ItemStatus.Published && SearchText.Matches(ItemSearch.Document(i, []), query)
                && (filter?.AgencyId is not { } a || i.AgencyId == a) && (filter?.Year is not { } y || i.PublishedOn!.Value.Year == y)
                && (filter?.CategoryCode is not { } c || i.CategoryCode == c))
            .Select(i => i.Id).OrderDescending();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EverySubstringOfTwoOrMoreCharacters_IsFound_AndNothingElse(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (db, items, _) = await PublishedAsync(database);
        await using var _db = db;
        Assert.True(items.Count >= 40, $"only {items.Count} paragraphs");
        var search = new ItemSearch(db);

        var queries = new List<string> { "低保", "征地补偿", "2017年", "政府信息公开", "依申请公开", "行政复议", "政务微信", "信息公开", "公开", "年度" };
        var random = new Random(3);
        for (var i = 0; i < 40; i++)
        {
            // Random substrings of real paragraphs, and the same with one character changed (mostly found nowhere).
            var text = items[random.Next(items.Count)].BodyText;
            var start = random.Next(text.Length - 8);
            var piece = text.Substring(start, random.Next(2, 8));
            queries.Add(piece);
            queries.Add(piece[..^1] + "鑫");
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
        await using var database = await TestDatabase.CreateAsync(provider);
        var (db, items, agencies) = await PublishedAsync(database);
        await using var _db = db;
        var search = new ItemSearch(db);
        var query = SearchText.Parse("公开")!.Query!;

        foreach (var filter in new[] { new SearchFilter(AgencyId: agencies[1]), new SearchFilter(Year: 2022), new SearchFilter(CategoryCode: "a20.07"), new SearchFilter(agencies[0], 2020, "a20.01") })
        {
            var expected = Expected(items, query, filter).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, (await search.SearchAsync(query, filter, 1, 2000)).ItemIds);
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
        await using var database = await TestDatabase.CreateAsync(provider);
        var (db, items, _) = await PublishedAsync(database);
        await using var _db = db;
        var search = new ItemSearch(db);
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

    [Fact]
    public void ALongText_IsCutIntoChunksWithinPostgresLimits_ThatOverlapByTheLongestQuery()
    {
        var tokens = SearchText.Tokens(string.Concat(Enumerable.Repeat("政府信息公开工作年度报告", 3000)));
        var chunks = ItemSearch.Chunks(tokens).ToList();
        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(c.Length <= 16000 && tokens.Skip(c.Start).Take(c.Length).GroupBy(t => t).Max(g => g.Count()) <= 255));
        Assert.Equal(tokens.Count, chunks[^1].Start + chunks[^1].Length);
        Assert.All(chunks.Zip(chunks.Skip(1)), p => Assert.Equal(64, p.First.Start + p.First.Length - p.Second.Start));
    }
}
