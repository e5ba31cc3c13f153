using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Schema;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

public sealed class SchemaMigratorTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    [Fact]
    public void BothProviders_HaveTheSameNumberedScripts()
    {
        var sqlite = SchemaMigrator.ScriptsFor(DatabaseProvider.Sqlite);
        var postgres = SchemaMigrator.ScriptsFor(DatabaseProvider.Postgres);
        Assert.True(sqlite.Count >= 2);
        Assert.Equal(sqlite.Select(s => (s.Version, s.Name)), postgres.Select(s => (s.Version, s.Name)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnEmptyDatabase_MigratesToTheLatestVersion_AndASecondRunDoesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Contexts.Open(database);
        var migrator = new SchemaMigrator(db);
        var ran = await migrator.MigrateAsync(ct: TestContext.Current.CancellationToken);
        Assert.Equal(SchemaMigrator.LatestVersion(database.Provider), ran.Count);
        Assert.Equal(SchemaMigrator.LatestVersion(database.Provider), await migrator.CurrentVersionAsync());
        Assert.Empty(await migrator.MigrateAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ADatabaseAtTheFirstVersionWithRows_UpgradesKeepingEveryRow(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var v1 = Contexts.Open(database))
        {
            await new SchemaMigrator(v1).MigrateAsync(targetVersion: 1);
            // Rows written as version 1 knew them, with its own SQL, not with today's model.
            var created = database.Provider == DatabaseProvider.Sqlite ? "'2019-05-15 01:02:03'" : "TIMESTAMPTZ '2019-05-15 01:02:03+00'";
            var active = database.Provider == DatabaseProvider.Sqlite ? "1" : "true";
            var rows = $"""
                INSERT INTO agencies (name, short_code, level, kind, sort_order, office_name, office_address, office_phone)
                    VALUES ('旧县人民政府', 'old', 'County', 'Government', 0, '旧县政府办', '旧县人民路 1 号', '0000-1234567');
                INSERT INTO agencies (parent_id, name, short_code, level, kind, sort_order, office_name, office_address, office_phone, office_fax)
                    VALUES (1, '旧县某镇人民政府', 'old-town', 'Township', 'Government', 1, '某镇党政办', '某镇 2 号', '0000-7654321', '0000-7654322');
                INSERT INTO staff_users (agency_id, user_name, display_name, role, password_hash, is_active, security_stamp, created_utc)
                    VALUES (2, 'old.clerk', '老经办人', 'Clerk', 'hash', {active}, 'stamp', {created});
                INSERT INTO audit_entries (occurred_utc, actor_user_id, actor_name, agency_id, entity_type, entity_id, action, changes)
                    VALUES ({created}, 1, 'old.clerk', 2, 'Agency', '2', 'updated', 'CHANGES');
                """;
            // ExecuteSqlRaw formats its text, so the JSON's braces are doubled.
            await v1.Database.ExecuteSqlRawAsync(rows.Replace("CHANGES", "{{}}"));
        }

        await using var db = Contexts.Open(database);
        var ran = await new SchemaMigrator(db).MigrateAsync();
        Assert.Equal(SchemaMigrator.LatestVersion(database.Provider) - 1, ran.Count);

        var agencies = await db.Agencies.OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["旧县人民政府", "旧县某镇人民政府"], agencies.Select(a => a.Name));
        Assert.Equal(agencies[0].Id, agencies[1].ParentId);
        Assert.Equal("0000-7654322", agencies[1].OfficeFax);
        var user = await db.StaffUsers.SingleAsync();
        Assert.Equal(("old.clerk", "老经办人", agencies[1].Id), (user.UserName, user.DisplayName, user.AgencyId));
        Assert.Equal(new DateTime(2019, 5, 15, 1, 2, 3, DateTimeKind.Utc), user.CreatedUtc);
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal(("old.clerk", "updated"), (entry.ActorName, entry.Action));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ADatabaseNewerThanTheProgram_IsRefusedWithAMessage(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await Contexts.MigratedAsync(database);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO schema_version (version, name, applied_utc) VALUES (999, 'future', 'x')");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SchemaMigrator(db).MigrateAsync());
        Assert.Contains("999", error.Message);
    }
}
