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
        return new GongkaiDb((DbContextOptions<GongkaiDb>)options, actor ?? new AuditActor(), clock ?? TimeProvider.System);
    }

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
