using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>Annual reports: created for a year in its format, entered with checks, published immutable, corrected as new editions.</summary>
public sealed class AnnualReportTests
{
    private static async Task<int> CreateAsync(Visitor admin, string year, string? variant = null)
    {
        var page = await admin.SubmitAsync("/console/reports/new", new Dictionary<string, string?> { ["Year"] = year, ["LegacyVariant"] = variant });
        Assert.True(page.Status == HttpStatusCode.Redirect, page.Status + page.Summary);
        return int.Parse(page.Location!.Split('/')[3]);
    }

    /// <summary>Every cell of a format filled with 0, as a clerk fills the cells with nothing to count (a blank is an omission).</summary>
    private static Dictionary<string, string?> Zeros(string format) =>
        ReportFormats.Get(format).Cells().Where(c => c.Kind != ValueKind.UnitText).ToDictionary(c => $"Cells[{c.Key}]", _ => (string?)"0");

    /// <summary>The 2023 request table of a town: 3 applications, 2 granted, 1 not held; every other cell 0.</summary>
    private static Dictionary<string, string?> Balanced(bool withError = false) => new(Zeros("2021"))
    {
        ["Cells[requests/new/natural]"] = "3", ["Cells[requests/new/total]"] = "3",
        ["Cells[requests/granted/natural]"] = "2", ["Cells[requests/granted/total]"] = "2",
        ["Cells[requests/unable.not_held/natural]"] = "1", ["Cells[requests/unable.not_held/total]"] = "1",
        ["Cells[requests/results_total/natural]"] = withError ? "2" : "3", ["Cells[requests/results_total/total]"] = withError ? "2" : "3",
        ["Parts[0].Text"] = "2023年，白沙镇全年主动公开政府信息 150 条。",
    };

    [Fact]
    public async Task AReport_IsWrittenChecked_PublishedImmutably_AndCorrectedAsANewEdition()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        // The county government has no superior here: it publishes its own report.
        using var admin = await app.SignedInAsync("qx.admin");
        var id = await CreateAsync(admin, "2023");
        var record = await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(("2021", ReportStatus.Draft, 1), (record.FormatCode, record.Status, record.Edition));

