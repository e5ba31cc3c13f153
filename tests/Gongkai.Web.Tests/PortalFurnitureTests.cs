using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Gongkai.Web.Tests;

/// <summary>One app for <see cref="PortalFurnitureTests"/>, with a deployment's identifiers set as a real site sets them.</summary>
public sealed class FurnishedSite : IAsyncLifetime
{
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["Site:PublicUrl"] = "https://gk.qingxi.example.gov.cn", ["Site:Name"] = "青溪县政府信息公开平台",
        ["Site:Sponsor"] = "青溪县人民政府办公室", ["Site:Operator"] = "青溪县大数据发展中心", ["Site:Contact"] = "0571-86010001",
        ["Site:SiteCode"] = "3301000001", ["Site:Icp"] = "浙ICP备00000001号", ["Site:PoliceRecord"] = "浙公网安备 33010002000001号",
        ["Site:GovBadgeLink"] = "https://bszs.conac.cn/sitename?method=show&id=0000000000000001",
    };

    public GongkaiApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await GongkaiApp.StartAsync("sqlite", Settings);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// What a Chinese government site carries around its content (portal-conventions.md, 政府网站发展指引):
/// the footer's identifiers with their links, “当前位置”, 网站地图, 联系我们, “我要申请” and
/// “申请进度查询” where people look first, an agency's column that is a front page, and a paper
/// application form. The tests only read: they share one app.
/// </summary>
public sealed class PortalFurnitureTests(FurnishedSite site) : IClassFixture<FurnishedSite>
{
    private GongkaiApp App => site.App;

    [Fact]
    public async Task TheFooter_NamesTheOperator_AndLinksTheIcpNumberThePoliceRecordAndTheBadge()
    {
        using var visitor = App.NewVisitor();
        var footer = (await visitor.GetAsync("/agency/qx-bsz/catalog")).Document.QuerySelector(".site-footer")!;
        Assert.Contains("承办单位：青溪县大数据发展中心", footer.TextContent);
        Assert.Contains("主办单位：青溪县人民政府办公室", footer.TextContent);
        string? Href(string text) => footer.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == text)?.GetAttribute("href");
        Assert.Equal("https://beian.miit.gov.cn/", Href("浙ICP备00000001号"));
        Assert.Equal("https://beian.mps.gov.cn/#/query/webSearch?code=33010002000001", Href("浙公网安备 33010002000001号"));
        var badge = footer.QuerySelector("a.gov-badge")!;
        Assert.Equal(FurnishedSite.Settings["Site:GovBadgeLink"], badge.GetAttribute("href"));
        Assert.Equal("党政机关网站标识", badge.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("/sitemap", Href("网站地图"));
        Assert.Equal("/contact", Href("联系我们"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync(badge.QuerySelector("img")!.GetAttribute("src"))).StatusCode);
    }

    [Theory]
    [InlineData("Site:PoliceRecord", "浙公网安备")]
    [InlineData("Site:GovBadgeLink", "conac.cn/verify")]
    public void AnIdentifierThatCannotBeLinked_StopsTheStart_NamingTheSetting(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var error = Assert.Throws<Gongkai.Data.SettingsException>(() => SiteSettings.From(configuration, new Development()));
        Assert.Contains(key, error.Message);
    }

