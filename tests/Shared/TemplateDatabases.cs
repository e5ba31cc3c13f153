using System.Collections.Concurrent;

namespace Gongkai.Tests;

/// <summary>
/// Databases made once per test run and copied for each test that starts from them (SQLite: a file
/// copy; PostgreSQL: <c>CREATE DATABASE … TEMPLATE</c>) instead of every test migrating and seeding
/// its own. An xUnit assembly fixture: the templates are dropped when the run ends.
/// </summary>
public sealed class TemplateDatabases : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<TestDatabase>>> Made = new();

    /// <summary>How many templates this run made (each one a full migration and seeding).</summary>
    public static int Count => Made.Count;

    /// <summary>
    /// A new database with the content <paramref name="make"/> gives an empty database of
    /// <paramref name="provider"/>: made the first time <paramref name="key"/> is asked for, copied after.
    /// </summary>
    public static async Task<TestDatabase> CopyAsync(string provider, string key, Func<TestDatabase, Task> make)
    {
        var template = await Made.GetOrAdd($"{provider}|{key}", _ => new Lazy<Task<TestDatabase>>(async () =>
        {
            var database = await TestDatabase.CreateAsync(provider);
            await make(database);
            await database.SealAsync();
            return database;
        })).Value;
        return await TestDatabase.CopyAsync(template);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var template in Made.Values.Where(t => t.IsValueCreated))
        {
            try
            {
                await (await template.Value).DisposeAsync();
            }
            catch (Exception)
            {
                // A template whose making failed (or was skipped) has nothing to drop; its tests said why.
            }
        }
    }
}
