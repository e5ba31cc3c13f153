using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Web.Tests;

/// <summary>Proactive disclosure end to end: 凡公开必审核, the personal-data guard, and the portal's catalog, item page, search, feed and sitemap.</summary>
public sealed class DisclosureTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static Dictionary<string, string?> Draft(string title, string body) => new()
    {
        ["Title"] = title, ["DocumentNumber"] = "白政发〔2026〕5号", ["WrittenOn"] = "2026-02-26", ["CategoryCode"] = "a21.t08",
        ["DocumentKind"] = "None", ["Channels"] = "Website", ["Body"] = body,
    };

    private static async Task<Visitor.Page> ActAsync(Visitor who, string url, ItemAction action, string? opinion = null) =>
        await who.SubmitAsync(url, new Dictionary<string, string?> { ["action"] = action.ToString(), ["opinion"] = opinion }, handler: "Act");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnItemWithAnIdNumber_IsStoppedUntilMasked_ThenReviewedApprovedAndPublic(string provider)
    {
        await using var app = await GongkaiApp.StartAsync(provider);
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var created = await clerk.SubmitAsync("/console/items/new", Draft("2026年2月临时救助对象名单", "临时救助对象：张三，身份证号 330102199003071230，救助金额 2000 元。\n联系电话 13912345678。"));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var url = created.Location!;
        var item = await app.QueryAsync(db => db.InfoItems.AsNoTracking().SingleAsync(i => i.Title == "2026年2月临时救助对象名单"));
        Assert.Matches(@"^QX-BSZ/2026-\d{5}$", item.IndexNumber);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(clerk, url, ItemAction.Submit)).Status);
        var details = await clerk.GetAsync(url);
        Assert.Contains("发现 2 处个人信息", details.Text);
        Assert.Contains("3301**********1230", details.Text);
        var findings = details.Document.QuerySelector("table.findings")!.TextContent;
        Assert.Contains("居民身份证号码", findings);
        Assert.DoesNotContain("330102199003071230", findings);
        // A clerk can neither review nor publish: the buttons are not offered and a forged post is refused.
        Assert.DoesNotContain(details.Document.QuerySelectorAll("button[name=action]"), b => b.GetAttribute("value") == "PassReview");
        var version = await app.QueryAsync(db => db.InfoItems.Where(i => i.Id == item.Id).Select(i => i.Version).SingleAsync());
        var forged = await clerk.PostAsync(url + "?handler=Act", [new("action", "PassReview"), new("version", version.ToString()), new("__RequestVerificationToken", await clerk.TokenFromAsync(url))]);
        Assert.Contains("保密审查须由审核人办理", forged.Summary);

        using var reviewer = await app.SignedInAsync("bsz.reviewer");
        var blocked = await ActAsync(reviewer, url, ItemAction.PassReview, "不涉密");
        Assert.Contains("2 处个人信息未处理", blocked.Summary);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(url, new Dictionary<string, string?>(), handler: "Mask")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, url, ItemAction.PassReview, "不涉及国家秘密")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, url, ItemAction.Approve, "同意发布")).Status);

        item = await app.QueryAsync(db => db.InfoItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        Assert.Equal((ItemStatus.Published, new DateOnly(2026, 3, 2)), (item.Status, item.PublishedOn!.Value));
        Assert.Contains("3301**********1230", item.BodyText);
        Assert.Contains("139****5678", item.BodyText);
        var signOffs = await app.QueryAsync(db => db.ItemSignOffs.AsNoTracking().Where(s => s.ItemId == item.Id).OrderBy(s => s.Id).Select(s => s.Action).ToListAsync());
        Assert.Equal([ItemAction.Submit, ItemAction.PassReview, ItemAction.Approve], signOffs);
        var audited = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().CountAsync(e => e.EntityType == "ItemSignOff"));
        Assert.True(audited >= 3, $"{audited} sign-offs in the audit log");

        using var visitor = app.NewVisitor();
        var page = await visitor.GetAsync($"/agency/qx-bsz/items/{item.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(item.IndexNumber, page.Text);
        Assert.Contains("白政发〔2026〕5号", page.Text);
        Assert.DoesNotContain("330102199003071230", page.Text);
        var found = await visitor.GetAsync("/search?q=" + Uri.EscapeDataString("临时救助"));
        Assert.Contains("<mark>临时救助</mark>", found.Document.QuerySelector(".search-results")!.InnerHtml);
    }

    /// <summary>
    /// The search finds what the portal has, not only items: the published annual reports by their
    /// title and narrative, the agencies' 公开指南 — each with its kind shown and as a filter, the
    /// years offered as a list of those present.
    /// </summary>
    [Fact]
    public async Task TheSearch_FindsReportsAndGuides_WithTheirKind_AndOffersTheYearsPresent()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();

        var reports = await visitor.GetAsync("/search?q=" + Uri.EscapeDataString("年度报告"));
        var pages = reports.Document.QuerySelectorAll(".search-results.pages li").ToList();
        Assert.Contains(pages, li => li.QuerySelector(".kind")!.TextContent == "年度报告"
            && li.QuerySelector("a")!.GetAttribute("href")!.StartsWith("/agency/qx-bsz/reports/", StringComparison.Ordinal));
        var narrative = await visitor.GetAsync("/search?kind=report&q=" + Uri.EscapeDataString("政策解读的形式"));
        Assert.Contains("<mark>政策解读的形式</mark>", narrative.Document.QuerySelector(".search-results.pages")!.InnerHtml);
        Assert.DoesNotContain("政府信息：找到", narrative.Text);

        var guides = await visitor.GetAsync("/search?kind=guide&q=" + Uri.EscapeDataString("白沙镇公开指南"));
        Assert.Empty(guides.Document.QuerySelectorAll(".search-results.pages li"));
        var guide = await visitor.GetAsync("/search?kind=guide&q=" + Uri.EscapeDataString("白沙镇人民政府政府信息公开指南"));
        Assert.Equal(["公开指南"], guide.Document.QuerySelectorAll(".search-results.pages .kind").Select(k => k.TextContent));
        Assert.Equal("/agency/qx-bsz/guide", guide.Document.QuerySelector(".search-results.pages a")!.GetAttribute("href"));
        // The pages are kept between searches, and dropped when a change to them is committed: the next search finds the new words.
        var edited = "/search?kind=guide&q=" + Uri.EscapeDataString("周六上午受理");
        Assert.Empty((await visitor.GetAsync(edited)).Document.QuerySelectorAll(".search-results.pages li"));
        await app.QueryAsync(async db =>
        {
            var town = await db.Agencies.SingleAsync(a => a.ShortCode == "qx-bsz");
            town.GuideText += "\n本机关周六上午受理申请。";
            return await db.SaveChangesAsync();
        });
        Assert.Equal("/agency/qx-bsz/guide", (await visitor.GetAsync(edited)).Document.QuerySelector(".search-results.pages a")?.GetAttribute("href"));

        var years = reports.Document.QuerySelectorAll("select#year option").Select(o => o.GetAttribute("value") ?? "").Where(v => v != "").ToList();
        var present = await app.QueryAsync(async db =>
            (await db.InfoItems.Where(i => i.Status == ItemStatus.Published).Select(i => i.PublishedOn!.Value.Year).Distinct().ToListAsync())
            .Concat(await db.AnnualReports.Where(r => r.Status == Domain.Reports.ReportStatus.Published).Select(r => r.Year).Distinct().ToListAsync())
            .Distinct().OrderDescending().Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
        Assert.True(present.Count >= 2);
        Assert.Equal(present, years);
        var items = await visitor.GetAsync("/search?kind=item&q=" + Uri.EscapeDataString("年度报告"));
        Assert.Empty(items.Document.QuerySelectorAll(".search-results.pages li"));
    }

    /// <summary>Attachments are read: their ID numbers stop the review; one action masks a DOCX in the file, a PDF needs a decision; published, the PDF's words find the item.</summary>
    [Fact]
    public async Task Attachments_AreScanned_MaskedWhereTheFileAllows_AndSearchedByTheirText()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var url = (await clerk.SubmitAsync("/console/items/new", Draft("白沙镇2026年2月救助工作情况", "本月救助工作情况见附件。"))).Location!;
        var pdf = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "attachments", "libreoffice-list.pdf"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(await clerk.TokenFromAsync(url)), "__RequestVerificationToken" },
            { new ByteArrayContent(pdf), "file", "救助名单.pdf" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Client.PostAsync(url + "?handler=Attach", form)).StatusCode);
        using var docx = new MemoryStream();
        using (var document = WordprocessingDocument.Create(docx, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Word.Document(new Word.Body(new Word.Paragraph(new Word.Run(new Word.Text("王五 身份证号 11010519491231002X")))));
        }
        var docxForm = new MultipartFormDataContent
        {
            { new StringContent(await clerk.TokenFromAsync(url)), "__RequestVerificationToken" },
            { new ByteArrayContent(docx.ToArray()), "file", "补充名单.docx" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Client.PostAsync(url + "?handler=Attach", docxForm)).StatusCode);
        await ActAsync(clerk, url, ItemAction.Submit);

        var findings = (await clerk.GetAsync(url)).Document.QuerySelector("table.findings")!.TextContent;
        Assert.Contains("附件“救助名单.pdf”", findings);
        Assert.Contains("附件“补充名单.docx”", findings);
        Assert.Contains("3301**********1230", findings);
        Assert.DoesNotContain("330102199003071230", findings);
        using var reviewer = await app.SignedInAsync("bsz.reviewer");
        Assert.Contains("3 处个人信息未处理", (await ActAsync(reviewer, url, ItemAction.PassReview, "不涉密")).Summary);

        // One action masks the DOCX in the file itself; the PDF cannot be, and still needs a decision.
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(url, new Dictionary<string, string?>(), handler: "Mask")).Status);
        var stored = await app.QueryAsync(db => db.ItemAttachments.AsNoTracking().SingleAsync(a => a.FileName == "补充名单.docx"));
        Assert.Equal("王五 身份证号 1101**********002X", Gongkai.Documents.Items.AttachmentFiles.Text(stored.FileName, stored.Content));
        findings = (await reviewer.GetAsync(url)).Document.QuerySelector("table.findings")!.TextContent;
        Assert.DoesNotContain("补充名单.docx", findings);
        Assert.Contains("2 处个人信息未处理", (await ActAsync(reviewer, url, ItemAction.PassReview, "不涉密")).Summary);

        await reviewer.SubmitAsync(url, new Dictionary<string, string?> { ["reason"] = "附件为经批准公示的救助名单，公示期内依法公开" }, handler: "Override");
        await ActAsync(reviewer, url, ItemAction.PassReview, "不涉密");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, url, ItemAction.Approve, "同意发布")).Status);
        using var visitor = app.NewVisitor();
        Assert.Contains("白沙镇2026年2月救助工作情况", (await visitor.GetAsync("/search?q=" + Uri.EscapeDataString("临时救助对象名单"))).Text);
        // The public page lists the attachments in the order they were added, each one downloadable.
        var links = (await visitor.GetAsync("/agency/qx-bsz/items/" + url.Split('/')[^1])).Document.QuerySelectorAll("article li a[href*='handler=File']");
        Assert.Equal(["救助名单.pdf", "补充名单.docx"], links.Select(a => a.TextContent));
        Assert.Equal(pdf, await visitor.Client.GetByteArrayAsync(links[0].GetAttribute("href")));
    }

    /// <summary>
    /// The portal's pages are kept for anonymous readers (a change made behind the application's
    /// back stays unseen) until a change to what they show is committed: then they are fresh at once.
    /// Signed-in staff always get the page made for them.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PortalPages_AreServedFromTheCache_UntilAPublicationChangesThem(string provider)
    {
        await using var app = await GongkaiApp.StartAsync(provider);
        using var visitor = app.NewVisitor();
        var first = await visitor.GetAsync("/agency/qx-bsz/catalog");
        var shown = first.Document.QuerySelector("main table a, main ul a[href*='/items/']")!;
        var itemId = int.Parse(shown.GetAttribute("href")!.Split('/')[^1]);
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE info_items SET title = '改过的标题' WHERE id = {0}", itemId));
        if (provider == "sqlite")
        {
            // A change made past the app is not seen: the page is kept. PostgreSQL announces even
            // this one and the page is dropped (PortalNoticeTests).
            Assert.DoesNotContain("改过的标题", (await visitor.GetAsync("/agency/qx-bsz/catalog")).Text);
        }
        // Each query string is its own page.
        var lowIncome = (await visitor.GetAsync("/search?q=" + Uri.EscapeDataString("低保"))).Text;
        Assert.NotEqual(lowIncome, (await visitor.GetAsync("/search?q=" + Uri.EscapeDataString("植树"))).Text);
        using var reviewer = await app.SignedInAsync("bsz.reviewer");
        Assert.Contains("改过的标题", (await reviewer.GetAsync("/agency/qx-bsz/catalog")).Text);

        using var clerk = await app.SignedInAsync("bsz.clerk");
        var url = (await clerk.SubmitAsync("/console/items/new", Draft("白沙镇2026年春季植树活动安排", "各村组织春季植树。"))).Location!;
        await ActAsync(clerk, url, ItemAction.Submit);
        await ActAsync(reviewer, url, ItemAction.PassReview, "不涉密");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(reviewer, url, ItemAction.Approve, "同意发布")).Status);

        var after = await visitor.GetAsync("/agency/qx-bsz/catalog");
        Assert.Contains("白沙镇2026年春季植树活动安排", after.Text);
        Assert.Contains("改过的标题", after.Text);
        Assert.Contains("白沙镇2026年春季植树活动安排", (await visitor.GetAsync("/search?q=" + Uri.EscapeDataString("植树"))).Text);
    }

    [Fact]
    public async Task AReviewer_CannotApproveTheirOwnDraft()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var reviewer = await app.SignedInAsync("bsz.reviewer");
        var url = (await reviewer.SubmitAsync("/console/items/new", Draft("白沙镇2026年春耕生产工作安排", "各村做好春耕备耕工作。"))).Location!;
        await ActAsync(reviewer, url, ItemAction.Submit);
        var refused = await ActAsync(reviewer, url, ItemAction.PassReview, "不涉密");
        Assert.Contains("不能审核或批准自己起草的信息", refused.Summary);
        Assert.Equal(0, await app.QueryAsync(db => db.ItemSignOffs.CountAsync(s => s.Action == ItemAction.PassReview && s.UserName == "白沙镇 审核人" && s.ItemId == db.InfoItems.Single(i => i.Title == "白沙镇2026年春耕生产工作安排").Id)));

        // The agency admin approves publication but does not do the confidentiality review.
        using var other = await app.SignedInAsync("bsz.admin");
        var version = await app.QueryAsync(db => db.InfoItems.Where(i => i.Title == "白沙镇2026年春耕生产工作安排").Select(i => i.Version).SingleAsync());
        Assert.Contains("保密审查须由审核人办理", (await other.PostAsync(url + "?handler=Act", [new("action", "PassReview"), new("version", version.ToString()), new("__RequestVerificationToken", await other.TokenFromAsync(url))])).Summary);
    }

    [Fact]
    public async Task ADraft_IsNotPublic_AndOtherAgenciesStaffCannotSeeIt()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var url = (await clerk.SubmitAsync("/console/items/new", Draft("白沙镇内部草稿", "尚未审核的内容。"))).Location!;
        var id = url.Split('/')[3];
        using var visitor = app.NewVisitor();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/agency/qx-bsz/items/{id}")).Status);
        using var stranger = await app.SignedInAsync("sqz.clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).Status);
        var empty = await clerk.SubmitAsync("/console/items/new", new Dictionary<string, string?> { ["Title"] = "", ["Body"] = "<script>alert(1)</script>", ["CategoryCode"] = "" });
        Assert.Equal("请填写标题。", empty.FieldError("Title"));
        Assert.Equal("请选择公开目录。", empty.FieldError("CategoryCode"));
        Assert.Equal("正文没有可以发布的文字。", empty.FieldError("Body"));
    }

    [Fact]
    public async Task ThePortal_ShowsTheCatalogByHeading_TheValidityOfDocuments_AFeedAndASitemap()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var catalog = await visitor.GetAsync("/agency/qx-bsz/catalog");
        var titles = catalog.Document.QuerySelectorAll(".item-list a").Select(a => a.TextContent).ToList();
        Assert.Contains("白沙镇农村低保审核审批实施办法", titles);
        Assert.DoesNotContain("白沙镇2026年3月低保资金发放情况", titles);   // still in review
        // 2024 and 2025: budget, licensing results, allowance list, procurement each (8); the normative document, its interpretation,
        // the repealed rules and the land notice (4). Nothing of 2026 is older than three days on 2 March.
        Assert.Contains("共 12 条", catalog.Text);

        var byHeading = await visitor.GetAsync("/agency/qx-bsz/catalog?category=a20.01");
        Assert.Equal(3, byHeading.Document.QuerySelectorAll(".item-list tbody tr").Length);

        var repealedId = await app.QueryAsync(db => db.InfoItems.Where(i => i.Title == "白沙镇村庄规划管理规定").Select(i => i.Id).SingleAsync());
        Assert.Contains("已废止", (await visitor.GetAsync($"/agency/qx-bsz/items/{repealedId}")).Text);
        var documentId = await app.QueryAsync(db => db.InfoItems.Where(i => i.Title == "白沙镇农村低保审核审批实施办法").Select(i => i.Id).SingleAsync());
        var document = await visitor.GetAsync($"/agency/qx-bsz/items/{documentId}");
        Assert.Contains("有效", document.Document.QuerySelector(".item-meta")!.TextContent);
        // The document lists its published interpretation, and the interpretation names the document it explains.
        var interpretationId = await app.QueryAsync(db => db.InfoItems.Where(i => i.InterpretsItemId == documentId).Select(i => i.Id).SingleAsync());
        var interpretationLink = Assert.Single(document.Document.QuerySelectorAll("article a[href]"), a => a.GetAttribute("href") == $"/agency/qx-bsz/items/{interpretationId}");
        Assert.Equal("《白沙镇农村低保审核审批实施办法》政策解读", interpretationLink.TextContent);
        var interpretation = await visitor.GetAsync($"/agency/qx-bsz/items/{interpretationId}");
        Assert.Contains("解读的文件：白沙镇农村低保审核审批实施办法", interpretation.Document.QuerySelector("article")!.TextContent);
        Assert.Single(interpretation.Document.QuerySelectorAll("article a[href]"), a => a.GetAttribute("href") == $"/agency/qx-bsz/items/{documentId}");

        var feed = await visitor.Client.GetStringAsync("/agency/qx-bsz/feed.atom");
        Assert.Contains("<title>白沙镇农村低保审核审批实施办法</title>", feed);
        Assert.DoesNotContain("低保资金发放情况", feed);
        var sitemap = await visitor.Client.GetStringAsync("/sitemaps/items-1.xml");
        Assert.Contains($"/agency/qx-bsz/items/{documentId}</loc>", sitemap);
        Assert.Contains("/sitemaps/columns.xml", await visitor.Client.GetStringAsync("/sitemap.xml"));
    }

    [Fact]
    public async Task Search_NeedsTwoCharacters_AndFilters()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        Assert.Contains("请至少输入两个字", (await visitor.GetAsync("/search?q=%E4%BD%8E")).Text);
        var both = await visitor.GetAsync("/search?q=" + Uri.EscapeDataString("征地补偿"));
        Assert.Equal(2, both.Document.QuerySelectorAll(".search-results > li").Length);
        var one = await visitor.GetAsync("/search?agency=qx-sqz&q=" + Uri.EscapeDataString("征地补偿"));
        Assert.Equal("青溪县石桥镇人民政府", Assert.Single(one.Document.QuerySelectorAll(".search-results .meta")).TextContent.Split(" · ")[0]);
        Assert.Contains("找到 0 条结果", (await visitor.GetAsync("/search?q=" + Uri.EscapeDataString("征地补助"))).Text);
    }

    [Fact]
    public async Task TheAgencyAdmin_SetsTheIndexPattern_TheGuideAndTheRules()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var town = await app.AgencyAsync("qx-bsz");
        using var admin = await app.SignedInAsync("bsz.admin");
        var url = $"/console/agencies/{town.Id}";
        var wrong = await admin.SubmitAsync(url, new Dictionary<string, string?> { ["Form.IndexPattern"] = "{机构}/{年}-{序号4}" });
        Assert.Contains("未知的占位符：{机构}", wrong.FieldError("Form.IndexPattern"));

        var saved = await admin.SubmitAsync(url, new Dictionary<string, string?>
        {
            ["Form.IndexPattern"] = "BSZ-{年}-{序号4}", ["Form.RulesText"] = "第一条 为规范本镇政府信息公开工作，制定本制度。\n第二条 凡公开必审核。",
            ["Form.GuideText"] = "本指南每年更新一次。",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        using var clerk = await app.SignedInAsync("bsz.clerk");
        await clerk.SubmitAsync("/console/items/new", Draft("白沙镇2026年防汛工作方案", "做好汛期值班值守。"));
        var index = await app.QueryAsync(db => db.InfoItems.Where(i => i.Title == "白沙镇2026年防汛工作方案").Select(i => i.IndexNumber).SingleAsync());
        Assert.Matches(@"^BSZ-2026-\d{4}$", index);

        using var visitor = app.NewVisitor();
        var rules = await visitor.GetAsync("/agency/qx-bsz/rules");
        Assert.Equal(["第一条 为规范本镇政府信息公开工作，制定本制度。", "第二条 凡公开必审核。"], rules.Document.QuerySelectorAll("main p").Select(p => p.TextContent).Where(t => t.StartsWith('第')).ToList());
        Assert.Contains("本指南每年更新一次。", (await visitor.GetAsync("/agency/qx-bsz/guide")).Text);
    }

    [Fact]
    public async Task ANormativeDocument_IsRepealedInTheConsole_AndThePortalSaysSoFromThatDay()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var town = await app.AgencyAsync("qx-bsz");
        var document = await app.QueryAsync(db => db.InfoItems.AsNoTracking()
            .FirstAsync(i => i.AgencyId == town.Id && i.DocumentKind != DocumentKind.None && i.Status == ItemStatus.Published && i.RepealedOn == null));
        var url = $"/console/items/{document.Id}";
        using var visitor = app.NewVisitor();
        Assert.Contains("有效", (await visitor.GetAsync($"/agency/qx-bsz/items/{document.Id}")).Text);

        using var clerk = await app.SignedInAsync("bsz.clerk");
        var byClerk = await clerk.PostAsync(url + "?handler=Repeal", new Dictionary<string, string?> { ["repealedOn"] = "2026-03-01", ["__RequestVerificationToken"] = await clerk.TokenFromAsync(url) });
        Assert.Equal(HttpStatusCode.Forbidden, byClerk.Status);

        using var admin = await app.SignedInAsync("bsz.admin");
        var early = await admin.SubmitAsync(url, new Dictionary<string, string?> { ["repealedOn"] = document.WrittenOn.AddDays(-1).ToString("yyyy-MM-dd") }, handler: "Repeal");
        Assert.Contains("废止日期须在成文日期之后、不晚于今天。", early.Summary);
        var repealed = await admin.SubmitAsync(url, new Dictionary<string, string?> { ["repealedOn"] = "2026-03-01" }, handler: "Repeal");
        Assert.Equal(HttpStatusCode.Redirect, repealed.Status);
        Assert.Equal(new DateOnly(2026, 3, 1), (await app.QueryAsync(db => db.InfoItems.AsNoTracking().SingleAsync(i => i.Id == document.Id))).RepealedOn);
        Assert.Contains("已废止（2026-03-01）", (await visitor.GetAsync($"/agency/qx-bsz/items/{document.Id}")).Text);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Changes.Contains("标记废止：2026-03-01"))));
    }
}