    [Theory]
    [InlineData("/search?q=低保", "搜索")]
    [InlineData("/data", "开放数据")]
    [InlineData("/track", "申请进度查询")]
    [InlineData("/apply", "我要申请")]
    [InlineData("/sitemap", "网站地图")]
    [InlineData("/contact", "联系我们")]
    [InlineData("/agency/qx-bsz", "青溪县白沙镇人民政府")]
    [InlineData("/agency/qx-bsz/catalog", "青溪县白沙镇人民政府 › 法定主动公开内容")]
    [InlineData("/agency/qx-bsz/reports/2025", "青溪县白沙镇人民政府 › 政府信息公开年报 › 2025年度报告")]
    public async Task EveryPortalPageButTheHome_SaysWhereTheReaderIs(string path, string trail)
    {
        using var visitor = App.NewVisitor();
        var page = await visitor.GetAsync(path);
        var crumbs = page.Document.QuerySelector("nav.breadcrumb[aria-label=当前位置]")!;
        Assert.StartsWith("当前位置：", crumbs.TextContent.Trim());
        var steps = crumbs.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal("首页 › " + trail, string.Join(" › ", steps));
        Assert.Equal("/", crumbs.QuerySelector("li a")!.GetAttribute("href"));
        // Every step but the last is a link; the last is the page itself.
        Assert.Equal(steps.Count - 1, crumbs.QuerySelectorAll("li a").Length);
        Assert.Equal("page", crumbs.QuerySelectorAll("li").Last().QuerySelector("[aria-current]")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task TheHomePage_HasNoTrail()
    {
        using var visitor = App.NewVisitor();
        Assert.Null((await visitor.GetAsync("/")).Document.QuerySelector("nav.breadcrumb"));
    }

    [Fact]
    public async Task AnItemsTrail_LeadsBackThroughItsColumn()
    {
        var item = await App.QueryAsync(db => db.InfoItems.Where(i => i.Title == "白沙镇农村低保审核审批实施办法").Select(i => i.Id).SingleAsync());
        using var visitor = App.NewVisitor();
        var links = (await visitor.GetAsync($"/agency/qx-bsz/items/{item}")).Document.QuerySelectorAll("nav.breadcrumb li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/agency/qx-bsz", "/agency/qx-bsz/catalog"], links);
    }

    [Fact]
    public async Task TheSiteMap_ListsEveryAgencysColumn_WithItsSections()
    {
        using var visitor = App.NewVisitor();
        var map = (await visitor.GetAsync("/sitemap")).Document;
        var agencies = await App.QueryAsync(db => db.Agencies.Select(a => a.ShortCode).ToListAsync());
        Assert.True(agencies.Count >= 5);
        var links = map.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToHashSet();
        foreach (var code in agencies)
        {
            foreach (var section in new[] { "", "/guide", "/rules", "/catalog", "/reports", "/apply" })
            {
                Assert.Contains($"/agency/{code}{section}", links);
            }
        }
        Assert.Superset(new HashSet<string?> { "/", "/search", "/track", "/data", "/contact" }, links);
    }

    [Fact]
    public async Task ContactUs_GivesTheSitesOperators_AndEveryAgencysDisclosureOffice()
    {
        using var visitor = App.NewVisitor();
        var page = await visitor.GetAsync("/contact");
        Assert.Contains("青溪县大数据发展中心", page.Text);
        var rows = page.Document.QuerySelectorAll("table.office-list tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(await App.QueryAsync(db => db.Agencies.CountAsync()), rows.Count);
        Assert.Contains(rows, r => r.Contains("白沙镇党政办公室", StringComparison.Ordinal) && r.Contains("青溪县白沙镇白沙街 8 号", StringComparison.Ordinal) && r.Contains("0571-86040001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyingAndTracking_AreTheFirstThingsOnTheHomePage_AndIApplyLeadsToEveryAgencysForm()
    {
        using var visitor = App.NewVisitor();
        var home = (await visitor.GetAsync("/")).Document;
        var main = home.QuerySelector("main")!;
        var actions = main.QuerySelectorAll(".action-buttons a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("我要申请", "/apply"), ("申请进度查询", "/track")], actions);
        // Before the search box, the news and the agency list in the page's order (so above the fold on a phone).
        var order = main.QuerySelectorAll(".action-buttons, form[role=search], .home-columns, .agency-tree").Select(e => e.ClassName ?? e.TagName).ToList();
        Assert.Equal("action-buttons", order[0]);

        var choose = (await visitor.GetAsync("/apply")).Document;
        var forms = choose.QuerySelectorAll(".apply-choices a").Select(a => a.GetAttribute("href")).ToList();
        var codes = await App.QueryAsync(db => db.Agencies.Select(a => a.ShortCode).ToListAsync());
        Assert.Equal(codes.Select(c => $"/agency/{c}/apply").Order(), forms.Order());
    }

    [Fact]
    public async Task AnAgencysColumn_ShowsItsLatestItems_TheGuideInBrief_ItsLastReport_AndTheApplyButton()
    {
        using var visitor = App.NewVisitor();
        var page = await visitor.GetAsync("/agency/qx-bsz");
        var latest = await App.QueryAsync(db => db.InfoItems.Where(i => i.AgencyId == db.Agencies.Single(a => a.ShortCode == "qx-bsz").Id && i.Status == Gongkai.Domain.Disclosure.ItemStatus.Published)
            .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Select(i => i.Title).Take(Pages.Agencies.ColumnModel.Latest).ToListAsync());
        Assert.NotEmpty(latest);
        Assert.Equal(latest, page.Document.QuerySelectorAll("#column-latest + ul.news li a").Select(a => a.TextContent));
        var lastYear = await App.QueryAsync(db => db.AnnualReports.Where(r => r.AgencyId == db.Agencies.Single(a => a.ShortCode == "qx-bsz").Id && r.Status == Gongkai.Domain.Reports.ReportStatus.Published).MaxAsync(r => r.Year));
        Assert.NotNull(page.Document.QuerySelector($"section[aria-labelledby=column-report] a[href='/agency/qx-bsz/reports/{lastYear}']"));
        var guide = page.Document.QuerySelector("section[aria-labelledby=column-guide]")!;
        Assert.Contains("0571-86040001", guide.TextContent);
        Assert.NotNull(guide.QuerySelector("a[href='/agency/qx-bsz/guide']"));
        Assert.Equal("/agency/qx-bsz/apply", page.Document.QuerySelector("main .action-buttons a.primary")!.GetAttribute("href"));
    }

    /// <summary>The paper form (Art. 29) is a Word document addressed to the agency: its name, its office's address, the online address, and what Art. 29 asks for.</summary>
    [Fact]
    public async Task ThePaperApplicationForm_IsAWordDocument_AddressedToTheAgency()
    {
        using var visitor = App.NewVisitor();
        var apply = await visitor.GetAsync("/agency/qx-bsz/apply");
        var href = apply.Document.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("政府信息公开申请表", StringComparison.Ordinal)).GetAttribute("href")!;
        var response = await visitor.Client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Gongkai.Documents.Letters.ApplicationFormDocx.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("政府信息公开申请表", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = docx.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("向青溪县白沙镇人民政府提出", text);
        Assert.Contains("青溪县白沙镇白沙街 8 号", text);
        Assert.Contains("邮政编码330101", text);
        Assert.Contains("https://gk.qingxi.example.gov.cn/agency/qx-bsz/apply", text);
        foreach (var asked in new[] { "姓名", "身份证件名称及号码", "统一社会信用代码", "联系电话", "名称、文号或者便于查询的其他特征性描述", "□电子邮件", "□邮寄纸质件", "申请人签名" })
        {
            Assert.Contains(asked, text);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync("/agency/nowhere/apply?handler=Form")).StatusCode);
    }

    private sealed class Development : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "Gongkai.Web";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public string EnvironmentName { get; set; } = "Development";
    }
}
