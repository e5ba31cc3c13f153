using System.Diagnostics;
using Gongkai.Tests;
using Npgsql;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>On PostgreSQL the database announces every committed change to what the portal shows; each node drops its kept pages.</summary>
public sealed class PortalNoticeTests
{
    [Fact]
    public void TheTriggers_AnnounceExactlyTheTablesThePortalWatches()
    {
        // The tables with a gongkai_portal_changed trigger once every PostgreSQL migration has run …
        var triggered = new HashSet<string>();
        foreach (var script in Gongkai.Data.Schema.SchemaMigrator.ScriptsFor(Gongkai.Data.DatabaseProvider.Postgres))
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(script.Sql,
                @"CREATE TRIGGER \w+ AFTER [A-Z ]+ ON (\w+)\s+FOR EACH STATEMENT EXECUTE FUNCTION gongkai_portal_changed\(\)|DROP TRIGGER (?:IF EXISTS )?\w+ ON (\w+)"))
            {
                _ = m.Groups[1].Success ? triggered.Add(m.Groups[1].Value) : triggered.Remove(m.Groups[2].Value);
            }
        }
        // … are the tables of the records the in-process cache watches, neither more nor fewer.
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Gongkai.Data.GongkaiDb>().UseSqlite("Data Source=:memory:").Options;
        using var db = new Gongkai.Data.GongkaiDb(options, new Gongkai.Data.Audit.AuditActor(), TimeProvider.System, Gongkai.Tests.Contexts.Cipher);
        var watched = Gongkai.Web.Infrastructure.PortalCache.Watched.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).ToHashSet();
        Assert.Equal(watched.Order(), triggered.Order());
    }

    [Fact]
    public async Task AChangeCommittedOutsideThisNode_EmptiesItsPortalPages_WithinASecond()
    {
        await using var app = await GongkaiApp.StartAsync("postgres");
        using var visitor = app.NewVisitor();
        Assert.DoesNotContain("周六上午照常受理", (await visitor.GetAsync("/agency/qx-bsz/guide")).Text);
        // Kept now: the same page again is served from memory.
        Assert.DoesNotContain("周六上午照常受理", (await visitor.GetAsync("/agency/qx-bsz/guide")).Text);

        // Another node, the gongkai command or psql: not this process's DbContext, so only the database can tell.
        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE agencies SET guide_text = '周六上午照常受理申请。' WHERE short_code = 'qx-bsz'", connection);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        var watch = Stopwatch.StartNew();
        while (!(await visitor.GetAsync("/agency/qx-bsz/guide")).Text.Contains("周六上午照常受理", StringComparison.Ordinal))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), "the guide page still shows the old text a second after the change was committed");
            await Task.Delay(20);
        }
    }
}
