using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Data.Search;

/// <summary>
/// The search index's SQL, run on the context's connection and transaction: the one place where
/// the two databases differ for it (a list parameter is an array on PostgreSQL, JSON for SQLite's
/// json_each; <c>strpos</c> vs <c>instr</c>; row locks).
/// </summary>
internal sealed class IndexSql(GongkaiDb db)
{
    public bool Postgres { get; } = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>An SQL test that <c>content</c> holds the text of parameter <c>@t{index}</c>.</summary>
    public string Contains(int index) => Postgres ? $"strpos(content, @t{index}) > 0" : $"instr(content, @t{index}) > 0";

    /// <summary>A list as one parameter: an array on PostgreSQL, JSON for SQLite's json_each.</summary>
    public object List<T>(IEnumerable<T> values) => Postgres ? values.ToArray() : JsonSerializer.Serialize(values);

    public string In(string parameter) => Postgres ? $"= ANY({parameter})" : $"IN (SELECT value FROM json_each({parameter}))";

    private async Task<DbCommand> CommandAsync(string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value);
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, parameters, ct);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Statements run many times in a row, each prepared once: a rebuild writes millions of rows, a publication hundreds.</summary>
    public Statements Prepared() => new(this);

    public sealed class Statements(IndexSql search) : IAsyncDisposable
    {
        private readonly Dictionary<string, DbCommand> prepared = [];

        public async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
        {
            if (prepared.TryGetValue(sql, out var command))
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    command.Parameters[i].Value = parameters[i].Value;
                }
            }
            else
            {
                command = prepared[sql] = await search.CommandAsync(sql, parameters, ct);
                await command.PrepareAsync(ct);
            }
            await command.ExecuteNonQueryAsync(ct);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in prepared.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    public async Task ReadAsync(string sql, Action<DbDataReader> row, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = await CommandAsync(sql, parameters, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}
