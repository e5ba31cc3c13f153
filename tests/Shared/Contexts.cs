using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests;

public static class Contexts
{
    public static GongkaiDb Open(TestDatabase database, AuditActor? actor = null, TimeProvider? clock = null)
    {
        var options = GongkaiServices.UseProvider(new DbContextOptionsBuilder<GongkaiDb>(), database.Settings).Options;
        return new GongkaiDb((DbContextOptions<GongkaiDb>)options, actor ?? new AuditActor(), clock ?? TimeProvider.System, Cipher);
    }

    /// <summary>The tests' personal-data key (SM4, 16 fixed bytes), also written to <see cref="KeyFile"/> for the web app and the CLI under test.</summary>
    public static readonly Gongkai.Data.Protection.PersonalDataCipher Cipher = new([Key]);

    public static byte[] Key => [.. System.Text.Encoding.ASCII.GetBytes("gongkai-test-key")];

    /// <summary>A key file holding the tests' key, made once per machine (every test app and template database uses it).</summary>
    public static string KeyFile { get; } = WriteKeyFile();

    private static string WriteKeyFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "gongkai-test-personal-data.key");
        var line = Gongkai.Data.Protection.PersonalDataCipher.LineFor(Key);
        if (!File.Exists(path) || !File.ReadAllText(path).Contains(line, StringComparison.Ordinal))
        {
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(temporary, line + "\n");
            File.Move(temporary, path, overwrite: true);
        }
        return path;
    }

    /// <summary>
    /// A new database of <paramref name="provider"/> with the schema in place: a copy of one migrated
    /// once per run (<see cref="TemplateDatabases"/>), not 29 migrations per test. Tests of the
    /// migrations themselves start from <see cref="TestDatabase.CreateAsync"/>.
    /// </summary>
    public static Task<TestDatabase> MigratedDatabaseAsync(string provider) =>
        TemplateDatabases.CopyAsync(provider, "migrated", async database =>
        {
            await using var db = Open(database);
            await new SchemaMigrator(db).MigrateAsync();
        });

    public static async Task<GongkaiDb> MigratedAsync(TestDatabase database, AuditActor? actor = null, TimeProvider? clock = null)
    {
        var db = Open(database, actor, clock);
        await new SchemaMigrator(db).MigrateAsync();
        return db;
    }

    /// <summary>An agency with the office data the schema requires, for tests that need one to hang records on.</summary>
    public static Agency Agency(string code, string name = "某镇人民政府") =>
        new() { Name = name, ShortCode = code, OfficeName = "党政办", OfficeAddress = "某路", OfficePhone = "0571-1234567" };
}
