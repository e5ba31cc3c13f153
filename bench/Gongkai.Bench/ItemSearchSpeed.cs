using System.Diagnostics;
using System.Text;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Schema;
using Gongkai.Data.Search;
using Gongkai.Domain.Disclosure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Bench;

/// <summary>
/// Search latency over a synthetic portal: N published items over M agencies, titles and bodies
/// made of real sentences (the seed reports' narrative) with place names, topics and numbers
/// varied. Loads the items, builds the index (timed separately), then runs queries of three kinds
/// — substrings of random items, common terms, filtered by agency or year — and prints p50/p95.
/// </summary>
public static class ItemSearchSpeed
{
    private static readonly string[] Topics =
    [
        "农村低保", "征地补偿", "春耕生产", "防汛抗旱", "疫苗接种", "垃圾分类", "农村公路", "公务员招录", "财政预算", "安全生产", "食品安全", "危房改造",
        "医疗救助", "义务教育", "河道整治", "森林防火", "宅基地审批", "土地承包", "退役军人", "就业补贴", "养老服务", "残疾人补贴", "集中采购", "行政处罚",
    ];

    private static readonly string[] Kinds = ["通知", "公告", "实施方案", "工作要点", "情况通报", "公示", "答复", "办法"];

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = BenchDatabase.Arg(args, "--provider") ?? "sqlite";
        var items = int.Parse(BenchDatabase.Arg(args, "--items") ?? "1000000");
        var agencies = int.Parse(BenchDatabase.Arg(args, "--agencies") ?? "500");
        var queryCount = int.Parse(BenchDatabase.Arg(args, "--queries") ?? "300");
        var sentences = Sentences(BenchDatabase.Arg(args, "--text") ?? "tests/fixtures/seeds");
        var keep = args.Contains("--keep");
        // --reuse "<connection string>" queries a database kept by an earlier run (--keep) again, without loading it.
        var reuse = BenchDatabase.Arg(args, "--reuse");
        var (settings, drop) = reuse is null
            ? await BenchDatabase.CreateAsync(provider)
            : (new DatabaseSettings(provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, reuse), () => Task.CompletedTask);
        try
        {
            var random = new Random(6);
            List<string> sample;
            if (reuse is null)
            {
                await using (var db = BenchDatabase.Open(settings))
                {
                    await new SchemaMigrator(db).MigrateAsync();
                    await AgenciesAsync(db, agencies);
                }
                var load = Stopwatch.StartNew();
                (var characters, sample) = await LoadItemsAsync(settings, items, agencies, sentences, random);
                Console.WriteLine($"loaded {items} items over {agencies} agencies in {load.Elapsed.TotalSeconds:0.0} s; average {characters / (double)items:0} characters per item ({provider})");
            }
            else
            {
                await using var db = BenchDatabase.Open(settings);
                await new SchemaMigrator(db).MigrateAsync();
                items = await db.InfoItems.CountAsync();
                // The same sample the load keeps: every 997th item.
                sample = (await db.InfoItems.AsNoTracking().Where(i => (i.Id - 1) % 997 == 0).OrderBy(i => i.Id).Select(i => new { i.Title, i.BodyText }).ToListAsync())
                    .Select(i => i.Title + i.BodyText).ToList();
            }

            if (reuse is null || args.Contains("--rebuild"))
            {
                var build = Stopwatch.StartNew();
                await using (var db = BenchDatabase.Open(settings))
                {
                    // The same bulk build a restore or a changed layout gets at start-up, then fresh statistics for the planner.
                    await db.Search.RebuildAsync();
                    foreach (var table in new[] { "search_postings", "search_documents" })
                    {
                        await db.Database.ExecuteSqlRawAsync(settings.Provider == DatabaseProvider.Postgres ? $"VACUUM ANALYZE {table}" : $"ANALYZE {table}");
                    }
                }
                build.Stop();
                Console.WriteLine($"index built in {build.Elapsed.TotalSeconds:0.0} s = {items / build.Elapsed.TotalSeconds:0} items/s");
            }

            await using (var db = BenchDatabase.Open(settings))
            {
                var search = db.Search;
                var queries = Queries(sample, new Random(7), queryCount, agencies); // its own seed, so a --reuse run asks the same queries
                foreach (var (_, query, filter) in queries.Take(20))
                {
                    await search.SearchAsync(query, filter, 1, 10); // warm-up
                }
                foreach (var group in queries.GroupBy(q => q.Kind))
                {
                    var times = new List<double>();
                    var hits = 0;
                    var slowest = (Time: 0.0, Query: "");
                    foreach (var (query, filter) in group.Select(q => (q.Query, q.Filter)))
                    {
                        var clock = Stopwatch.StartNew();
                        var result = await search.SearchAsync(query, filter, 1, 10);
                        times.Add(clock.Elapsed.TotalMilliseconds);
                        hits += result.Total;
                        if (times[^1] > slowest.Time)
                        {
                            slowest = (times[^1], $"{string.Join(' ', query.Terms)} {filter}");
                        }
                    }
                    Console.WriteLine($"  slowest: {slowest.Query} ({slowest.Time:0} ms)");
                    times.Sort();
                    Console.WriteLine($"{group.Key,-22} n={times.Count,4}  p50 {P(times, 50):0.0} ms  p95 {P(times, 95):0.0} ms  max {times[^1]:0.0} ms  mean hits {hits / (double)times.Count:0}");
                }

                // The worst shapes found so far (issue 30), each asked five times: the max is what a visitor may wait.
                var longRun = sample.SelectMany(SearchText.Runs).First(r => r.Length >= 20)[..20];
                (string Shape, string Text, SearchFilter Filter)[] shapes =
                [
                    ("frequent pair + digits", "关于2016", new()),
                    ("the same, by agency", "关于2016", new(AgencyId: 7)),
                    ("digits only", "2016", new()),
                    ("one frequent pair", "公开", new()),
                    ("20-character phrase", longRun, new()),
                    ("the same, last changed", longRun[..^1] + "鑫", new()),
                    ("by agency and year", "低保", new(AgencyId: 7, Year: 2018)),
                ];
                var worst = 0.0;
                foreach (var (shape, text, filter) in shapes)
                {
                    var query = SearchText.Parse(text).Query!;
                    var times = new List<double>();
                    var total = 0;
                    for (var i = 0; i < 5; i++)
                    {
                        var clock = Stopwatch.StartNew();
                        total = (await search.SearchAsync(query, filter, 1, 10)).Total;
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                    worst = Math.Max(worst, times.Max());
                    Console.WriteLine($"  {shape,-24} {text} {filter}: min {times.Min():0.0} ms  max {times.Max():0.0} ms  hits {total}");
                }
                Console.WriteLine($"{"worst shapes",-22} max {worst:0.0} ms");

                // One item at a time, each in its own transaction, as a publication or an edit writes it:
                // the newest items (a new publication's bucket) and items spread over the years.
                var ids = Enumerable.Range(items - 49, 50).Concat(Enumerable.Range(0, 50).Select(i => 1 + i * (items / 50))).ToList();
                var updates = new List<double>();
                foreach (var id in ids)
                {
                    var item = await db.InfoItems.AsNoTracking().SingleAsync(i => i.Id == id);
                    var clock = Stopwatch.StartNew();
                    await using var tx = await db.Database.BeginTransactionAsync();
                    await search.UpdateAsync(item, []);
                    await tx.CommitAsync();
                    updates.Add(clock.Elapsed.TotalMilliseconds);
                }
                updates.Sort();
                Console.WriteLine($"{"one item re-indexed",-22} n={updates.Count,4}  p50 {P(updates, 50):0.0} ms  p95 {P(updates, 95):0.0} ms  max {updates[^1]:0.0} ms");
            }
            Console.WriteLine($"working set: {Environment.WorkingSet / 1024 / 1024} MiB");
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
                Console.WriteLine($"database file: {new FileInfo(file).Length / 1024 / 1024} MiB");
            }
            return 0;
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"kept: {settings.ConnectionString}");
            }
            else
            {
                await drop();
            }
        }
    }

    private static double P(List<double> sorted, int percentile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];

    private sealed record BenchQuery(string Kind, SearchQuery Query, SearchFilter Filter);

    private static List<BenchQuery> Queries(List<string> sample, Random random, int count, int agencies)
    {
        var list = new List<BenchQuery>();
        for (var i = 0; i < count; i++)
        {
            var text = sample[random.Next(sample.Count)];
            var kind = (i % 3) switch { 0 => "substring of an item", 1 => "common term", _ => "filtered by agency" };
            var q = kind == "common term" ? Topics[random.Next(Topics.Length)] : Substring(text, random);
            var filter = kind == "filtered by agency" ? new SearchFilter(AgencyId: random.Next(1, agencies + 1)) : new SearchFilter();
            if (SearchText.Parse(q).Query is { } query)
            {
                list.Add(new BenchQuery(kind, query, filter));
            }
        }
        return list;
    }

    private static string Substring(string text, Random random)
    {
        var start = random.Next(Math.Max(1, text.Length - 8));
        return text.Substring(start, Math.Min(text.Length - start, random.Next(2, 7)));
    }

    internal static List<string> Sentences(string folder) =>
        Directory.GetFiles(folder, "*.txt").SelectMany(File.ReadAllLines)
            .Where(l => !l.Contains('\t') && !l.Contains('|'))
            .SelectMany(l => l.Split('。', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(s => s.Length is >= 15 and <= 200).Distinct().ToList();

    private static async Task AgenciesAsync(GongkaiDb db, int count)
    {
        for (var a = 1; a <= count; a++)
        {
            db.Agencies.Add(new Agency { Name = $"测试{a}镇人民政府", ShortCode = $"bench-{a}", OfficeName = "党政办", OfficeAddress = "某路", OfficePhone = "0000-0000000", Level = Domain.Agencies.AgencyLevel.Township });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Inserts the items as published; returns the total characters and a sample of bodies for queries.</summary>
    internal static async Task<(long Characters, List<string> Sample)> LoadItemsAsync(DatabaseSettings settings, int count, int agencies, List<string> sentences, Random random)
    {
        long characters = 0;
        var sample = new List<string>();
        await using var db = BenchDatabase.Open(settings);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        const int batch = 5000;
        for (var offset = 0; offset < count; offset += batch)
        {
            var rows = new List<(int Id, int Agency, int Year, int Sequence, string Title, string Body, DateOnly Published, string Category)>();
            for (var i = offset; i < Math.Min(count, offset + batch); i++)
            {
                var agency = i % agencies + 1;
                var topic = Topics[random.Next(Topics.Length)];
                var year = 2015 + i * 11 / count;
                var title = $"测试{agency}镇关于{year}年{topic}{Kinds[random.Next(Kinds.Length)]}";
                var body = new StringBuilder();
                var n = random.Next(3, 9);
                for (var k = 0; k < n; k++)
                {
                    body.Append(sentences[random.Next(sentences.Count)]).Append('。');
                }
                body.Append($"本年度{topic}涉及{random.Next(1, 400)}户、资金{random.Next(1, 900)}.{random.Next(10)}万元。");
                var text = body.ToString();
                characters += title.Length + text.Length;
                if (i % 997 == 0)
                {
                    sample.Add(title + text);
                }
                var published = new DateOnly(year, 1, 1).AddDays(random.Next(0, 360));
                rows.Add((i + 1, agency, year, i / agencies + 1, title, text, published, Categories.All[random.Next(Categories.All.Count)].Code));
            }
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                await using var writer = await ((NpgsqlConnection)connection).BeginTextImportAsync(
                    "COPY info_items (id, agency_id, index_number, year, sequence, title, issuer, written_on, published_on, category_code, body_html, body_text, document_kind, channels, status, author_id, author_name, created_utc, updated_utc, version) FROM STDIN");
                foreach (var r in rows)
                {
                    await writer.WriteLineAsync(string.Join('\t', r.Id, r.Agency, $"B{r.Agency:D3}/{r.Year}-{r.Sequence:D6}", r.Year, r.Sequence, Copy(r.Title), "测试机关",
                        r.Published.AddDays(-3).ToString("yyyy-MM-dd"), r.Published.ToString("yyyy-MM-dd"), r.Category, Copy("<p>" + r.Body + "</p>"), Copy(r.Body), "None", 1, "Published", 1, "bench",
                        "2025-01-01 00:00:00+00", "2025-01-01 00:00:00+00", 0));
                }
            }
            else
            {
                await using var tx = await connection.BeginTransactionAsync();
                await using var command = connection.CreateCommand();
                command.Transaction = tx;
                command.CommandText = "INSERT INTO info_items (id, agency_id, index_number, year, sequence, title, issuer, written_on, published_on, category_code, body_html, body_text, document_kind, channels, status, author_id, author_name, created_utc, updated_utc, version) "
                    + "VALUES ($id, $agency, $index, $year, $seq, $title, '测试机关', $written, $published, $category, $html, $body, 'None', 1, 'Published', 1, 'bench', '2025-01-01 00:00:00', '2025-01-01 00:00:00', 0)";
                var p = new[] { "$id", "$agency", "$index", "$year", "$seq", "$title", "$written", "$published", "$category", "$html", "$body" }
                    .ToDictionary(n => n, n => { var x = command.CreateParameter(); x.ParameterName = n; command.Parameters.Add(x); return x; });
                foreach (var r in rows)
                {
                    (p["$id"].Value, p["$agency"].Value, p["$index"].Value, p["$year"].Value, p["$seq"].Value, p["$title"].Value) = (r.Id, r.Agency, $"B{r.Agency:D3}/{r.Year}-{r.Sequence:D6}", r.Year, r.Sequence, r.Title);
                    (p["$written"].Value, p["$published"].Value, p["$category"].Value, p["$html"].Value, p["$body"].Value) =
                        (r.Published.AddDays(-3).ToString("yyyy-MM-dd"), r.Published.ToString("yyyy-MM-dd"), r.Category, "<p>" + r.Body + "</p>", r.Body);
                    await command.ExecuteNonQueryAsync();
                }
                await tx.CommitAsync();
            }
        }
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('info_items', 'id'), (SELECT MAX(id) FROM info_items))");
        }
        return (characters, sample);
    }

    // COPY's text format: backslash, tab and line breaks escaped.
    private static string Copy(string s) => s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");
}
