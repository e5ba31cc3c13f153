using System.Net;
using Gongkai.Tests;

namespace Gongkai.Web.Tests;

/// <summary>The public portal: every agency and its 政府信息公开 column, without signing in.</summary>
public sealed class PortalTests
{
    [Fact]
    public async Task TheHomePage_ListsTheCountyAndEveryAgencyBelowIt()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var home = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("zh-CN", home.Document.DocumentElement.GetAttribute("lang"));
        var links = home.Document.QuerySelectorAll(".agency-tree a").Select(a => a.TextContent).ToList();
        Assert.Equal(["青溪县人民政府", "青溪县财政局", "青溪县自然资源局", "青溪县白沙镇人民政府", "青溪县石桥镇人民政府"], links);
        Assert.NotNull(home.Document.QuerySelector("main#main"));
        Assert.NotNull(home.Document.QuerySelector("a.skip-link[href='#main']"));
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
        await using var app = await GongkaiApp.StartAsync("sqlite");
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
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var page = await visitor.GetAsync($"/agency/{agency}{path}");
        Assert.Contains("尚未", page.Document.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task TheGuide_PrintsTheDisclosureOfficesContactData()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
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
        await using var app = await GongkaiApp.StartAsync("sqlite");
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