        // Saved with an imbalance: kept as a draft, the error shown, publication refused.
        var saved = await admin.SubmitAsync($"/console/reports/{id}/edit", Balanced(withError: true));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var edit = await admin.GetAsync($"/console/reports/{id}/edit");
        Assert.Contains("错误：“自然人”一列中，", edit.Document.QuerySelector("#check-results")!.TextContent);
        // The results come first, each linked to its cells, and the failing cells are marked in the table.
        var results = edit.Document.QuerySelector("#check-results")!;
        Assert.True(results.CompareDocumentPosition(edit.Document.QuerySelector("table.report-table")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        var failing = results.QuerySelectorAll("li.error a.to-cell").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("#cell-requests/results_total/natural", failing);
        // Exactly the cells an error names are marked as errors.
        Assert.Equal(failing.Select(href => href[1..]).Distinct().Order(), edit.Document.QuerySelectorAll("td.cell-error").Select(td => td.Id!).Order());
        var refused = await admin.SubmitAsync($"/console/reports/{id}", new Dictionary<string, string?>(), handler: "Publish");
        Assert.Contains("未通过的勾稽关系检查", refused.Summary);
        Assert.Equal(ReportStatus.Draft, (await app.QueryAsync(db => db.AnnualReports.SingleAsync(r => r.Id == id))).Status);

        // Fixed and published: on the portal, dated today (Beijing time).
        await admin.SubmitAsync($"/console/reports/{id}/edit", Balanced());
        var published = await admin.SubmitAsync($"/console/reports/{id}", new Dictionary<string, string?>(), handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        record = await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal((ReportStatus.Published, new DateOnly(2026, 3, 2), 0), (record.Status, record.PublishedOn!.Value, record.ErrorCount));
        using var visitor = app.NewVisitor();
        var publicPage = await visitor.GetAsync("/agency/qx/reports/2023");
        Assert.Equal(HttpStatusCode.OK, publicPage.Status);
        Assert.Equal("3", publicPage.Document.QuerySelector("td[data-cell='requests/new/natural']")!.TextContent);

        // Published means immutable: its edit form is not offered, the correction is.
        var offered = await admin.GetAsync($"/console/reports/{id}/edit");
        Assert.Equal(($"/console/reports/{id}", HttpStatusCode.Redirect), (offered.Location, offered.Status));
        Assert.Contains("更正（生成新版本）", (await admin.GetAsync(offered.Location!)).Document.QuerySelector(".notice")!.TextContent);
        var token = await admin.TokenFromAsync($"/console/reports/{id}");
        var late = await admin.PostAsync($"/console/reports/{id}/edit", new Dictionary<string, string?>(Balanced()) { ["__RequestVerificationToken"] = token, ["Title"] = "改过", ["Cells[requests/new/natural]"] = "9" });
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Equal(record.Content, (await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Content);

        // A correction is a new edition; publishing it supersedes the first, which stays readable.
        var corrected = await admin.SubmitAsync($"/console/reports/{id}", new Dictionary<string, string?>(), handler: "Correct");
        var second = int.Parse(corrected.Location!.Split('/')[3]);
        await admin.SubmitAsync($"/console/reports/{second}/edit", new Dictionary<string, string?>(Balanced()) { ["Parts[0].Text"] = "更正：全年主动公开政府信息 151 条。" });
        await admin.SubmitAsync($"/console/reports/{second}", new Dictionary<string, string?>(), handler: "Publish");
        var editions = await app.QueryAsync(db => db.AnnualReports.AsNoTracking().Where(r => r.AgencyId == record.AgencyId && r.Year == 2023).OrderBy(r => r.Edition).Select(r => new { r.Edition, r.Status }).ToListAsync());
        Assert.Equal([(1, ReportStatus.Superseded), (2, ReportStatus.Published)], editions.Select(e => (e.Edition, e.Status)));
        var current = await visitor.GetAsync("/agency/qx/reports/2023");
        Assert.Contains("更正：全年主动公开政府信息 151 条。", current.Text);
        var old = await visitor.GetAsync("/agency/qx/reports/2023?edition=1");
        Assert.Contains("已被更正", old.Document.QuerySelector(".notice-warning")!.TextContent);
        Assert.Contains("全年主动公开政府信息 150 条", old.Text);
    }

    [Fact]
    public async Task BadInput_NamesTheCellsAndFields_AndSavesNothing()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        var id = await CreateAsync(admin, "2023");
        var before = (await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Content;

        var page = await admin.SubmitAsync($"/console/reports/{id}/edit", new Dictionary<string, string?>
        {
            ["Cells[requests/new/natural]"] = "三件",
            ["Cells[proactive/fees/amount]"] = "1.5万元",
            ["Title"] = "",
            ["PeriodStart"] = "2023-12-31",
            ["PeriodEnd"] = "2023-01-01",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("一、本年新收政府信息公开申请数量（自然人）：“三件”不是数字。", page.Summary);
        Assert.Equal("请填写标题。", page.FieldError("Title"));
        Assert.Equal("统计期间止不能早于统计期间起。", page.FieldError("PeriodEnd"));
        Assert.Equal("true", page.Document.QuerySelector("input[name='Cells[requests/new/natural]']")!.GetAttribute("aria-invalid"));
        Assert.Equal("三件", page.Document.QuerySelector("input[name='Cells[requests/new/natural]']")!.GetAttribute("value"));
        Assert.Equal(before, (await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Content);
    }

    /// <summary>A client that posts one part of the narrative (not a browser) changes that part and loses none of the others.</summary>
    [Fact]
    public async Task APostOfOnePart_KeepsTheOtherParts()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        var id = await CreateAsync(admin, "2023");
        var texts = Enumerable.Range(0, 3).ToDictionary(i => $"Parts[{i}].Text", i => (string?)$"第 {i + 1} 部分的原文。");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/console/reports/{id}/edit", texts)).Status);
        var version = await app.QueryAsync(db => db.AnnualReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

        var posted = await admin.PostAsync($"/console/reports/{id}/edit", new Dictionary<string, string?>
        {
            ["__RequestVerificationToken"] = await admin.TokenFromAsync($"/console/reports/{id}/edit"),
            ["Title"] = "白沙镇2023年政府信息公开工作年度报告", ["Version"] = version.ToString(), ["Parts[0].Text"] = "只改第一部分。",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var report = ReportJson.Read((await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Content);
        Assert.Equal(["只改第一部分。", "第 2 部分的原文。", "第 3 部分的原文。"], report.Parts.Take(3).Select(p => p.Text));
        Assert.Equal(ReportFormats.Get("2021").Outline.Select(o => o.Heading), report.Parts.Select(p => p.Heading));
    }

    [Fact]
    public async Task TheLiveCheck_AnswersWithTheViolationsOfTheTypedValues()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        var id = await CreateAsync(admin, "2023");
        var token = await admin.TokenFromAsync($"/console/reports/{id}/edit");
        var response = await admin.Client.PostAsync($"/console/reports/{id}/draft?handler=Check", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Cells[requests/new/natural]"] = "3",
            ["Cells[requests/new/total]"] = "x",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(json.GetProperty("problems").EnumerateArray(), p => p.GetProperty("cell").GetString() == "requests/new/total");
        Assert.Contains(json.GetProperty("violations").EnumerateArray(), v => v.GetProperty("cells").EnumerateArray().Any(c => c.GetString() == "requests/new/natural"));
        Assert.True(json.GetProperty("errors").GetInt32() > 0);
    }

    [Fact]
    public async Task OnlyTheAgencysAdmin_WritesItsReport()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var draft = 0;
        using (var admin = await app.SignedInAsync("bsz.admin"))
        {
            draft = await CreateAsync(admin, "2023");
        }
        using var clerk = await app.SignedInAsync("bsz.clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/console/reports/new")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/console/reports/{draft}/edit")).Status);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/console/reports/{draft}")).Status);

        using var otherAdmin = await app.SignedInAsync("sqz.admin");
        // Another agency's report answers as a missing one: ids are not to be probed.
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/console/reports/{draft}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/console/reports/{draft}/edit")).Status);

        using var supervisor = await app.SignedInAsync("qx.supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/console/reports/{draft}")).Status);
        var token = await supervisor.TokenFromAsync($"/console/reports/{draft}");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync($"/console/reports/{draft}?handler=Publish", new Dictionary<string, string?> { ["__RequestVerificationToken"] = token })).Status);
        Assert.Equal(ReportStatus.Draft, (await app.QueryAsync(db => db.AnnualReports.SingleAsync(r => r.Id == draft))).Status);
    }

    [Fact]
    public async Task TheFormatFollowsTheYear_AndTheAgencysLegacyVariant()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        var legacy = await CreateAsync(admin, "2016", "legacy-shandong");
        var trial = await CreateAsync(admin, "2019");
        var formats = await app.QueryAsync(db => db.AnnualReports.Where(r => r.Id == legacy || r.Id == trial).OrderBy(r => r.Year).Select(r => r.FormatCode).ToListAsync());
        Assert.Equal(["legacy-shandong", "2019"], formats);

        var duplicate = await admin.SubmitAsync("/console/reports/new", new Dictionary<string, string?> { ["Year"] = "2016" });
        Assert.Equal("该机构本年度的报告已存在，请打开已有报告修改或更正。", duplicate.FieldError("Year"));
        var early = await admin.SubmitAsync("/console/reports/new", new Dictionary<string, string?> { ["Year"] = "2007" });
        Assert.Equal("年度应在 2008 至 2026 之间。", early.FieldError("Year"));
    }

