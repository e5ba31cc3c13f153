using System.Diagnostics;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Applications;
using Gongkai.Data.Schema;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Bench;

/// <summary>
/// Time to compute the report's application and appeals tables from the records: for one agency
/// with N applications, and for a supervisor over many agencies. A synthetic generator fills a
/// fresh database (SQLite file or a new PostgreSQL database) with applications across 2021–2025,
/// three in four answered with a random reply type.
/// </summary>
public static class ApplicationTablesSpeed
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = BenchDatabase.Arg(args, "--provider") ?? "sqlite";
        var applications = int.Parse(BenchDatabase.Arg(args, "--applications") ?? "100000");
        var agencies = int.Parse(BenchDatabase.Arg(args, "--agencies") ?? "1");
        var keep = args.Contains("--keep");
        var (settings, cleanup) = await BenchDatabase.CreateAsync(provider);
        try
        {
            await using var db = BenchDatabase.Open(settings);
            await new SchemaMigrator(db).MigrateAsync();
            var fill = Stopwatch.StartNew();
            await GenerateAsync(db, settings, agencies, applications);
            Console.WriteLine($"generated {applications} applications over {agencies} agencies in {fill.Elapsed.TotalSeconds:0.0} s ({provider})");

            for (var run = 1; run <= 3; run++)
            {
                await using var fresh = BenchDatabase.Open(settings);
                var clock = Stopwatch.StartNew();
                var values = await ComputeAsync(fresh, 2024);
                clock.Stop();
                var errors = ReportChecks.Evaluate(ReportFormats.Get("2021"), values).Count(v => v.Severity == Severity.Error);
                Console.WriteLine($"run {run}: both tables for 2024 over all {agencies} agencies: {clock.Elapsed.TotalMilliseconds:0} ms; new = {values.Number(new CellKey("requests", "new", "total"))}, errors = {errors}");
            }
            Console.WriteLine($"working set: {Environment.WorkingSet / 1024 / 1024} MiB");
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
                await cleanup();
            }
        }
    }

    /// <summary>What the report page does: group the records the year can count in the database, count the groups.</summary>
    private static async Task<ReportValues> ComputeAsync(GongkaiDb db, int year)
    {
        var agencyIds = await db.Agencies.Select(a => a.Id).ToListAsync();
        var tallies = await ApplicationHistory.TalliesForYearAsync(db, agencyIds, year);
        var values = new ReportValues();
        ApplicationTables.Fill(values, "2021", year, tallies.Select(t => t.Tally), await ApplicationHistory.AppealsForYearAsync(db, agencyIds, year));
        return values;
    }

    /// <summary>Adds the agencies (unless they exist) and the applications.</summary>
    internal static async Task GenerateAsync(GongkaiDb db, DatabaseSettings settings, int agencies, int applications)
    {
        if (!await db.Agencies.AnyAsync())
        {
            for (var a = 1; a <= agencies; a++)
            {
                db.Agencies.Add(new Agency { Name = $"测试机关{a}", ShortCode = $"bench-{a}", OfficeName = "办公室", OfficeAddress = "某路", OfficePhone = "0000-0000000" });
            }
            await db.SaveChangesAsync();
        }
        var agencyIds = await db.Agencies.Select(x => x.Id).ToListAsync();
        var random = new Random(2024);
        var types = Enum.GetValues<ReplyType>().Where(t => t is not (ReplyType.NoSupplement or ReplyType.FeeUnpaid or ReplyType.UnclearAfterSupplement)).ToArray();
        var channels = Enum.GetValues<Channel>();
        var calendar = WorkingCalendar.National;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        const int batch = 5000;
        for (var offset = 0; offset < applications; offset += batch)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var insertApp = connection.CreateCommand();
            await using var insertStep = connection.CreateCommand();
            insertApp.Transaction = tx;
            insertStep.Transaction = tx;
            var apps = new List<string>();
            var stepRows = new List<string>();
            for (var i = offset; i < Math.Min(applications, offset + batch); i++)
            {
                var received = calendar.AddWorkingDays(new DateOnly(2021, 1, 4), random.Next(0, 1200));
                var answered = random.Next(4) > 0;
                var replied = calendar.AddWorkingDays(received, random.Next(1, 20));
                var status = answered ? "Replied" : "InProgress";
                var due = calendar.AddWorkingDays(received, 20);
                var answeredOn = answered ? $"'{replied:yyyy-MM-dd}'" : "NULL";
                var type = types[random.Next(types.Length)];
                var replyType = answered ? $"'{type}'" : "NULL";
                apps.Add($"({i + 1}, {agencyIds[i % agencyIds.Count]}, 'T{i:D9}', 'x', '{received:yyyy-MM-dd}', '{channels[random.Next(channels.Length)]}', 'Regulation2019', '{(ApplicantKind)random.Next(6)}', '申请人', '13800000000', '某信息', '电子邮件', '{status}', '{due:yyyy-MM-dd}', {answeredOn}, {replyType}, '2025-01-01 00:00:00', 0)");
                if (answered)
                {
                    stepRows.Add($"({i + 1}, {agencyIds[i % agencyIds.Count]}, 'Reply', '{replied:yyyy-MM-dd}', 'bench', '答复', '{type}', {(settings.Provider == DatabaseProvider.Sqlite ? "0" : "false")}, '2025-01-01 00:00:00')");
                }
            }
            var dateCast = settings.Provider == DatabaseProvider.Postgres;
            insertApp.CommandText = "INSERT INTO applications (id, agency_id, tracking_number, access_code_hash, received, channel, rules, applicant_kind, applicant_name, phone, description, form_wanted, status, due_date, answered_on, reply_type, created_utc, version) VALUES "
                + string.Join(",", dateCast ? apps.Select(PgDates) : apps);
            await insertApp.ExecuteNonQueryAsync();
            if (stepRows.Count > 0)
            {
                insertStep.CommandText = "INSERT INTO application_steps (application_id, agency_id, kind, date, actor, reason, reply_type, by_reviewer, recorded_utc) VALUES "
                    + string.Join(",", dateCast ? stepRows.Select(PgDates) : stepRows);
                await insertStep.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('applications', 'id'), (SELECT MAX(id) FROM applications)); ANALYZE;");
        }
    }

    // PostgreSQL wants typed literals for date and timestamp columns in a VALUES list.
    private static string PgDates(string row) => System.Text.RegularExpressions.Regex.Replace(row, @"'(\d{4}-\d{2}-\d{2})'", "DATE '$1'")
        .Replace("DATE '2025-01-01' 00:00:00'", "TIMESTAMPTZ '2025-01-01 00:00:00+00'").Replace("'2025-01-01 00:00:00'", "TIMESTAMPTZ '2025-01-01 00:00:00+00'");
}
