using System.Data.Common;
using Gongkai.Data;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Gongkai.Data.Tests;

/// <summary>
/// The EF model and the schema the SQL scripts build must agree, column by column and index by
/// index, on both providers: the scripts are written by hand, so this is what catches a change to
/// one without the other.
/// </summary>
public sealed class SchemaDriftTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private sealed record Column(string Table, string Name, string Type, bool Nullable);

    private sealed record Index(string Table, string Name, bool Unique);

    // The full-text index (search_documents, search_postings) belongs to ItemSearch, not to the EF model.
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheEfModel_MatchesTheMigratedSchema(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await Contexts.MigratedAsync(database);

        var (columns, indexes) = database.Provider == DatabaseProvider.Sqlite
            ? await ReadSqliteSchemaAsync(db)
            : await ReadPostgresSchemaAsync(db);

        var modelColumns = new HashSet<Column>();
        var modelIndexes = new HashSet<Index>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var id = StoreObjectIdentifier.Table(table);
            foreach (var p in entity.GetProperties())
            {
                modelColumns.Add(new Column(table, p.GetColumnName(id)!, p.GetColumnType(id).ToLowerInvariant(), p.IsColumnNullable(id)));
            }
            foreach (var i in entity.GetIndexes())
            {
                modelIndexes.Add(new Index(table, i.GetDatabaseName()!, i.IsUnique));
            }
        }

        Assert.Equal(Sorted(modelColumns), Sorted(columns));
        Assert.Equal(Sorted(modelIndexes), Sorted(indexes));
    }

    private static List<string> Sorted<T>(IEnumerable<T> items) => items.Select(i => i!.ToString()!).Order(StringComparer.Ordinal).ToList();

    private static async Task<(HashSet<Column>, HashSet<Index>)> ReadSqliteSchemaAsync(GongkaiDb db)
    {
        var columns = new HashSet<Column>();
        var indexes = new HashSet<Index>();
        var tables = await QueryAsync(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version' AND name NOT LIKE 'search_%'", r => r.GetString(0));
        foreach (var table in tables)
        {
            // pk = primary key: SQLite reports INTEGER PRIMARY KEY columns as nullable, EF does not.
            columns.UnionWith(await QueryAsync(db, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => new Column(table, r.GetString(0), r.GetString(1).ToLowerInvariant(), r.GetInt64(2) == 0 && r.GetInt64(3) == 0)));
            indexes.UnionWith(await QueryAsync(db, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'",
                r => new Index(table, r.GetString(0), r.GetInt64(1) == 1)));
        }
        return (columns, indexes);
    }

    private static async Task<(HashSet<Column>, HashSet<Index>)> ReadPostgresSchemaAsync(GongkaiDb db)
    {
        var columns = await QueryAsync(db, """
            SELECT table_name, column_name,
                CASE WHEN data_type = 'numeric' AND numeric_precision IS NOT NULL
                     THEN 'numeric(' || numeric_precision || ',' || numeric_scale || ')' ELSE data_type END,
                is_nullable FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'schema_version' AND table_name NOT IN ('search_documents', 'search_postings')
            """, r => new Column(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3) == "YES"));
        var indexes = await QueryAsync(db, """
            SELECT t.relname, i.relname, ix.indisunique FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND NOT ix.indisprimary AND t.relname NOT IN ('schema_version', 'search_documents', 'search_postings')
            """, r => new Index(r.GetString(0), r.GetString(1), r.GetBoolean(2)));
        return (columns.ToHashSet(), indexes.ToHashSet());
    }

    private static async Task<List<T>> QueryAsync<T>(GongkaiDb db, string sql, Func<DbDataReader, T> read)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }
        return list;
    }
}