    [Fact]
    public async Task ThePortal_ListsTheYears_WithAChart_AndOffersTheDownloads()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var list = await visitor.GetAsync("/agency/qx-sqz/reports");
        Assert.Equal(["青溪县石桥镇人民政府2025年政府信息公开工作年度报告", "青溪县石桥镇人民政府2024年政府信息公开工作年度报告"],
            list.Document.QuerySelectorAll(".report-list a").Select(a => a.TextContent));
        Assert.Equal(3, list.Document.QuerySelectorAll("figure.chart svg[role=img]").Length);

        var docx = await visitor.Client.GetAsync("/agency/qx-sqz/reports/2025?download=docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains("青溪县石桥镇人民政府2025年政府信息公开工作年度报告", document.MainDocumentPart!.Document.Body!.InnerText);
        }
        var json = ReportJson.Read(await visitor.Client.GetStringAsync("/agency/qx-sqz/reports/2025?download=json"));
        Assert.Empty(json.Check());
        var csv = (await visitor.Client.GetStringAsync("/agency/qx-sqz/reports/2025?download=csv")).TrimStart('\ufeff');
        Assert.Equal(ReportFormats.Get("2021").Cells().Count() + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/agency/qx-sqz/reports/2019")).Status);
    }

    [Fact]
    public async Task ADraft_IsNeverPublic()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using (var admin = await app.SignedInAsync("bsz.admin"))
        {
            var id = await CreateAsync(admin, "2023");
            await admin.SubmitAsync($"/console/reports/{id}/edit", Balanced());
        }
        using var visitor = app.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/agency/qx-bsz/reports/2023")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/agency/qx-bsz/reports/2023?edition=1&download=json")).Status);
        Assert.DoesNotContain("2023", (await visitor.GetAsync("/agency/qx-bsz/reports")).Document.QuerySelector(".report-list")!.TextContent);
    }

    [Fact]
    public async Task EveryReportChange_IsAudited_WithTheCellsThatChanged()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        var id = await CreateAsync(admin, "2023");
        await admin.SubmitAsync($"/console/reports/{id}/edit", Balanced());
        var entry = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "AnnualReportRecord").OrderBy(e => e.Id).LastAsync());
        Assert.Equal(("bsz.admin", AuditActions.Updated, id.ToString()), (entry.ActorName, entry.Action, entry.EntityId));
        Assert.Contains("requests/new/natural: 空→3", entry.Changes);
        Assert.Contains("sha256:", entry.Changes);
        Assert.DoesNotContain("gongkai.annual-report/1", entry.Changes);
    }

    [Fact]
    public async Task AReportForTheCurrentYear_IsDrafted_ButNeitherSubmittedNorPublishedBeforeTheYearEnds()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        // The form offers the last finished year; the demo has 2025's, so this year's, to draft ahead — never one that exists.
        var form = await admin.GetAsync("/console/reports/new");
        Assert.Equal("2026", form.Document.QuerySelector("input[name=Year]")!.GetAttribute("value"));
        Assert.Contains("2027 年 1 月 1 日起才能报送上级或发布", form.Text);
        var id = await CreateAsync(admin, "2026");
        var url = $"/console/reports/{id}";
        await admin.SubmitAsync($"{url}/edit", Balanced());
        var refused = await admin.SubmitAsync(url, new Dictionary<string, string?>(), handler: "Submit");
        Assert.Contains("次年 1 月 1 日起", refused.Summary);
        Assert.Equal(ReportStatus.Draft, (await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Status);
        // On 1 January 2027 (Beijing) it may go.
        app.Clock.Now = new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero);
        using var january = await app.SignedInAsync("bsz.admin"); // months later: the old sign-in has expired
        Assert.Equal(HttpStatusCode.Redirect, (await january.SubmitAsync(url, new Dictionary<string, string?>(), handler: "Submit")).Status);
        Assert.Equal(ReportStatus.Submitted, (await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Status);
    }

    [Fact]
    public async Task AnEmptyStatutoryCell_BlocksPublication_ButAnImportedReportKeepsItsBlanksAsWarnings()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("qx.admin");
        var id = await CreateAsync(admin, "2023");
        var blank = await admin.GetAsync($"/console/reports/{id}/edit");
        Assert.Contains("未填写，没有的请填 0", blank.Document.QuerySelector("#check-results")!.TextContent);
        Assert.DoesNotContain("全部检查通过", blank.Document.QuerySelector("#check-results")!.TextContent);
        var partly = new Dictionary<string, string?>(Balanced());
        partly.Remove("Cells[proactive/licensing/decisions]");
        await admin.SubmitAsync($"/console/reports/{id}/edit", partly);
        var refused = await admin.SubmitAsync($"/console/reports/{id}", new Dictionary<string, string?>(), handler: "Publish");
        Assert.Contains("未通过的勾稽关系检查", refused.Summary);
        Assert.Contains("行政许可未填写，没有的请填 0", refused.Text);
        Assert.Equal(ReportStatus.Draft, (await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Status);

        // The same blanks in a report published elsewhere are what it printed: a warning, never an error.
        var report = ReportJson.Read((await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Content);
        var imported = report.Check(imported: true).Where(v => v.CheckCode == "cell.blank").ToList();
        Assert.NotEmpty(imported);
        Assert.All(imported, v => Assert.Equal(Severity.Warning, v.Severity));
    }

    [Fact]
    public async Task ATownsReport_IsSubmitted_ReturnedWithComments_AcceptedByTheCounty_ThenPublished()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        var id = await CreateAsync(admin, "2023");
        var url = $"/console/reports/{id}";
        await admin.SubmitAsync($"{url}/edit", Balanced());
        var direct = await admin.PostAsync($"{url}?handler=Publish", [new("__RequestVerificationToken", await admin.TokenFromAsync(url))]);
        Assert.Contains("须先报送上级", direct.Summary);
        Assert.Contains("应于 2024年3月31日 前发布", (await admin.GetAsync(url)).Text);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(url, new Dictionary<string, string?>(), handler: "Submit")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"{url}/edit", new Dictionary<string, string?>(Balanced()) { ["__RequestVerificationToken"] = await admin.TokenFromAsync(url) })).Status);
        using var visitor = app.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/agency/qx-bsz/reports/2023")).Status);

        using var supervisor = await app.SignedInAsync("qx.supervisor");
        Assert.Equal("请填写退回意见。", (await supervisor.SubmitAsync(url, new Dictionary<string, string?> { ["comment"] = " " }, handler: "Return")).Summary);
        await supervisor.SubmitAsync(url, new Dictionary<string, string?> { ["comment"] = "第四部分请补充行政复议情况" }, handler: "Return");
        Assert.Contains("上级退回意见：第四部分请补充行政复议情况", (await admin.GetAsync(url)).Text);

        await admin.SubmitAsync(url, new Dictionary<string, string?>(), handler: "Submit");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"{url}?handler=Accept", [new("__RequestVerificationToken", await admin.TokenFromAsync(url))])).Status);
        await supervisor.SubmitAsync(url, new Dictionary<string, string?>(), handler: "Accept");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(url, new Dictionary<string, string?>(), handler: "Publish")).Status);
        Assert.Equal(ReportStatus.Published, (await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == id))).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/agency/qx-bsz/reports/2023")).Status);
    }
}
