using System.Net;
using Gongkai.Data;
using Gongkai.Data.Applications;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>Paper applications registered by a clerk, and the report's application table counted from the records.</summary>
public sealed class ApplicationRecordsTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static Dictionary<string, string?> Paper(string received, string kind = "NaturalPerson") => new()
    {
        ["Channel"] = "Post", ["Received"] = received,
        ["Form.Kind"] = kind, ["Form.Name"] = kind == "NaturalPerson" ? "李四" : "青溪某某有限公司", ["Form.IdNumber"] = kind == "NaturalPerson" ? "11010519491231002X" : null,
        ["Form.Phone"] = "0571-86041234", ["Form.Description"] = "2025年白沙镇道路建设项目招标文件", ["Form.FormWanted"] = "邮寄纸质件",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheApplicationTable_IsCountedFromTheRecords_AndPassesItsChecks(string provider)
    {
        await using var app = await GongkaiApp.StartAsync(provider);
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var first = await clerk.SubmitAsync("/console/applications/new", Paper("2026-01-05"));
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        await clerk.SubmitAsync(first.Location!, new Dictionary<string, string?> { ["Kind"] = "Reply", ["Date"] = "2026-01-20", ["Reply"] = "Granted", ["Reason"] = "予以公开，已邮寄" });
        var appealed = await clerk.SubmitAsync(first.Location!, new Dictionary<string, string?> { ["NewAppeal.Kind"] = "Reconsideration", ["NewAppeal.Filed"] = "2026-02-01", ["NewAppeal.Body"] = "青溪县人民政府" }, handler: "Appeal");
        Assert.Equal(HttpStatusCode.Redirect, appealed.Status);
        var appealId = await app.QueryAsync(db => db.Appeals.Select(a => a.Id).SingleAsync());
        var decided = await clerk.SubmitAsync(first.Location!, new Dictionary<string, string?> { ["Decision.AppealId"] = appealId.ToString(), ["Decision.Decided"] = "2026-02-20", ["Decision.Result"] = "Upheld" }, handler: "Decision");
        Assert.Equal(HttpStatusCode.Redirect, decided.Status);
        var second = await clerk.SubmitAsync("/console/applications/new", Paper("2026-02-10", "Commercial"));
        Assert.Equal(HttpStatusCode.Redirect, second.Status);

        using var admin = await app.SignedInAsync("bsz.admin");
        var created = await admin.SubmitAsync("/console/reports/new", new Dictionary<string, string?> { ["Year"] = "2026" });
        var edit = created.Location!;
        var filled = await admin.SubmitAsync(edit, new Dictionary<string, string?>(), handler: "FromRecords");
        Assert.Equal(HttpStatusCode.Redirect, filled.Status);

        var id = int.Parse(edit.Split('/')[3]);
        var report = ReportJson.Read((await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Content);
        decimal? Cell(string row, string column) => report.Values.Number(new CellKey("requests", row, column));
        Assert.Equal((1m, 1m, 2m), (Cell("new", "natural")!.Value, Cell("new", "commercial")!.Value, Cell("new", "total")!.Value));
        Assert.Equal((1m, 1m), (Cell("granted", "natural")!.Value, Cell("results_total", "total")!.Value));
        Assert.Equal(1m, Cell("carried_forward", "commercial"));
        Assert.Equal((1m, 1m, 0m), (report.Values.Number(new CellKey("appeals", "cases", "reconsideration.upheld"))!.Value,
            report.Values.Number(new CellKey("appeals", "cases", "reconsideration.total"))!.Value, report.Values.Number(new CellKey("appeals", "cases", "litigation.direct.total"))!.Value));
        Assert.DoesNotContain(report.Check(), v => v.Severity == Severity.Error && (v.CheckCode.StartsWith("requests", StringComparison.Ordinal) || v.CheckCode.StartsWith("appeals", StringComparison.Ordinal)));
        // The demo town's normative documents: one in force (made in 2025), one repealed in 2025; none made in 2026.
        decimal? Proactive(string column) => report.Values.Number(new CellKey("proactive", "normative", column));
        Assert.Equal((0m, 0m, 1m), (Proactive("issued")!.Value, Proactive("repealed")!.Value, Proactive("in_force")!.Value));
        // The narrative is drafted from the same figures, ready to edit.
        // The demo's 2025 report (made from its records; this test's demo has no applications) counted none.
        Assert.StartsWith("2026年，本机关新收政府信息公开申请 2 件，上年为 0 件，其中自然人提出 1 件、法人或者其他组织提出 1 件；上年结转 0 件。", report.Parts.Single(p => p.Code == "requests").Text);
    }

    [Fact]
    public async Task ARegeneratedTable_LeavesTheTextSayingOtherFigures_AnErrorWithAnOfferToRedraft()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        await clerk.SubmitAsync("/console/applications/new", Paper("2026-01-05"));
        await clerk.SubmitAsync("/console/applications/new", Paper("2026-02-10", "Commercial"));
        using var admin = await app.SignedInAsync("bsz.admin");
        var edit = (await admin.SubmitAsync("/console/reports/new", new Dictionary<string, string?> { ["Year"] = "2026" })).Location!;
        await admin.SubmitAsync(edit, new Dictionary<string, string?>(), handler: "FromRecords");
        Assert.Null((await admin.GetAsync(edit)).Document.QuerySelector("#redraft"));

        // A third application, and the table generated again: the written text keeps saying 2.
        await clerk.SubmitAsync("/console/applications/new", Paper("2026-02-20"));
        await admin.SubmitAsync(edit, new Dictionary<string, string?>(), handler: "FromRecords");
        var page = await admin.GetAsync(edit);
        var results = page.Document.QuerySelector("#check-results")!.TextContent;
        Assert.Contains("所述收到的政府信息公开申请数为 2，而表格“一、本年新收政府信息公开申请数量”填报 3", results);
        Assert.Contains("所述结转下年度继续办理的申请数为 2，而表格“四、结转下年度继续办理”填报 3", results);
        var offer = page.Document.QuerySelector("#redraft")!;
        Assert.Contains("按表格重拟正文", offer.TextContent);
        Assert.Contains("三、收到和处理政府信息公开申请情况", offer.TextContent);

        var redrafted = await admin.SubmitAsync(edit, new Dictionary<string, string?>(), handler: "Redraft");
        Assert.Equal(HttpStatusCode.Redirect, redrafted.Status);
        var id = int.Parse(edit.Split('/')[3]);
        var report = ReportJson.Read((await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Content);
        Assert.StartsWith("2026年，本机关新收政府信息公开申请 3 件", report.Parts.Single(p => p.Code == "requests").Text);
        Assert.DoesNotContain(report.Check(), v => v.CheckCode.StartsWith("text.", StringComparison.Ordinal));
        Assert.Null((await admin.GetAsync(edit)).Document.QuerySelector("#redraft"));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Changes.Contains("按表格重拟正文"))));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AGeneratedFigure_ListsTheRecordsItCounts_AndAChangedOneAsksForTheReason(string provider)
    {
        await using var app = await GongkaiApp.StartAsync(provider);
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var first = (await clerk.SubmitAsync("/console/applications/new", Paper("2026-01-05"))).Location!;
        await clerk.SubmitAsync(first, new Dictionary<string, string?> { ["Kind"] = "Reply", ["Date"] = "2026-01-20", ["Reply"] = "Granted", ["Reason"] = "予以公开，已邮寄" });
        await clerk.SubmitAsync("/console/applications/new", Paper("2026-02-10", "Commercial"));
        var numbers = await app.QueryAsync(db => db.Applications.OrderBy(a => a.Id).Select(a => a.TrackingNumber).ToListAsync());

        using var admin = await app.SignedInAsync("bsz.admin");
        var edit = (await admin.SubmitAsync("/console/reports/new", new Dictionary<string, string?> { ["Year"] = "2026" })).Location!;
        await admin.SubmitAsync(edit, new Dictionary<string, string?>(), handler: "FromRecords");
        var id = int.Parse(edit.Split('/')[3]);

        // Every counted figure links to its records on the report page.
        var details = await admin.GetAsync($"/console/reports/{id}");
        var links = details.Document.QuerySelectorAll("a.origin-records").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains($"/console/reports/{id}/cell?key=requests%2Fnew%2Ftotal", links);
        async Task<List<string>> Listed(string key) =>
            (await admin.GetAsync($"/console/reports/{id}/cell?key={Uri.EscapeDataString(key)}")).Document.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(numbers, await Listed("requests/new/total"));
        Assert.Equal([numbers[0]], await Listed("requests/granted/natural"));
        Assert.Equal([numbers[1]], await Listed("requests/carried_forward/commercial"));
        Assert.Empty(await Listed("requests/carried_over/total"));
        Assert.Single(await Listed("proactive/normative/in_force"));
        var typed = await admin.GetAsync($"/console/reports/{id}/cell?key={Uri.EscapeDataString("proactive/licensing/decisions")}");
        Assert.Contains("此项不能由本系统的办理记录统计", typed.Text);

        // Changed by hand: the page shows what the records gave and asks why; the reason clears the warning.
        var changed = await admin.SubmitAsync(edit, new Dictionary<string, string?> { ["Cells[requests/new/natural]"] = "2", ["Cells[requests/new/total]"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var page = await admin.GetAsync(edit);
        Assert.Equal("记录为 2", page.Document.QuerySelector("a.origin-changed[href*='requests%2Fnew%2Ftotal']")!.TextContent);
        Assert.Contains("一、本年新收政府信息公开申请数量（总计）：办理记录统计为 2，现填 3", page.Document.QuerySelector("#check-results")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("input[name='Notes[requests/new/total]']"));
        await admin.SubmitAsync(edit, new Dictionary<string, string?>
        {
            ["Notes[requests/new/total]"] = "一件当面咨询后补录为申请", ["Notes[requests/new/natural]"] = "同上", ["Notes[proactive/licensing/decisions]"] = "县行政审批局系统导出",
        });
        var report = ReportJson.Read((await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Content);
        Assert.DoesNotContain(report.Check(), v => v.CheckCode == "sources.changed");
        Assert.Equal("县行政审批局系统导出", report.Sources.NoteOf(new CellKey("proactive", "licensing", "decisions")));
        Assert.Contains("一件当面咨询后补录为申请", (await admin.GetAsync($"/console/reports/{id}")).Document.QuerySelector(".annual-report")!.TextContent);

        // Another town's staff cannot look into these records.
        using var other = await app.SignedInAsync("sqz.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/console/reports/{id}/cell?key=requests%2Fnew%2Ftotal")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/console/reports/{id}/cell?key=requests%2Fnope%2Ftotal")).Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ARecordOfASubmittedYear_IsCorrectedOnlyWithAReason_ThatTheReportAndTheSupervisorSee(string provider)
    {
        await using var app = await GongkaiApp.StartAsync(provider);
        using var clerk = await app.SignedInAsync("bsz.clerk");
        // The town's 2025 report is published: a letter of December 2025 registered now is accepted — an
        // application is never refused for the report's sake — and flagged as a late record of 2025.
        var late = await clerk.SubmitAsync("/console/applications/new", Paper("2025-12-15"));
        Assert.Equal(HttpStatusCode.Redirect, late.Status);
        var tracking = await app.QueryAsync(db => db.Applications.Where(a => a.Received == new DateOnly(2025, 12, 15)).Select(a => a.TrackingNumber).SingleAsync());
        var flagged = Assert.Single(await app.QueryAsync(db => db.RecordCorrections.AsNoTracking().ToListAsync()));
        Assert.Equal((2025, RecordLock.LateRecordReason(2025), "申请 " + tracking), (flagged.Year, flagged.Reason, flagged.RecordName));

        // A reply dated in 2025 would change 2025's figures (answered instead of carried forward): only with a reason.
        var refused = await clerk.SubmitAsync(late.Location!, new Dictionary<string, string?> { ["Kind"] = "Reply", ["Date"] = "2025-12-30", ["Reply"] = "Granted", ["Reason"] = "予以公开" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("会改变已报送上级的 2025 年度报告中的数字", refused.Summary);
        Assert.NotNull(refused.Document.QuerySelector("textarea[name=CorrectionReason]"));
        var corrected = await clerk.SubmitAsync(late.Location!, new Dictionary<string, string?> { ["Kind"] = "Reply", ["Date"] = "2025-12-30", ["Reply"] = "Granted", ["Reason"] = "予以公开", ["CorrectionReason"] = "12月15日来信漏登记，12月30日已答复，现补录" });
        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        // A new application of 2026 leaves 2025's figures as they were: nothing asked, nothing flagged.
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync("/console/applications/new", Paper("2026-01-06"))).Status);

        var corrections = await app.QueryAsync(db => db.RecordCorrections.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([RecordLock.LateRecordReason(2025), "12月15日来信漏登记，12月30日已答复，现补录"], corrections.Select(c => c.Reason));
        // The town's admin sees the late record on the dashboard.
        using var townAdmin = await app.SignedInAsync("bsz.admin");
        Assert.Contains($"2025 年度：申请 {tracking}", (await townAdmin.GetAsync("/console")).Text);

        var town = await app.AgencyAsync("qx-bsz");
        var reportId = await app.QueryAsync(db => db.AnnualReports.Where(r => r.AgencyId == town.Id && r.Year == 2025).Select(r => r.Id).SingleAsync());
        using var admin = await app.SignedInAsync("bsz.admin");
        var report = await admin.GetAsync($"/console/reports/{reportId}");
        Assert.Contains("报送后更正的记录（2 处）", report.Document.QuerySelector("section.corrections")!.TextContent);
        Assert.Contains("12月15日来信漏登记，12月30日已答复，现补录", report.Document.QuerySelector("section.corrections")!.TextContent);
        Assert.Contains("补登：收到日期在已报送的 2025 年度内", report.Document.QuerySelector("section.corrections")!.TextContent);
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        Assert.Contains("报送后更正 2 处记录", (await supervisor.GetAsync("/console/reports/rollup?year=2025")).Text);
    }

    [Fact]
    public async Task APre2019Report_GetsItsRequestAndAppealRows_FromTheRecords()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        // Open from 2017 until answered, it would count in the published 2024 and 2025 reports: a correction, with its reason.
        const string backfill = "补录 2017 年的申请";
        var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>(Paper("2017-03-06")) { ["CorrectionReason"] = backfill });
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        await clerk.SubmitAsync(registered.Location!, new Dictionary<string, string?> { ["Kind"] = "Reply", ["Date"] = "2017-03-20", ["Reply"] = "NotExist", ["Reason"] = "经检索，该信息不存在", ["CorrectionReason"] = backfill });
        await clerk.SubmitAsync(registered.Location!, new Dictionary<string, string?> { ["NewAppeal.Kind"] = "LitigationDirect", ["NewAppeal.Filed"] = "2017-05-02", ["NewAppeal.Body"] = "青溪县人民法院" }, handler: "Appeal");

        using var admin = await app.SignedInAsync("bsz.admin");
        var edit = (await admin.SubmitAsync("/console/reports/new", new Dictionary<string, string?> { ["Year"] = "2017" })).Location!;
        Assert.Contains("根据办理记录生成统计表的主动公开、依申请公开", await admin.Client.GetStringAsync(edit));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(edit, new Dictionary<string, string?>(), handler: "FromRecords")).Status);

        var id = int.Parse(edit.Split('/')[3]);
        var report = ReportJson.Read((await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Content);
        Assert.StartsWith("legacy-", report.Format.Code);
        decimal? Row(string row) => report.Values.Number(new CellKey("stats", row, "value"));
        Assert.Equal((1m, 1m, 1m, 1m, 1m), (Row("requests.received")!.Value, Row("requests.received.letter")!.Value, Row("requests.closed.on_time")!.Value,
            Row("requests.replied.not_exist")!.Value, Row("litigation.other")!.Value));
        Assert.Equal(0m, Row("reconsideration"));
    }

    [Fact]
    public async Task ARegistration_RefusesAFutureOrPreRegulationDate_AndStoresNothing()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var future = await clerk.SubmitAsync("/console/applications/new", Paper("2026-03-09"));
        Assert.Equal("收到申请之日不能晚于今天。", future.FieldError("Received"));
        var old = await clerk.SubmitAsync("/console/applications/new", Paper("2007-06-01"));
        Assert.Equal("收到申请之日不能早于 2008 年 5 月 1 日（政府信息公开条例施行之日）。", old.FieldError("Received"));
        Assert.Equal(0, await app.QueryAsync(db => db.Applications.CountAsync()));
    }
}

public sealed class RequestCountingTests
{
    [Fact]
    public async Task TheFeeHint_CountsTheApplicantsRequestsInTheNaturalMonth()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        string? last = null;
        for (var i = 0; i < 12; i++)
        {
            var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>
            {
                ["Channel"] = "InPerson", ["Received"] = i == 0 ? "2026-01-30" : "2026-02-02", ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "周六",
                ["Form.IdNumber"] = "11010519491231002X", ["Form.Phone"] = "13700137000", ["Form.Description"] = $"第 {i + 1} 项信息", ["Form.FormWanted"] = "电子邮件",
            });
            Assert.Equal(HttpStatusCode.Redirect, registered.Status);
            last = registered.Location;
        }
        // One in January, eleven in February: the last is the applicant's 11th this month, the first charged.
        var page = await clerk.GetAsync(last!);
        Assert.Contains("本申请人本月向本机关提出的第 11 件申请；按件计收为 100 元", page.Text);
    }
}

