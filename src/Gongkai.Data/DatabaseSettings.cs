using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database to use, read from <c>Database:Provider</c> and <c>ConnectionStrings:Default</c>;
/// on PostgreSQL, <c>ConnectionStrings:ReadOnly</c> names streaming replicas the anonymous portal
/// may read (<see cref="ReplicaReads"/>).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string? ReplicaConnectionString = null)
{
    /// <summary>What the anonymous portal reads from when replicas are set: the replicas, then the primary (made once, not per request).</summary>
    public string? ReadsConnectionString { get; } = ReplicaConnectionString is null ? null : ReplicaReads.WithPrimaryFallback(ConnectionString, ReplicaConnectionString);

    public const string DefaultSqliteFile = "App_Data/gongkai.db";

    /// <param name="baseDirectory">Where a relative SQLite file path is resolved from.</param>
    public static DatabaseSettings From(IConfiguration configuration, string baseDirectory)
    {
        var providerName = configuration["Database:Provider"] ?? "sqlite";
        var provider = providerName.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            _ => throw new SettingsException(
                $"Database:Provider = '{providerName}' is not a known database provider; valid values: sqlite, postgres. （数据库类型设置无效，可选 sqlite 或 postgres）"),
        };
        var connection = configuration.GetConnectionString("Default");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new SettingsException("ConnectionStrings:Default is required when Database:Provider = postgres. （使用 PostgreSQL 时必须设置 ConnectionStrings:Default）");
            }
            var replica = configuration.GetConnectionString("ReadOnly");
            return new(provider, connection, string.IsNullOrWhiteSpace(replica) ? null : ReplicaReads.Checked(connection, replica));
        }
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("ReadOnly")))
        {
            throw new SettingsException("ConnectionStrings:ReadOnly needs Database:Provider = postgres: SQLite has no replicas. （只读副本 ConnectionStrings:ReadOnly 仅用于 PostgreSQL）");
        }

        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connection) ? $"Data Source={DefaultSqliteFile}" : connection);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, file));
        }
        if (builder.Mode != SqliteOpenMode.Memory && Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
        }
        // Foreign keys are off by default in SQLite; the schema relies on them.
        builder.ForeignKeys = true;
        return new(provider, builder.ToString());
    }
}

/// <summary>A setting that is unknown or has a bad value; start-up stops with this message.</summary>
public sealed class SettingsException(string message) : Exception(message);
