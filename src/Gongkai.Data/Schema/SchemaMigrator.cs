using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Data.Schema;

/// <summary>
/// Brings the database schema to the current version by running the ordered SQL scripts embedded
/// under Migrations/{sqlite|postgres}/NNNN_name.sql, each once, recorded in <c>schema_version</c>.
/// EF Core's design-time tools are not used: the scripts are the schema's history, written by hand,
/// one per provider, and a test checks the EF model against the migrated schema.
/// </summary>
public sealed class SchemaMigrator(GongkaiDb db)
{
    public sealed record Script(int Version, string Name, string Sql);

    public static IReadOnlyList<Script> ScriptsFor(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"Migrations/{folder}/";
        var scripts = new List<Script>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..];
            var version = int.Parse(file[..4], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new Script(version, Path.GetFileNameWithoutExtension(file), reader.ReadToEnd()));
        }
        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration scripts for {folder} must be numbered 0001, 0002, … without gaps; found {scripts[i].Name}.");
            }
        }
        return scripts;
    }

    public DatabaseProvider Provider => db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static int LatestVersion(DatabaseProvider provider) => ScriptsFor(provider).Count;

    public async Task<int> CurrentVersionAsync(CancellationToken ct = default)
    {
        await EnsureVersionTableAsync(ct);
        var value = await ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM schema_version", ct);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs every script above the database's version, up to <paramref name="targetVersion"/> (default: the latest).</summary>
    /// <returns>The scripts that ran.</returns>
    public async Task<IReadOnlyList<Script>> MigrateAsync(int? targetVersion = null, CancellationToken ct = default)
    {
        var scripts = ScriptsFor(Provider);
        var target = targetVersion ?? scripts.Count;
        var current = await CurrentVersionAsync(ct);
        if (current > scripts.Count)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this program knows ({scripts.Count}). Upgrade Gongkai first. （数据库版本高于程序版本，请先升级程序）");
        }
        var ran = new List<Script>();
        foreach (var script in scripts.Where(s => s.Version > current && s.Version <= target))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await ExecuteAsync(script.Sql, ct);
            await ExecuteAsync(
                $"INSERT INTO schema_version (version, name, applied_utc) VALUES ({script.Version}, '{script.Name}', '{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}')", ct);
            await tx.CommitAsync(ct);
            ran.Add(script);
        }
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Readers do not block the writer, which matters once the portal has traffic.
            await ExecuteAsync("PRAGMA journal_mode=WAL;", ct);
        }
        return ran;
    }

    private Task EnsureVersionTableAsync(CancellationToken ct) => ExecuteAsync(
        "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_utc text NOT NULL)", ct);

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = await CommandAsync(sql, ct);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var command = await CommandAsync(sql, ct);
        return await command.ExecuteScalarAsync(ct);
    }

    private async Task<DbCommand> CommandAsync(string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
