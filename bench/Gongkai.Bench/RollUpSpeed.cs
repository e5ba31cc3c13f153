using System.Diagnostics;
using Gongkai.Data;
using Gongkai.Data.Reports;
using Gongkai.Data.Schema;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Bench;

/// <summary>
/// The supervisor's roll-up made from the records: every agency's 2024 report computed as the
/// console's "根据办理记录生成" computes it (its application tallies, its appeals, its items), then
/// summed cell by cell. Fills a fresh database with N applications and M items over the agencies.
/// </summary>
public static class RollUpSpeed
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = BenchDatabase.Arg(args, "--provider") ?? "sqlite";
        var applications = int.Parse(BenchDatabase.Arg(args, "--applications") ?? "1000000");
        var items = int.Parse(BenchDatabase.Arg(args, "--items") ?? "1000000");
        var agencies = int.Parse(BenchDatabase.Arg(args, "--agencies") ?? "500");
        // --reuse "<connection string>" runs again on a database kept by an earlier run (--keep), without filling it.
        var reuse = BenchDatabase.Arg(args, "--reuse");
        var (settings, drop) = reuse is null
            ? await BenchDatabase.CreateAsync(provider)
            : (new DatabaseSettings(provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, reuse), () => Task.CompletedTask);
        try
        {
            if (reuse is null)
            {
                var fill = Stopwatch.StartNew();
                await using (var db = BenchDatabase.Open(settings))
                {
                    await new SchemaMigrator(db).MigrateAsync();
                    await ApplicationTablesSpeed.GenerateAsync(db, settings, agencies, applications);
                }
                await ItemSearchSpeed.LoadItemsAsync(settings, items, agencies, ItemSearchSpeed.Sentences(BenchDatabase.Arg(args, "--text") ?? "tests/fixtures/seeds"), new Random(9));
                await using (var db = BenchDatabase.Open(settings))
                {
                    // A twentieth of the items are normative documents, a few of them repealed: the 第二十条 row has something to count.
                    await db.Database.ExecuteSqlRawAsync("UPDATE info_items SET document_kind = 'Normative' WHERE id % 20 = 0");
                    await db.Database.ExecuteSqlRawAsync(settings.Provider == DatabaseProvider.Sqlite
                        ? "UPDATE info_items SET repealed_on = date(written_on, '+700 days') WHERE id % 100 = 0"
                        : "UPDATE info_items SET repealed_on = written_on + 700 WHERE id % 100 = 0");
                }
                Console.WriteLine($"generated {applications} applications and {items} items over {agencies} agencies in {fill.Elapsed.TotalSeconds:0} s ({provider})");
            }
            else
            {
                await using var db = BenchDatabase.Open(settings);
                await new SchemaMigrator(db).MigrateAsync();
            }

            for (var run = 1; run <= 3; run++)
            {
                await using var db = BenchDatabase.Open(settings);
                var clock = Stopwatch.StartNew();
                var format = ReportFormats.Get("2021");
                var ids = await db.Agencies.OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync();
                // Every agency's own report (what each publishes), all in one set of queries.
                var each = await RecordCounts.CountEachAsync(db, ids.Select(a => a.Id).ToList(), format, 2024);
                var reports = ids.Select(a => (a.Name, AnnualReport.Blank(format, a.Name, 2024) with { Values = each[a.Id].Values })).ToList();
                var perAgency = clock.Elapsed;
                var sum = RollUp.Sum(format, reports);
                clock.Stop();
                var errors = ReportChecks.Evaluate(format, sum).Count(v => v.Severity == Severity.Error);
                Console.WriteLine($"run {run}: {ids.Count} agencies' reports from records in {perAgency.TotalMilliseconds:0} ms, roll-up total {clock.Elapsed.TotalMilliseconds:0} ms; "
                    + $"new applications {sum.Number(new CellKey("requests", "new", "total"))}, normative in force {sum.Number(new CellKey("proactive", "normative", "in_force"))}, errors {errors}");

                // The same roll-up in one pass: every figure is a count, so the sum of the agencies'
                // tables is the table of all their records together.
                var once = Stopwatch.StartNew();
                var all = ids.Select(a => a.Id).ToList();
                var together = (await RecordCounts.CountAsync(db, all, format, 2024)).Values;
                once.Stop();
                var same = format.Cells().All(c => together.Number(c.Key) == sum.Number(c.Key));
                // And an agency's report asked for alone (the console's 根据办理记录生成) is its figures in the pass over all.
                var single = Stopwatch.StartNew();
                var alone = true;
                foreach (var agency in ids.Take(10))
                {
                    var own = (await RecordCounts.CountAsync(db, [agency.Id], format, 2024)).Values;
                    alone &= format.Cells().All(c => own.Number(c.Key) == each[agency.Id].Values.Number(c.Key));
                }
                single.Stop();
                Console.WriteLine($"        one pass over all agencies' records: {once.Elapsed.TotalMilliseconds:0} ms; equal to the sum of the {ids.Count} reports: {same}; "
                    + $"10 agencies alone {single.Elapsed.TotalMilliseconds / 10:0} ms each, equal to theirs in the pass: {alone}");
            }
            Console.WriteLine($"working set: {Environment.WorkingSet / 1024 / 1024} MiB");
            return 0;
        }
        finally
        {
            if (args.Contains("--keep"))
            {
                Console.WriteLine($"kept: {settings.ConnectionString}");
            }
            else
            {
                await drop();
            }
        }
    }
}
