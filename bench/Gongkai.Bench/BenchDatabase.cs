using Gongkai.Data;
using Gongkai.Data.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Bench;

/// <summary>A fresh database for a benchmark: a temporary SQLite file, or a new PostgreSQL database on GONGKAI_TEST_POSTGRES's server.</summary>
public static class BenchDatabase
{
    public static GongkaiDb Open(DatabaseSettings settings)
    {
        var options = GongkaiServices.UseProvider(new DbContextOptionsBuilder<GongkaiDb>(), settings).Options;
        var db = new GongkaiDb((DbContextOptions<GongkaiDb>)options, new AuditActor(), TimeProvider.System, new Gongkai.Data.Protection.PersonalDataCipher([Gongkai.Data.Protection.PersonalDataCipher.NewKey()]));
        // Rebuilding the search index over a million items and vacuuming take minutes, not the default 30 s.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        return db;
    }

    /// <summary>Creates the database; the returned action drops it.</summary>
    public static async Task<(DatabaseSettings Settings, Func<Task> Drop)> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"gongkai-bench-{Guid.NewGuid():N}.db");
            return (new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"), () => { SqliteConnection.ClearAllPools(); File.Delete(file); return Task.CompletedTask; });
        }
        var admin = Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES") ?? throw new InvalidOperationException("Set GONGKAI_TEST_POSTGRES for --provider postgres.");
        var name = $"gongkai_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
        }
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ToString());
        return (settings, async () =>
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection).ExecuteNonQueryAsync();
        });
    }

    public static string? Arg(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
