using Gongkai.Domain.Calendar;
namespace Gongkai.Cli.Tests;

public sealed class ApplicationCommandTests
{
    private static async Task<(int Exit, string[] Lines, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await GongkaiCommand.RunAsync(args, new CliIo(stdout, stderr, TextReader.Null, () => Stream.Null));
        return (exit, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray(), stderr.ToString());
    }

    [Theory]
    [InlineData(new[] { "--received", "2020-01-20" }, "2020-02-25")]
    [InlineData(new[] { "--received", "2019-05-14" }, "2019-06-04")]
    [InlineData(new[] { "--received", "2019-05-14", "--rules", "2019" }, "2019-06-12")]
    [InlineData(new[] { "--received", "2023-03-01", "--supplement-received", "2023-03-10" }, "2023-04-10")]
    [InlineData(new[] { "--received", "2023-03-01", "--consultation", "2023-03-06..2023-03-20" }, "2023-04-14")]
    [InlineData(new[] { "--received", "2023-03-01", "--extension", "20" }, "2023-04-26")]
    public async Task Deadline_PrintsTheDueDateAloneOnItsFirstLine_ThenTheExplanation(string[] options, string due)
    {
        var result = await RunAsync(["deadline", .. options]);
        Assert.Equal(0, result.Exit);
        Assert.Equal(due, result.Lines[0]);
        Assert.Equal($"答复期限：{due}。", result.Lines[^1]);
    }

    [Theory]
    [InlineData(new[] { "--received", "2023-3-1" }, "--received 应为 YYYY-MM-DD")]
    [InlineData(new[] { "--received", "2023-03-01", "--extension", "25" }, "最长 20 个工作日")]
    [InlineData(new[] { "--received", "2023-03-01", "--consultation", "2023-03-06" }, "--consultation 应为 FROM..TO")]
    public async Task Deadline_BadInput_IsAClearError(string[] options, string message)
    {
        var result = await RunAsync(["deadline", .. options]);
        Assert.Equal(1, result.Exit);
        Assert.Contains(message, result.Error);
    }

    [Theory]
    [InlineData("2026-12-20", "2027-01-18")]   // 20 working days from 21 Dec; 1 Jan 2027 off by statute
    [InlineData("2027-12-20", "2028-01-18")]   // a year with no notice at all, into another
    public async Task Deadline_IntoAYearWithoutItsNotice_PrintsADate_MarkedProvisional(string received, string due)
    {
        var result = await RunAsync("--provider", "sqlite", "--connection", $"Data Source={Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}", "none.db")}",
            "deadline", "--received", received);
        Assert.Equal(0, result.Exit);
        Assert.Equal(due, result.Lines[0]);
        Assert.Contains(result.Lines, l => l.StartsWith("暂定：", StringComparison.Ordinal));
        Assert.Equal($"答复期限：{due}（暂定）。", result.Lines[^2]);
    }

    [Fact]
    public async Task Deadline_UsesTheScheduleLoadedIntoTheDatabase()
    {
        await using var database = await Gongkai.Tests.TestDatabase.CreateAsync("sqlite");
        var file = Path.Combine(Path.GetTempPath(), $"schedule-{Guid.NewGuid():N}.csv");
        try
        {
            // A made-up 2027 notice that gives 4–8 January off as well: the site and the CLI both move the date.
            File.WriteAllText(file, HolidayNotice.Template(2027) + "2027-01-04,true,元旦\n2027-01-05,true,元旦\n2027-01-06,true,元旦\n2027-01-07,true,元旦\n2027-01-08,true,元旦\n");
            string[] db = ["--provider", "sqlite", "--connection", database.ConnectionString];
            Assert.Equal(0, (await RunAsync([.. db, "calendar", "import", file, "--year", "2027"])).Exit);
            var result = await RunAsync([.. db, "deadline", "--received", "2026-12-20"]);
            Assert.Equal(0, result.Exit);
            Assert.Equal("2027-01-25", result.Lines[0]);
            Assert.DoesNotContain(result.Lines, l => l.Contains("暂定", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(new[] { "--pages", "2219" }, "83460")]
    [InlineData(new[] { "--pages", "30" }, "0")]
    [InlineData(new[] { "--request-number", "11" }, "100")]
    [InlineData(new[] { "--request-number", "31" }, "200")]
    public async Task Fee_PrintsTheAmountInYuanAloneOnItsFirstLine(string[] options, string amount)
    {
        var result = await RunAsync(["fee", .. options]);
        Assert.Equal(0, result.Exit);
        Assert.Equal(amount, result.Lines[0]);
        Assert.True(result.Lines.Length >= 2);
    }

    [Fact]
    public async Task Fee_TakesExactlyOneMethod()
    {
        var both = await RunAsync("fee", "--pages", "40", "--request-number", "3");
        Assert.Equal(1, both.Exit);
        Assert.Contains("只能选择一种计收方式", both.Error);
    }
}

public sealed class CalendarCommandTests
{
    [Fact]
    public async Task CalendarImport_LoadsAVersionedSchedule_AndRefusesAWrongOne()
    {
        await using var database = await Gongkai.Tests.TestDatabase.CreateAsync("sqlite");
        var file = Path.Combine(Path.GetTempPath(), $"schedule-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(file, HolidayNotice.Template(2027));
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            string[] common = ["--provider", "sqlite", "--connection", database.ConnectionString, "calendar", "import", file, "--year"];
            Assert.Equal(0, await GongkaiCommand.RunAsync([.. common, "2027"], new CliIo(stdout, stderr, TextReader.Null, () => Stream.Null)));
            Assert.Contains("已载入 2027 年节假日安排第 1 版", stdout.ToString());

            var refused = await GongkaiCommand.RunAsync([.. common, "2028"], new CliIo(stdout, stderr, TextReader.Null, () => Stream.Null));
            Assert.Equal(1, refused);
            Assert.Contains("其他年份的日期", stderr.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
