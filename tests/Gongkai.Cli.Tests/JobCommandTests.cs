using Gongkai.Data.Mail;
using Gongkai.Domain.Notifications;
using Gongkai.Domain.Reports;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Tests;

/// <summary><c>gongkai jobs run reminders --date …</c> on a fixed day before the Spring Festival, worked by hand.</summary>
public sealed class JobCommandTests
{
    private static async Task<(int Exit, string Out, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await GongkaiCommand.RunAsync(["--provider", database.ProviderName, "--connection", database.ConnectionString, .. args], stdout, stderr, TextReader.Null);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static async Task<string> RegisterAsync(TestDatabase database, string received)
    {
        var result = await RunAsync(database, "application", "register", "--agency", "qx-bsz", "--received", received, "--channel", "网络",
            "--name", "张三", "--id-number", "11010519491231002X", "--phone", "13812345678", "--description", "道路建设项目招标文件");
        Assert.Equal(0, result.Exit);
        return result.Out.Split('\n')[0].Trim();
    }

    [Fact]
    public async Task Reminders_On12February2026_ListTheOverdueAndTheDueWithinThreeWorkingDays_AndTheDepartmentsWithoutAReport()
    {
        await using var database = await DemoDatabases.CopyAsync("sqlite");
        // Received Fri 9 Jan: due Fri 6 Feb, four working days overdue on Thu 12 Feb.
        var overdue = await RegisterAsync(database, "2026-01-09");
        // Received Tue 20 Jan: due Tue 24 Feb — Fri 13, Sat 14 (worked), then the holiday to 23 Feb: 3 working days left.
        var dueSoon = await RegisterAsync(database, "2026-01-20");
        // Received Wed 21 Jan: due Wed 25 Feb, the fourth working day: listed with the rest of the open work, not yet due soon.
        var later = await RegisterAsync(database, "2026-01-21");
        await using (var db = Contexts.Open(database))
        {
            // The demo gives every account an address; here only these three read mail.
            await db.StaffUsers.ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, (string?)null));
            await db.StaffUsers.Where(u => u.UserName == "bsz.clerk").ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, "clerk@bsz.example.gov.cn"));
            await db.StaffUsers.Where(u => u.UserName == "bsz.reviewer").ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, "reviewer@bsz.example.gov.cn").SetProperty(x => x.DigestsOff, true));
            await db.StaffUsers.Where(u => u.UserName == "qx.supervisor").ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, "wang@qx.example.gov.cn"));
            // The demo published every 2025 report; here the finance bureau's and 石桥镇's are still drafts and 白沙镇's is submitted with errors.
            await db.AnnualReports.Where(r => r.Year == 2025 && (r.AgencyId == db.Agencies.Single(a => a.ShortCode == "qx-czj").Id || r.AgencyId == db.Agencies.Single(a => a.ShortCode == "qx-sqz").Id))
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReportStatus.Draft));
            await db.AnnualReports.Where(r => r.Year == 2025 && r.AgencyId == db.Agencies.Single(a => a.ShortCode == "qx-bsz").Id)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReportStatus.Submitted).SetProperty(x => x.ErrorCount, 2));
        }

        var run = await RunAsync(database, "jobs", "run", "reminders", "--date", "2026-02-12");

        Assert.Equal(0, run.Exit);
        Assert.Contains("写入每日待办提醒 1 封、年度报告报送提醒 1 封", run.Out);
        await using var check = Contexts.Open(database);
        var mails = await check.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        var digest = Assert.Single(mails, m => m.Kind == MessageKind.StaffDigest);
        Assert.Equal("clerk@bsz.example.gov.cn", digest.Recipient);
        Assert.Contains($"{overdue}，答复期限 2026-02-06（已逾期 4 个工作日）", digest.TextBody);
        Assert.Contains($"{dueSoon}，答复期限 2026-02-24（剩余 3 个工作日）", digest.TextBody);
        Assert.Contains($"{later}，答复期限 2026-02-25（剩余 4 个工作日），办理中，下一步：答复", digest.TextBody);
        Assert.Contains("已逾期 1 件，3 个工作日内到期 1 件", digest.TextBody);
        var warning = Assert.Single(mails, m => m.Kind == MessageKind.ReportWarning);
        Assert.Equal("wang@qx.example.gov.cn", warning.Recipient);
        // The departments' date, 31 January 2026, was a Saturday: counted from Friday 30 January, 2–6 and 9–12 February have passed.
        Assert.Contains("财政局：法定期限 2026-01-31，最后一个工作日 2026-01-30，已超过期限 9 个工作日", warning.TextBody);
        // 石桥镇 is a town: 31 March. Left on 12 February: 13, 14, 24–27, 28 (worked), then March's 22 working days to the 31st.
        Assert.Contains("石桥镇人民政府：法定期限 2026-03-31，最后一个工作日 2026-03-31，剩余 29 个工作日（草稿）", warning.TextBody);
        Assert.Contains("白沙镇人民政府：2 项错误", warning.TextBody);
        Assert.DoesNotContain("自然资源局", warning.TextBody);

        var again = await RunAsync(database, "jobs", "run", "reminders", "--date", "2026-02-12");
        Assert.Contains("写入每日待办提醒 0 封、年度报告报送提醒 0 封", again.Out);
    }

    [Fact]
    public async Task AnUnknownJob_IsAClearError()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var result = await RunAsync(database, "jobs", "run", "backup");
        Assert.Equal(1, result.Exit);
        Assert.Contains("没有名为“backup”的任务；可用：reminders、outbox", result.Error);
    }
}
