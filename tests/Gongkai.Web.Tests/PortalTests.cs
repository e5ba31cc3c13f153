using System.Net;
using Gongkai.Tests;

namespace Gongkai.Web.Tests;

/// <summary>One demo site for the tests of a class that only read it (issue 24: an app start migrates and seeds a database).</summary>
public sealed class DemoSite : IAsyncLifetime
{
    public GongkaiApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await GongkaiApp.StartAsync("sqlite");

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The public portal: every agency and its 政府信息公开 column, without signing in. The tests that
/// only read share one site; the two that change the site or its settings start their own.
/// </summary>
public sealed class PortalTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task TheHomePage_ListsTheCountyAndEveryAgencyBelowIt()
    {
        var app = site.App;
        using var visitor = app.NewVisitor();
        var home = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("zh-CN", home.Document.DocumentElement.GetAttribute("lang"));
        var links = home.Document.QuerySelectorAll(".agency-tree a").Select(a => a.TextContent).ToList();
        Assert.Equal(["青溪县人民政府", "青溪县财政局", "青溪县自然资源局", "青溪县白沙镇人民政府", "青溪县石桥镇人民政府"], links);
        Assert.NotNull(home.Document.QuerySelector("main#main"));
        Assert.NotNull(home.Document.QuerySelector("a.skip-link[href='#main']"));
    }

    [Fact]
    public async Task TheHomePage_OpensWithASearchBox_TheLatestInformation_AndTheLatestReports_AndTheFooterNamesTheSite()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string>
        {
            ["Site:Name"] = "青溪县政府信息公开平台", ["Site:Sponsor"] = "青溪县人民政府办公室", ["Site:SiteCode"] = "3301000001", ["Site:Icp"] = "浙ICP备00000001号",
        });
        using var visitor = app.NewVisitor();
        var home = await visitor.GetAsync("/");
        Assert.Equal("/search", home.Document.QuerySelector("form[role=search]")!.GetAttribute("action"));
        var latest = home.Document.QuerySelectorAll("#latest-title + ul.news li a").ToList();
        Assert.Equal(10, latest.Count);
        var dates = home.Document.QuerySelectorAll("#latest-title + ul.news .date").Select(d => d.TextContent).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal(5, home.Document.QuerySelectorAll("#reports-title + ul.news a").Count(a => a.TextContent.EndsWith("2025 年度报告", StringComparison.Ordinal)));
        Assert.Contains("青溪县政府信息公开平台", home.Document.QuerySelector(".site-title")!.TextContent);
        var footer = home.Document.QuerySelector(".site-footer")!.TextContent;
        Assert.Contains("主办单位：青溪县人民政府办公室", footer);
        Assert.Contains("网站标识码：3301000001", footer);
        Assert.Contains("浙ICP备00000001号", footer);

        var column = await visitor.GetAsync("/agency/qx-bsz/catalog");
        Assert.Contains("青溪县白沙镇人民政府", column.Document.QuerySelector(".site-title")!.TextContent);
        Assert.Equal(["标题", "索引号", "文号", "发布日期"], column.Document.QuerySelectorAll("table.item-list th").Select(t => t.TextContent));
    }

    [Fact]
    public async Task RequiredFields_AreMarkedBeforeTheFormIsSent()
    {
        var app = site.App;
        using var visitor = app.NewVisitor();
        string[] Marked(Visitor.Page page) => page.Document.QuerySelectorAll("main label.required").Select(l => l.TextContent.Trim()).ToArray();
        var apply = Marked(await visitor.GetAsync("/agency/qx-bsz/apply"));
        Assert.Contains("姓名或名称", apply);
        Assert.Contains("联系电话", apply);
        Assert.DoesNotContain("电子邮箱", apply);
        var login = Marked(await visitor.GetAsync("/console/login"));
        Assert.Contains("用户名", login);
        Assert.Contains("密码", login);
        using var admin = await app.SignedInAsync("bsz.admin");
        Assert.Empty(Marked(await admin.GetAsync("/console/account/mail")));
    }

    [Fact]
    public async Task AStaffMemberRefused_IsToldSoInsideTheConsole()
    {
        var app = site.App;
        var id = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.AnnualReports.Select(r => r.Id)));
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        var page = await supervisor.GetAsync($"/console/reports/{id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.NotNull(page.Document.QuerySelector("nav[aria-label=工作台导航]"));
        Assert.DoesNotContain("工作人员登录", page.Text);
        Assert.Contains("返回工作台", page.Text);
    }

    [Theory]
    [InlineData("", "青溪县白沙镇人民政府 政府信息公开")]
    [InlineData("/guide", "青溪县白沙镇人民政府 政府信息公开指南")]
    [InlineData("/rules", "青溪县白沙镇人民政府 政府信息公开制度")]
    [InlineData("/catalog", "青溪县白沙镇人民政府 法定主动公开内容")]
    [InlineData("/reports", "青溪县白沙镇人民政府 政府信息公开年报")]
    [InlineData("/apply", "青溪县白沙镇人民政府 依申请公开")]
    public async Task EverySectionOfTheColumn_Opens_WithTheFiveSectionsInItsNavigation(string path, string heading)
    {
        var app = site.App;
        using var visitor = app.NewVisitor();
        var page = await visitor.GetAsync("/agency/qx-bsz" + path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(heading, page.Document.QuerySelector("h1")!.TextContent);
        var nav = page.Document.QuerySelectorAll("nav.column-nav a").Select(a => a.TextContent).ToList();
        Assert.Equal(["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开"], nav);
    }

    [Theory]
    [InlineData("qx-sqz", "/rules")]
    public async Task ASectionWithNothingYet_SaysSoPlainly(string agency, string path)
    {
        var app = site.App;
        using var visitor = app.NewVisitor();
        var page = await visitor.GetAsync($"/agency/{agency}{path}");
        Assert.Contains("尚未", page.Document.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task TheGuide_PrintsTheDisclosureOfficesContactData()
    {
        var app = site.App;
        var town = await app.AgencyAsync("qx-sqz");
        using var visitor = app.NewVisitor();
        var guide = await visitor.GetAsync("/agency/qx-sqz/guide");
        foreach (var value in new[] { town.OfficeName, town.OfficeAddress, town.OfficePostcode!, town.OfficeHours!, town.OfficePhone, town.OfficeFax!, town.OfficeEmail! })
        {
            Assert.Contains(value, guide.Text);
        }
    }

    [Fact]
    public async Task AnUnknownAgency_Is404_WithAChinesePage()
    {
        var app = site.App;
        using var visitor = app.NewVisitor();
        var page = await visitor.GetAsync("/agency/nowhere/guide");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("页面不存在", page.Text);
    }

    [Fact]
    public async Task ContactDataTyped_WithMarkup_IsShownAsText()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var town = await app.AgencyAsync("qx-bsz");
        using (var admin = await app.SignedInAsync("bsz.admin"))
        {
            await admin.SubmitAsync($"/console/agencies/{town.Id}", new Dictionary<string, string?> { ["Form.OfficeHours"] = "<script>alert(1)</script>工作日" });
        }
        using var visitor = app.NewVisitor();
        var guide = await visitor.GetAsync("/agency/qx-bsz/guide");
        Assert.Contains("<script>alert(1)</script>工作日", guide.Text);
        Assert.Empty(guide.Document.QuerySelectorAll("main script"));
    }
}
