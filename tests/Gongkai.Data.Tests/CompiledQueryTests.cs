using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

/// <summary>A query compiled once answers on whichever database its context reads, in any order.</summary>
public sealed class CompiledQueryTests
{
    private static readonly CompiledQuery<Func<GongkaiDb, string, Task<string?>>> NameOf = new(() => EF.CompileAsyncQuery(
        (GongkaiDb db, string code) => db.Agencies.AsNoTracking().Where(a => a.ShortCode == code).Select(a => a.Name).SingleOrDefault()));

    [Fact]
    public async Task OneCompiledQuery_RunsOnSqliteAndPostgresInOneProcess_EachOnItsOwnSql()
    {
        await using var sqlite = await Contexts.MigratedDatabaseAsync("sqlite");
        await using var postgres = await Contexts.MigratedDatabaseAsync("postgres");
        await using var onSqlite = Contexts.Open(sqlite);
        await using var onPostgres = Contexts.Open(postgres);
        var town = Contexts.Agency("town", "白沙镇人民政府");
        onSqlite.Agencies.Add(town);
        await onSqlite.SaveChangesAsync();
        var county = Contexts.Agency("county", "青溪县人民政府");
        onPostgres.Agencies.Add(county);
        await onPostgres.SaveChangesAsync();

        // SQLite first, then PostgreSQL (EF alone would send it SQLite's SQL), then SQLite again.
        Assert.Equal(town.Name, await NameOf.For(onSqlite)(onSqlite, town.ShortCode));
        Assert.Equal(county.Name, await NameOf.For(onPostgres)(onPostgres, county.ShortCode));
        Assert.Null(await NameOf.For(onPostgres)(onPostgres, town.ShortCode));
        Assert.Equal(town.Name, await NameOf.For(onSqlite)(onSqlite, town.ShortCode));
    }
}
