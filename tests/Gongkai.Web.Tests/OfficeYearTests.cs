using System.Net;
using Gongkai.Data;
using Gongkai.Data.Calendar;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// A real office's year: applications taken on every date (deadlines past the last loaded holiday
/// notice are provisional, never refused), the notice loaded later, the demo started on any date.
/// </summary>
public sealed class OfficeYearTests
{
    /// <summary>Sunday 6 December 2026, 10:00 in Beijing: the shipped schedules end with 2026.</summary>
    private static readonly DateTimeOffset December6 = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Applicant(string name, string description) => new()
    {
        ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = name, ["Form.IdNumber"] = "11010519491231002X", ["Form.Phone"] = "13800138000",
        ["Form.Description"] = description, ["Form.FormWanted"] = "电子邮件",
    };

    [Fact]
    public async Task On6December2026_WithNo2027Notice_ACitizenAndAWalkInApply_ProvisionallyDated_ThenTheNoticeMovesTheDates()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", now: December6);
        using var citizen = app.NewVisitor();
        var form = await citizen.GetAsync("/agency/qx-bsz/apply");
        Assert.Contains(ReceiptRules.For(Channel.Online), form.Text);
        var submitted = await citizen.SubmitAsync("/agency/qx-bsz/apply", Applicant("张三", "2026年道路建设项目招标文件"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        var confirmation = await citizen.GetAsync(submitted.Location!);
        // Received Sunday 6 Dec (the day of submission, Art. 31(三) as the platform confirms at once):
        // 7–11, 14–18, 21–25, 28–31 Dec are 19 working days; 1 Jan off by statute; Mon 4 Jan is the 20th.
        Assert.Contains("2027年1月4日（暂定）", confirmation.Text);
        Assert.Contains("暂定：国务院办公厅2027年节假日安排尚未载入", confirmation.Text);
        Assert.Contains("收到申请之日：2026年12月6日", confirmation.Text);
        var strongs = confirmation.Document.QuerySelectorAll(".notice strong").Select(s => s.TextContent).ToList();
        var (tracking, code) = (strongs[0], strongs[1]);

        var tracked = await citizen.SubmitAsync("/track", new Dictionary<string, string?> { ["TrackingNumber"] = tracking, ["Code"] = code });
        Assert.Contains("2027-01-04（暂定）", tracked.Text);
        Assert.Contains(ReceiptRules.For(Channel.Online), tracked.Text);

        using var clerk = await app.SignedInAsync("bsz.clerk");
        var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>(Applicant("李四", "白沙镇2026年农村低保资金发放名单"))
        {
            ["AgencyId"] = (await app.AgencyAsync("qx-bsz")).Id.ToString(), ["Channel"] = "InPerson", ["Received"] = "2026-12-04",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        var details = await clerk.GetAsync(registered.Location!);
        Assert.Contains("（暂定）", details.Text);

        // The dashboard lists every open case with its applicant, subject, next step and days left.
        var dashboard = await clerk.GetAsync("/console");
        var rows = dashboard.Document.QuerySelectorAll("table[aria-label=未办结的申请] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains(tracking) && r.Contains("张三") && r.Contains("2026年道路建设项目招标文件") && r.Contains("答复") && r.Contains("2027-01-04（暂定）"));
        Assert.Contains(rows, r => r.Contains("李四") && r.Contains("白沙镇2026年农村低保资金发放名单"));
        Assert.DoesNotContain("今天没有待办事项", dashboard.Text);
        // The system admin is told next year's notice is missing.
        using var sysadmin = await app.SignedInAsync("sysadmin");
        Assert.Contains("2027 年节假日安排尚未载入", (await sysadmin.GetAsync("/console")).Text);
        // The agency's admin is told too, but loading it is the system admin's: no link that answers 403 (the form fuzz's crawl met one).
        using (var agencyAdmin = await app.SignedInAsync("bsz.admin"))
        {
            var page = await agencyAdmin.GetAsync("/console");
            Assert.Contains("2027 年节假日安排尚未载入", page.Text);
            Assert.Contains("由系统管理员在“工作日历”中载入", page.Text);
            Assert.Empty(page.Document.QuerySelectorAll("a[href='/console/calendar']"));
            Assert.Equal(HttpStatusCode.Forbidden, (await agencyAdmin.GetAsync("/console/calendar")).Status);
        }

        // The notice arrives (made up here: 4 January off too): every open deadline moves, audited, and the mark goes.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            db.Actor.Set(null, "测试");
            var result = await scope.ServiceProvider.GetRequiredService<WorkingCalendars>().ImportAsync(db, 2027,
                HolidayNotice.Template(2027) + "2027-01-04,true,元旦\n", "测试", app.Clock);
            Assert.Equal(2, result.ApplicationsMoved);
        }
        var moved = await app.QueryAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.TrackingNumber == tracking));
        Assert.Equal(new DateOnly(2027, 1, 5), moved.DueDate);
        var audited = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "DisclosureApplication" && e.Changes.Contains("载入 2027 年节假日安排")).CountAsync());
        Assert.True(audited >= 2);
        var after = await citizen.SubmitAsync("/track", new Dictionary<string, string?> { ["TrackingNumber"] = tracking, ["Code"] = code });
        Assert.Contains("2027-01-05", after.Text);
        Assert.DoesNotContain("暂定", after.Text);
    }

    [Theory]
    [InlineData(2026, 12, 28)]
    [InlineData(2027, 12, 30)]
    [InlineData(2027, 1, 5)]
    public async Task TheDemo_StartsFullySeeded_OnAnyDate(int year, int month, int day)
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string> { ["Demo:Applications"] = "true", ["Demo:StaffMail"] = "true" },
            now: new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero));
        var (agencies, users, withMail, queue, reports) = await app.QueryAsync(async db => (
            await db.Agencies.CountAsync(), await db.StaffUsers.CountAsync(), await db.StaffUsers.CountAsync(u => u.Email != null),
            await db.Applications.CountAsync(a => a.Status != CaseStatus.Replied && a.Status != CaseStatus.Closed),
            await db.AnnualReports.CountAsync()));
        Assert.Equal((5, Gongkai.Data.Demo.DemoData.Accounts.Count, Gongkai.Data.Demo.DemoData.Accounts.Count), (agencies, users, withMail));
        Assert.Equal(4, queue);           // each town: two cases in progress
        Assert.Equal(10, reports);        // two years for each of the five agencies
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var dashboard = await clerk.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Equal(2, dashboard.Document.QuerySelectorAll("table[aria-label=未办结的申请] tbody tr").Length);
        // Nothing is published in the future: early in January last year's reports are still drafts.
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddHours(8));
        Assert.All(await app.QueryAsync(db => db.AnnualReports.AsNoTracking().ToListAsync()), r => Assert.True(r.PublishedOn is null || r.PublishedOn <= today));
    }

    [Fact]
    public async Task TheSupervisorsDashboard_ListsEveryAgencyBelowPastArticle49sDate()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var bureau = await app.AgencyAsync("qx-czj");
        var town = await app.AgencyAsync("qx-sqz");
        await app.QueryAsync(db => db.AnnualReports.Where(r => r.Year == 2025 && (r.AgencyId == bureau.Id || r.AgencyId == town.Id))
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, Gongkai.Domain.Reports.ReportStatus.Draft)));
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        // 2 March 2026: the bureau (a department, 31 January) is late; the town (31 March) is not yet.
        var text = (await supervisor.GetAsync("/console")).Text;
        Assert.Contains("个下级机关逾期未公布 2025 年度报告（条例第四十九条）：青溪县财政局", text);
        Assert.DoesNotContain("石桥镇人民政府", text.Split("逾期未公布")[1].Split('\n')[0]);
    }
}
