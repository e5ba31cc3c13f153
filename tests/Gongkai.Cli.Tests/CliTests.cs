using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Demo;
using Gongkai.Data.Schema;
using Gongkai.Data.Staff;
using Gongkai.Tests;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Tests;

public sealed class CliTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static async Task<(int Exit, string Out, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var all = new[] { "--provider", database.ProviderName, "--connection", database.ConnectionString }.Concat(args).ToArray();
        var exit = await GongkaiCommand.RunAsync(all, stdout, stderr, new StringReader("Piped2026pw\n"));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DbMigrate_StepByStep_ReachesTheLatestVersion(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await RunAsync(database, "db", "migrate", "--to", "1");
        Assert.Equal(0, first.Exit);
        Assert.Contains("数据库结构版本：1", first.Out);

        var rest = await RunAsync(database, "db", "migrate");
        Assert.Equal(0, rest.Exit);
        Assert.Contains("已执行 0002_keys_and_append_only_audit", rest.Out);
        Assert.Contains($"数据库结构版本：{SchemaMigrator.LatestVersion(database.Provider)}", rest.Out);
    }

    /// <summary>
    /// Issue 26: the first start in production. On an empty database <c>gongkai setup</c> makes the
    /// root agency and its system admin (who signs in with the password given on stdin); a weak
    /// password or a bad kind is refused at its option with nothing written; a database that has
    /// an agency or an account is refused, naming what it has.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Setup_MakesTheRootAgencyAndTheFirstSystemAdmin_OnlyOnAnEmptyDatabase(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] setup = ["setup", "--agency-code", "qx", "--agency-name", "青溪县人民政府", "--kind", "人民政府", "--admin", "admin.qx", "--admin-name", "张管理", "--password-stdin"];
        var connection = new[] { "--provider", database.ProviderName, "--connection", database.ConnectionString };

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, await GongkaiCommand.RunAsync([.. connection, .. setup], stdout, stderr, new StringReader("weak\n")));
        Assert.Contains("--password-stdin：", stderr.ToString());
        Assert.Equal(1, (await RunAsync(database, [.. setup[..^7], "--kind", "人民法院", .. setup[^5..]])).Exit);

        var done = await RunAsync(database, setup);
        Assert.True(done.Exit == 0, done.Error);
        Assert.Contains("已建立机构 青溪县人民政府（简码 qx）和系统管理员 admin.qx", done.Out);
        await using (var db = Contexts.Open(database))
        {
            var agency = await db.Agencies.SingleAsync();
            Assert.Equal(("qx", Domain.Agencies.AgencyKind.Government, Domain.Agencies.AgencyLevel.County, (int?)null), (agency.ShortCode, agency.Kind, agency.Level, agency.ParentId));
            var admin = await db.StaffUsers.SingleAsync();
            Assert.Equal((Domain.Staff.StaffRole.SystemAdmin, agency.Id, false), (admin.Role, admin.AgencyId, admin.MustChangePassword));
            Assert.Equal(PasswordVerificationResult.Success, StaffAccounts.Verify(admin, "Piped2026pw"));
        }

        var again = await RunAsync(database, [.. setup[..2], "other", .. setup[3..4], "别的机构", .. setup[5..]]);
        Assert.Equal(1, again.Exit);
        Assert.Contains("已有 1 个机构、1 个账户", again.Error);
        await using var after = Contexts.Open(database);
        Assert.Equal((1, 1), (await after.Agencies.CountAsync(), await after.StaffUsers.CountAsync()));
    }

    /// <summary>
    /// Issue 26: after setup, the GBK sheet previews (nothing written), applies, and a second
    /// apply changes nothing; the staff sheet's new accounts get their initial passwords in a file
    /// only its owner can read.
    /// </summary>
    [Fact]
    public async Task AgencyUserLedgerAndItemImport_PreviewThenApply_TheSecondRunChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        Assert.Equal(0, (await RunAsync(database, "setup", "--agency-code", "sample", "--agency-name", "样例县人民政府", "--admin", "admin.sample", "--admin-name", "管理员", "--password-stdin")).Exit);
        var root = Path.Combine(AppContext.BaseDirectory, "moving-in");
        var preview = await RunAsync(database, "agency", "import", Path.Combine(root, "agencies-gbk.csv"));
        Assert.True(preview.Exit == 0, preview.Error);
        Assert.Contains("第 4 行\tsample-town\t新增\t样例县清河镇人民政府", preview.Out);
        Assert.Contains("预览：新增 2，修改 1，不变 0，拒绝 0", preview.Out);
        await using (var db = Contexts.Open(database))
        {
            Assert.Equal(1, await db.Agencies.CountAsync());
        }
        Assert.Contains("已导入：新增 2，修改 1", (await RunAsync(database, "agency", "import", Path.Combine(root, "agencies.xls"), "--apply")).Out);
        Assert.Contains("已导入：新增 0，修改 0，不变 3，拒绝 0", (await RunAsync(database, "agency", "import", Path.Combine(root, "agencies-utf8.csv"), "--apply")).Out);

        var ledger = await RunAsync(database, "application", "import", Path.Combine(root, "ledger.xlsx"), "--agency", "sample-town", "--apply");
        Assert.True(ledger.Exit == 0, ledger.Error);
        Assert.Contains("已导入：新增 6，修改 0，不变 0，拒绝 0", ledger.Out);
        Assert.Contains("  复议/诉讼 ← T 列“复议/诉讼”", ledger.Out);
        // An office's own header, chosen with --map and remembered: the second run needs no --map.
        var own = Path.Combine(Path.GetTempPath(), $"gongkai-ledger-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(own, "登记日期,申请方式,申请人类型,申请人,联系电话,申请内容\n2026-02-25,网络,商业企业,某商贸公司,0571-87001234,清河镇集贸市场改造方案\n");
            var refused = await RunAsync(database, "application", "import", own, "--agency", "sample-town");
            Assert.Contains("  收到日期 ← （无此列，必需）", refused.Out + refused.Error);
            var bad = await RunAsync(database, "application", "import", own, "--agency", "sample-town", "--map", "到达日期=登记日期");
            Assert.Contains("--map：“到达日期=登记日期”应为 项目=表头", bad.Error);
            Assert.Contains("已导入：新增 1", (await RunAsync(database, "application", "import", own, "--agency", "sample-town", "--map", "收到日期=登记日期", "--apply")).Out);
            Assert.Contains("预览：新增 0，修改 0，不变 1，拒绝 0", (await RunAsync(database, "application", "import", own, "--agency", "sample-town")).Out);
        }
        finally
        {
            File.Delete(own);
        }
        Assert.Contains("预览：新增 0，修改 0，不变 6，拒绝 0", (await RunAsync(database, "application", "import", Path.Combine(root, "ledger.xlsx"), "--agency", "sample-town")).Out);

        var items = await RunAsync(database, "item", "import", Path.Combine(root, "items.xlsx"), "--agency", "sample-town", "--files", Path.Combine(root, "samples"), "--apply");
        Assert.True(items.Exit == 0, items.Error);
        Assert.Contains("已导入：新增 3，修改 0，不变 0，拒绝 0", items.Out);
        await using (var db = Contexts.Open(database))
        {
            Assert.Equal(2, await db.InfoItems.CountAsync(i => i.Status == Domain.Disclosure.ItemStatus.Published));
        }

        var passwords = Path.Combine(Path.GetTempPath(), $"gongkai-passwords-{Guid.NewGuid():N}.txt");
        try
        {
            var users = await RunAsync(database, "user", "import", Path.Combine(root, "users.xlsx"), "--apply", "--passwords-file", passwords);
            Assert.True(users.Exit == 0, users.Error);
            Assert.Contains("5 个新账户的初始密码已写入", users.Out);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwords));
            }
            var line = File.ReadAllLines(passwords).Single(l => l.StartsWith("sample-town.clerk\t", StringComparison.Ordinal)).Split('\t');
            await using var db = Contexts.Open(database);
            var clerk = await db.StaffUsers.SingleAsync(u => u.UserName == "sample-town.clerk");
            Assert.Equal((PasswordVerificationResult.Success, true), (StaffAccounts.Verify(clerk, line[3]), clerk.MustChangePassword));
        }
        finally
        {
            File.Delete(passwords);
        }
    }

    /// <summary>
    /// <c>gongkai keys rotate</c>: a new key is appended to the key file and every sealed ID number
    /// moves to it; the number still opens under the file's keys, and the old key stays in the file.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task KeysRotate_AddsAKey_AndSealsEveryNumberAgainUnderIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var keyFile = Path.Combine(Path.GetTempPath(), $"gongkai-rotate-{Guid.NewGuid():N}.key");
        File.Copy(Contexts.KeyFile, keyFile);
        try
        {
            Assert.Equal(0, (await RunAsync(database, "--key-file", keyFile, "seed", "demo")).Exit);
            Assert.Equal(0, (await RunAsync(database, "--key-file", keyFile, "application", "register", "--agency", "qx-bsz", "--received", "2026-01-20", "--channel", "网络",
                "--name", "张三", "--id-number", "11010519491231002X", "--phone", "13812345678", "--description", "某信息")).Exit);
            var rotated = await RunAsync(database, "--key-file", keyFile, "keys", "rotate");
            Assert.True(rotated.Exit == 0, rotated.Error);
            var keys = Gongkai.Data.Protection.PersonalDataCipher.ReadKeys(keyFile);
            Assert.Equal(2, keys.Count);
            var cipher = new Gongkai.Data.Protection.PersonalDataCipher(keys);
            Assert.Contains($"新密钥 {cipher.CurrentKeyId}", rotated.Out);
            await using var db = Contexts.Open(database);
            var stored = await db.Applications.Where(a => a.IdNumber != null).Select(a => new { a.Description, IdNumber = a.IdNumber! }).ToListAsync();
            Assert.All(stored, a => Assert.StartsWith($"sm4:{cipher.CurrentKeyId}:", a.IdNumber));
            Assert.Equal("11010519491231002X", cipher.Open(stored.Single(a => a.Description == "某信息").IdNumber));
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SeedDemo_FillsAnEmptyDatabase_AndRefusesASecondTime(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await RunAsync(database, "seed", "demo");
        Assert.Equal(0, first.Exit);
        Assert.Contains("qx.supervisor", first.Out);
        await using (var db = Contexts.Open(database))
        {
            Assert.Equal(5, await db.Agencies.CountAsync());
            Assert.Equal(DemoData.Accounts.Count, await db.StaffUsers.CountAsync());
        }

        var second = await RunAsync(database, "seed", "demo");
        Assert.Equal(1, second.Exit);
        Assert.Contains("已有机构", second.Error);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UserAdd_CreatesAnAccountThatSignsIn_LoggedAsTheCommandLine(string provider)
    {
        await using var database = await DemoDatabases.CopyAsync(provider);

        var result = await RunAsync(database, "user", "add", "--agency", "qx-sqz", "--username", "sqz.reviewer2", "--name", "石桥镇 审核人二", "--role", "reviewer", "--password-stdin");

        Assert.Equal(0, result.Exit);
        await using var db = Contexts.Open(database);
        var user = await db.StaffUsers.SingleAsync(u => u.UserName == "sqz.reviewer2");
        Assert.Equal(Gongkai.Domain.Staff.StaffRole.Reviewer, user.Role);
        Assert.Equal((await db.Agencies.SingleAsync(a => a.ShortCode == "qx-sqz")).Id, user.AgencyId);
        Assert.NotEqual(PasswordVerificationResult.Failed, StaffAccounts.Verify(user, "Piped2026pw"));
        var entry = await db.AuditEntries.OrderBy(e => e.Id).LastAsync();
        Assert.Equal(("命令行", AuditActions.Created, user.AgencyId), (entry.ActorName, entry.Action, entry.AgencyId));
    }

    [Theory]
    [InlineData(new[] { "--agency", "nowhere", "--username", "a.b.c", "--name", "某", "--role", "clerk", "--password", "Good2026pw" }, "--agency")]
    [InlineData(new[] { "--agency", "qx", "--username", "a.b.c", "--name", "某", "--role", "king", "--password", "Good2026pw" }, "--role")]
    [InlineData(new[] { "--agency", "qx", "--username", "a.b.c", "--name", "某", "--role", "clerk", "--password", "short" }, "--password")]
    [InlineData(new[] { "--agency", "qx", "--username", "qx.clerk", "--name", "某", "--role", "clerk", "--password", "Good2026pw" }, "--username")]
    [InlineData(new[] { "--agency", "qx", "--username", "Not Valid", "--name", "某", "--role", "clerk", "--password", "Good2026pw" }, "--username")]
    public async Task UserAdd_WithBadInput_NamesTheOption_ExitsWith1_AndAddsNoOne(string[] options, string named)
    {
        await using var database = await DemoDatabases.CopyAsync("sqlite");

        var result = await RunAsync(database, ["user", "add", .. options]);

        Assert.Equal(1, result.Exit);
        Assert.StartsWith($"错误：{named}", result.Error);
        await using var db = Contexts.Open(database);
        Assert.Equal(DemoData.Accounts.Count, await db.StaffUsers.CountAsync());
    }

    [Fact]
    public async Task DbBackup_WritesAConsistentCopy_AndNeverOverwrites()
    {
        await using var database = await DemoDatabases.CopyAsync("sqlite");
        var target = Path.Combine(Path.GetTempPath(), $"gongkai-backup-{Guid.NewGuid():N}.db");
        try
        {
            var result = await RunAsync(database, "db", "backup", target);
            Assert.Equal(0, result.Exit);
            await using (var copy = new SqliteConnection($"Data Source={target};Pooling=False"))
            {
                await copy.OpenAsync();
                await using var command = copy.CreateCommand();
                command.CommandText = "SELECT (SELECT COUNT(*) FROM agencies) || '/' || (SELECT COUNT(*) FROM staff_users) || '/' || (SELECT MAX(version) FROM schema_version)";
                Assert.Equal($"5/{DemoData.Accounts.Count}/{SchemaMigrator.LatestVersion(DatabaseProvider.Sqlite)}", await command.ExecuteScalarAsync());
            }
            var again = await RunAsync(database, "db", "backup", target);
            Assert.Equal(1, again.Exit);
            Assert.Contains("不会覆盖", again.Error);
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public async Task DbBackup_OnPostgres_PointsToPgDump()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await GongkaiCommand.RunAsync(["--provider", "postgres", "--connection", "Host=127.0.0.1;Database=x", "db", "backup", "/tmp/x.db"], stdout, stderr, TextReader.Null);
        Assert.Equal(1, exit);
        Assert.Contains("pg_dump", stderr.ToString());
    }

    [Fact]
    public async Task AnUnknownProvider_ExitsWith1_NamingTheValidValues()
    {
        var stderr = new StringWriter();
        var exit = await GongkaiCommand.RunAsync(["--provider", "oracle", "db", "migrate"], new StringWriter(), stderr, TextReader.Null);
        Assert.Equal(1, exit);
        Assert.Contains("sqlite, postgres", stderr.ToString());
    }
}
