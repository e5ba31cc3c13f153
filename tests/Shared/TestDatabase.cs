using Gongkai.Data;
using Npgsql;

namespace Gongkai.Tests;

/// <summary>
/// A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL database
/// on the server named by GONGKAI_TEST_POSTGRES (dropped afterwards). Without that variable the
/// PostgreSQL cases are reported as skipped, with the reason.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "GONGKAI_TEST_POSTGRES";

    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string ProviderName => Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres";

    public static IEnumerable<string> Providers => ["sqlite", "postgres"];

    private static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"gongkai-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Foreign Keys=True", file, null);
        }
        var admin = PostgresAdmin;
        Assert.SkipWhen(admin is null, $"PostgreSQL tests need {PostgresVariable} (a connection string to a server where databases may be created); .ci/run sets it.");
        var name = $"gongkai_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ToString(), null, name);
    }

    /// <summary>A PostgreSQL database someone else made and removes (e.g. <c>PostgresPair</c>'s): not dropped here.</summary>
    public static TestDatabase OnServer(string connectionString) => new(DatabaseProvider.Postgres, connectionString, null, null);

    public DatabaseSettings Settings => new(Provider, ConnectionString);

    /// <summary>
    /// Makes this database a template to copy (<see cref="CopyAsync"/>): its SQLite log is written
    /// into the file, so that the file alone is the database. Nothing may be connected to it after.
    /// </summary>
    public async Task SealAsync()
    {
        if (_sqliteFile is not null)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        // A template is copied only while nobody is connected to it: pooled connections closed,
        // and on PostgreSQL any session left ended.
        ClearPool();
        if (_postgresName is not null && PostgresAdmin is { } admin)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
            terminate.Parameters.AddWithValue("name", _postgresName);
            await terminate.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Closes the pooled connections of whoever used this database (pooling is on, as in production).</summary>
    private void ClearPool()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString));
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        }
    }

    private static readonly SemaphoreSlim OneCopyAtATime = new(1, 1);

    /// <summary>
    /// A new database with <paramref name="template"/>'s content (sealed): a file copy on SQLite,
    /// <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL — migrated and seeded once, copied per test.
    /// </summary>
    public static async Task<TestDatabase> CopyAsync(TestDatabase template)
    {
        if (template._sqliteFile is { } source)
        {
            var file = Path.Combine(Path.GetTempPath(), $"gongkai-test-{Guid.NewGuid():N}.db");
            File.Copy(source, file);
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Foreign Keys=True", file, null);
        }
        var name = $"gongkai_test_{Guid.NewGuid():N}";
        // PostgreSQL copies a template only while no other session uses it; copies are made one at a time.
        await OneCopyAtATime.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(PostgresAdmin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template._postgresName}", connection);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            OneCopyAtATime.Release();
        }
        var builder = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ToString(), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        // No handle left open on a removed file; DROP … WITH (FORCE) ends PostgreSQL's sessions itself.
        ClearPool();
        if (_sqliteFile is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }
        if (_postgresName is not null && PostgresAdmin is { } admin)
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
