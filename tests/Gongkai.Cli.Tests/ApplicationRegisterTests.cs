using Gongkai.Domain.Applications;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Tests;

/// <summary><c>gongkai application register</c>: a paper application entered from a terminal, on the same code as the console's registration.</summary>
public sealed class ApplicationRegisterTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static async Task<(int Exit, string[] Lines, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await GongkaiCommand.RunAsync(["--provider", database.ProviderName, "--connection", database.ConnectionString, .. args], stdout, stderr, TextReader.Null);
        return (exit, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), stderr.ToString());
    }

    private static readonly string[] Zhang =
        ["--name", "张三", "--id-number", "11010519491231002X", "--phone", "13812345678", "--description", "2025年白沙镇道路建设项目招标文件"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_PrintsTheTrackingNumberAndTheDeadline_AndStoresTheApplication(string provider)
    {
        await using var database = await DemoDatabases.CopyAsync(provider);

        var result = await RunAsync(database, ["application", "register", "--agency", "qx-bsz", "--received", "2026-01-20", "--channel", "网络", .. Zhang]);

        Assert.Equal(0, result.Exit);
        Assert.Matches(@"^20260120\d{9}$", result.Lines[0]);
        // 20 working days from Tuesday 2026-01-20: 01-21…02-13 are 18, Saturday 02-14 is worked (19),
        // 02-15…02-23 are the Spring Festival holiday, so the 20th is Tuesday 02-24.
        Assert.Equal("2026-02-24", result.Lines[1]);
        Assert.StartsWith("查询码 ", result.Lines[2]);
        await using var db = Contexts.Open(database);
        var stored = await db.Applications.SingleAsync(a => a.TrackingNumber == result.Lines[0]);
        Assert.Equal((Channel.Online, new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 24), "张三", CaseStatus.InProgress),
            (stored.Channel, stored.Received, stored.DueDate, stored.ApplicantName, stored.Status));
        Assert.Equal("qx-bsz", await db.Agencies.Where(a => a.Id == stored.AgencyId).Select(a => a.ShortCode).SingleAsync());
    }

    [Theory]
    [InlineData(new[] { "--agency", "nowhere", "--channel", "网络" }, "--agency：没有简码为“nowhere”的机关")]
    [InlineData(new[] { "--agency", "qx-bsz", "--channel", "飞鸽" }, "--channel 应为 当面提交、邮寄（需签收）、平常信函、传真、网络、其他 之一")]
    [InlineData(new[] { "--agency", "qx-bsz", "--channel", "邮寄", "--received", "2026-13-01" }, "--received 应为 YYYY-MM-DD")]
    public async Task Register_BadInput_IsAClearError_AndStoresNothing(string[] options, string message)
    {
        await using var database = await DemoDatabases.CopyAsync("sqlite");
        var before = await CountAsync(database);

        var result = await RunAsync(database, ["application", "register", .. options, .. Zhang]);

        Assert.Equal(1, result.Exit);
        Assert.Contains(message, result.Error);
        Assert.Equal(before, await CountAsync(database));
    }

    [Fact]
    public async Task Register_AWrongIdNumber_IsRefusedByTheSameRuleAsTheForms()
    {
        await using var database = await DemoDatabases.CopyAsync("sqlite");

        var result = await RunAsync(database, "application", "register", "--agency", "qx-bsz", "--channel", "当面", "--received", "2026-01-20",
            "--name", "张三", "--id-number", "110105194912310021", "--phone", "13812345678", "--description", "某信息");

        Assert.Equal(1, result.Exit);
        Assert.Contains("--id-number：身份证号码不正确", result.Error);
    }

    /// <summary>
    /// Issue 25: <c>--name $'王\x0b五\x01'</c> was stored, and every letter to the applicant then
    /// carried characters no document can hold. Refused before anything runs, naming the option;
    /// the use case refuses them too for any other front end (Applicant.Problems).
    /// </summary>
    [Fact]
    public async Task Register_AControlCharacterInAnyOption_IsRefusedNamingIt_AndStoresNothing()
    {
        await using var database = await DemoDatabases.CopyAsync("sqlite");
        var before = await CountAsync(database);

        var result = await RunAsync(database, "application", "register", "--agency", "qx-bsz", "--channel", "当面", "--received", "2026-01-20",
            "--name", "王\u000b五\u0001", "--id-number", "11010519491231002X", "--phone", "13812345678", "--description", "某信息");

        Assert.Equal(1, result.Exit);
        Assert.Contains("--name 中有无法保存的控制字符", result.Error);
        Assert.Equal(before, await CountAsync(database));
        var applicant = new Applicant(ApplicantKind.NaturalPerson, "王\u000b五", "11010519491231002X", "13812345678", null, null, "某信息", Applicant.Forms[0]);
        Assert.Contains(applicant.Problems(), p => p.Field == nameof(Applicant.Name) && p.Message.Contains("控制字符", StringComparison.Ordinal));
    }

    private static async Task<int> CountAsync(TestDatabase database)
    {
        await using var db = Contexts.Open(database);
        return await db.Applications.CountAsync();
    }
}