public sealed class QueueOrderTests
{
    [Fact]
    public async Task AnOverdueApplication_IsListedFirst_HoweverManyClosedOnesThereAre()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var town = await app.AgencyAsync("qx-bsz");
        await app.QueryAsync(async db =>
        {
            // 600 answered applications due long ago, and one open application received later.
            for (var i = 0; i < 600; i++)
            {
                db.Applications.Add(Make(town.Id, $"C{i:D4}", new DateOnly(2024, 1, 2), CaseStatus.Replied));
            }
            db.Applications.Add(Make(town.Id, "OPEN0001", new DateOnly(2026, 1, 5), CaseStatus.InProgress));
            db.CorrectionReason = "补录 2024 年已办结的申请";
            await db.SaveChangesAsync();
            return 0;
        });
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var first = (await clerk.GetAsync("/console/applications")).Document.QuerySelector("tbody tr")!;
        Assert.Contains("OPEN0001", first.TextContent);
        Assert.Contains("已逾期", first.TextContent);
    }

    private static DisclosureApplication Make(int agency, string tracking, DateOnly received, CaseStatus status) => new()
    {
        AgencyId = agency, TrackingNumber = tracking, AccessCodeHash = "x", Received = received, Channel = Channel.InPerson, Rules = ReplyRules.Regulation2019,
        ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "某人", Phone = "13800000000", Description = "某信息", FormWanted = "电子邮件",
        Status = status, DueDate = received.AddDays(30), CreatedUtc = DateTime.UtcNow,
    };
}
