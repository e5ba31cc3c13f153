using Gongkai.Data.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>The portal in a real browser: no serious or critical accessibility violations, and everything works with JavaScript off.</summary>
public sealed class BrowserTests
{
    [Fact]
    public async Task PortalPages_HaveNoSeriousOrCriticalAccessibilityViolations()
    {
        Browser.SkipUnlessInstalled();
        await using var app = await GongkaiApp.StartOnKestrelAsync("sqlite");
        var itemId = await app.QueryAsync(db => db.InfoItems.Where(i => i.Title == "白沙镇农村低保审核审批实施办法").Select(i => i.Id).SingleAsync());
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        // The checker itself: a form field without a label and an image without text are found.
        await page.SetContentAsync("<html lang=\"zh-CN\"><head><title>t</title></head><body><main><img src=\"x.png\"><input type=\"text\"></main></body></html>");
        var known = await Browser.SeriousViolationsAsync(page);
        Assert.Contains(known, v => v.Contains("image-alt", StringComparison.Ordinal));
        Assert.Contains(known, v => v.Contains("label", StringComparison.Ordinal));

        string[] paths =
        [
            "/", "/agency/qx-bsz", "/agency/qx-bsz/guide", "/agency/qx-bsz/rules", "/agency/qx-bsz/catalog", "/agency/qx-bsz/catalog?category=a20.01",
            $"/agency/qx-bsz/items/{itemId}", "/agency/qx-bsz/reports", "/agency/qx-bsz/reports/2025", "/agency/qx-bsz/apply", "/track",
            "/search?q=%E4%BD%8E%E4%BF%9D", "/search?q=%E4%BD%8E", "/console/login", "/data", "/data?Agency=qx-bsz",
        ];
        var problems = new List<string>();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(app.Address + path);
            Assert.True(response?.Ok, $"{path}: {response?.Status}");
            problems.AddRange((await Browser.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task WithJavaScriptOff_SearchAndTheApplicationFormWork()
    {
        Browser.SkipUnlessInstalled();
        await using var app = await GongkaiApp.StartOnKestrelAsync("sqlite");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new() { JavaScriptEnabled = false })).NewPageAsync();

        await page.GotoAsync(app.Address + "/agency/qx-bsz/catalog");
        await page.GetByLabel("在本机构信息中搜索").FillAsync("征地补偿");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.WaitForURLAsync("**/search?**");
        Assert.Equal(1, await page.Locator(".search-results > li").CountAsync());
        Assert.Contains("征地补偿", await page.Locator(".search-results mark").First.TextContentAsync());

        await page.GotoAsync(app.Address + "/agency/qx-bsz/apply");
        await page.Locator("form[method=post] button[type=submit]").Last.ClickAsync();
        var errors = await page.Locator(".field-error").AllTextContentsAsync();
        Assert.Contains(errors, e => e.Contains("请填写", StringComparison.Ordinal));
    }

    /// <summary>
    /// A failed submit is heard, not only seen (issue 27): focus moves to the error summary, each
    /// entry links to its control, and every invalid control — input, select and textarea alike —
    /// says so (aria-invalid) and names its message (aria-describedby); required ones say they are.
    /// On a phone's width.
    /// </summary>
    [Fact]
    public async Task AFailedSubmit_MovesFocusToTheSummary_AndTiesEachMessageToItsControl()
    {
        Browser.SkipUnlessInstalled();
        await using var app = await GongkaiApp.StartOnKestrelAsync("sqlite");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } })).NewPageAsync();
        await page.GotoAsync(app.Address + "/agency/qx-bsz/apply");
        Assert.True(await page.Locator("textarea[required]").CountAsync() > 0);

        await page.Locator("form[method=post] button[type=submit]").Last.ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();

        Assert.True("alert" == await page.EvaluateAsync<string?>("document.activeElement.getAttribute('role')"),
            await page.EvaluateAsync<string>("document.activeElement.tagName + ' ' + (document.querySelector('.error-summary')?.outerHTML ?? 'no summary')"));
        Assert.Contains("error-summary", await page.EvaluateAsync<string>("document.activeElement.className"));
        var invalid = await page.Locator("[aria-invalid=true]").AllAsync();
        Assert.True(invalid.Count >= 3, $"{invalid.Count} controls marked invalid");
        Assert.Contains("TEXTAREA", await Task.WhenAll(invalid.Select(c => c.EvaluateAsync<string>("e => e.tagName"))));
        foreach (var control in invalid)
        {
            var message = await page.Locator("#" + await control.GetAttributeAsync("aria-describedby")).TextContentAsync();
            Assert.False(string.IsNullOrWhiteSpace(message));
            Assert.Equal("2px", await control.EvaluateAsync<string>("e => getComputedStyle(e).borderTopWidth"));
        }
        foreach (var link in await page.Locator(".error-summary a").AllAsync())
        {
            Assert.Equal(1, await page.Locator(await link.GetAttributeAsync("href") ?? "#none").CountAsync());
        }
    }

    /// <summary>
    /// The receipt prints as a receipt: the number, the code, the due date and the office's contact,
    /// with the page's address, and no navigation; the copy and print buttons appear with a script.
    /// </summary>
    [Fact]
    public async Task TheReceipt_Prints_WithTheNumberTheDueDateAndTheContact_AndNoNavigation()
    {
        Browser.SkipUnlessInstalled();
        await using var app = await GongkaiApp.StartOnKestrelAsync("sqlite");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(app.Address + "/agency/qx-bsz/apply");
        await page.Locator("#Form_Kind").SelectOptionAsync("Commercial");
        await page.Locator("#Form_Name").FillAsync("某某建材有限公司");
        await page.Locator("#Form_Phone").FillAsync("0571-87001234");
        await page.Locator("#Form_Description").FillAsync("白沙镇2025年道路改造工程招标文件");
        await page.Locator("#Form_FormWanted").SelectOptionAsync("电子邮件");
        await page.Locator("form[method=post] button[type=submit]").Last.ClickAsync();
        await page.Locator("section.receipt").WaitForAsync();
        Assert.True(await page.Locator("button[data-print]").IsVisibleAsync());

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.Locator("#receipt-number").IsVisibleAsync());
        Assert.True(await page.Locator("#receipt-code").IsVisibleAsync());
        var printed = await page.Locator("section.receipt").InnerTextAsync();
        Assert.Contains("答复期限", printed);
        Assert.Contains("0571-86040001", printed);
        Assert.Contains("本回执打印自 " + app.Address + "/agency/qx-bsz/apply", printed);
        Assert.False(await page.Locator(".site-header nav").IsVisibleAsync());
        Assert.False(await page.Locator(".column-nav").IsVisibleAsync());
        Assert.False(await page.Locator("button[data-print]").IsVisibleAsync());
    }

    /// <summary>
    /// The 关怀版 is switched on and off by links, without JavaScript, and stays on from page to page
    /// (a cookie holding only the choice): body text at least 18 px while on, the 字号 switch on top
    /// of it; its pages still have no serious or critical accessibility violation.
    /// </summary>
    [Fact]
    public async Task TheCareView_SwitchesOnAndOff_WithoutJavaScript_AndStaysAccessible()
    {
        Browser.SkipUnlessInstalled();
        await using var app = await GongkaiApp.StartOnKestrelAsync("sqlite");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 844 } })).NewPageAsync();
        async Task<double> BodyPixelsAsync() =>
            double.Parse((await page.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).fontSize")).Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync(app.Address + "/agency/qx-bsz/catalog");
        Assert.Equal(16, await BodyPixelsAsync());

        // Following a link as a browser without script does: the switch answers with a redirect back to the page.
        async Task FollowAsync(string name)
        {
            var href = await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).GetAttributeAsync("href");
            var response = await page.GotoAsync(app.Address + href);
            Assert.True(response?.Ok, $"{href}: {response?.Status}");
        }
        await FollowAsync("关怀版");
        Assert.EndsWith("/agency/qx-bsz/catalog", page.Url, StringComparison.Ordinal);
        Assert.True(await BodyPixelsAsync() >= 18);
        await page.GotoAsync(app.Address + "/track");
        Assert.True(await BodyPixelsAsync() >= 18);
        await FollowAsync("大号字");
        Assert.EndsWith("/track", page.Url, StringComparison.Ordinal);
        Assert.Equal(22, await BodyPixelsAsync());

        var accessible = await (await browser.NewContextAsync(new() { BypassCSP = true })).NewPageAsync();
        await accessible.Context.AddCookiesAsync([new() { Name = Infrastructure.ReadingView.Cookie, Value = "cl", Url = app.Address }]);
        var problems = new List<string>();
        foreach (var path in new[] { "/", "/agency/qx-bsz/catalog", "/agency/qx-bsz/apply", "/search?q=%E4%BD%8E%E4%BF%9D" })
        {
            await accessible.GotoAsync(app.Address + path);
            problems.AddRange((await Browser.SeriousViolationsAsync(accessible)).Select(v => $"{path}: {v}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        await FollowAsync("退出关怀版");
        Assert.EndsWith("/track", page.Url, StringComparison.Ordinal);
        Assert.Equal(18, await BodyPixelsAsync());
    }

    /// <summary>
    /// On a phone (390 px) the catalog is a list: the first title has a full line (at least 300 px),
    /// its 发布日期 is on screen and not broken, and the page is no wider than the screen.
    /// </summary>
    [Fact]
    public async Task OnAPhone_TheCatalogIsAList_WithFullWidthTitles()
    {
        Browser.SkipUnlessInstalled();
        await using var app = await GongkaiApp.StartOnKestrelAsync("sqlite");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } })).NewPageAsync();
        await page.GotoAsync(app.Address + "/agency/qx-bsz/catalog");
        var title = await page.Locator("table.item-list tbody tr td:first-child").First.BoundingBoxAsync();
        Assert.True(title!.Width >= 300, $"the first title is {title.Width} px wide");
        var date = page.Locator("table.item-list tbody tr td[data-label='发布日期']").First;
        var box = await date.BoundingBoxAsync();
        Assert.True(box!.X + box.Width <= 390, $"发布日期 ends at {box.X + box.Width} px");
        Assert.Equal(1, (int)Math.Round(box.Height / double.Parse((await date.EvaluateAsync<string>("e => getComputedStyle(e).lineHeight")).Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
    }

    /// <summary>
    /// Issue 7's path in a real browser: the town writes the year's report from its records, fixes
    /// the narrative and submits it; the county's supervisor accepts; the town publishes; the
    /// public page shows it with its DOCX. (Reports are edited by the agency admin here.)
    /// </summary>
    [Fact]
    public async Task AReport_GoesFromRecordsThroughTheSupervisorToThePublic()
    {
        Browser.SkipUnlessInstalled();
        await using var app = await GongkaiApp.StartOnKestrelAsync("sqlite");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        async Task<IPage> SignInAsync(string user)
        {
            var page = await (await browser.NewContextAsync()).NewPageAsync();
            await page.GotoAsync(app.Address + "/console/login");
            await page.Locator("#UserName").FillAsync(user);
            await page.Locator("#Password").FillAsync(Gongkai.Data.Demo.DemoData.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.WaitForURLAsync("**/console**");
            return page;
        }

        var town = await SignInAsync("bsz.admin");
        await town.GotoAsync(app.Address + "/console/reports/new");
        await town.Locator("#Year").FillAsync("2023");
        await town.GetByRole(AriaRole.Button, new() { Name = "创建草稿" }).ClickAsync();
        await town.WaitForURLAsync("**/edit");
        await town.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^根据办理记录生成") }).ClickAsync();
        await town.WaitForURLAsync("**/edit");
        Assert.Contains("本机关制发规章", await town.Locator("#Parts_1__Text").InputValueAsync());
        await town.Locator("#Parts_0__Text").FillAsync("2023年，白沙镇认真落实政府信息公开条例，全年工作平稳有序。");
        // What no record gives (licensing, penalties …) the clerk fills; with nothing to report, 0 — a blank blocks publication.
        foreach (var blank in await town.Locator("input[name^='Cells[']").AllAsync())
        {
            if ((await blank.InputValueAsync()).Length == 0)
            {
                await blank.FillAsync("0");
            }
        }
        await town.GetByRole(AriaRole.Button, new() { Name = "保存并检查" }).ClickAsync();
        await town.WaitForURLAsync("**/edit");
        var details = town.Url.Replace("/edit", "", StringComparison.Ordinal);
        await town.GotoAsync(details);
        await town.GetByRole(AriaRole.Button, new() { Name = "报送上级审核" }).ClickAsync();
        await town.WaitForURLAsync(details);
        Assert.Contains("已报送待审核", await town.Locator("main").InnerTextAsync());

        var county = await SignInAsync("qx.supervisor");
        await county.GotoAsync(details);
        await county.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await county.WaitForURLAsync(details);
        Assert.Contains("审核通过待发布", await county.Locator("main").InnerTextAsync());

        await town.GotoAsync(details);
        await town.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await town.WaitForURLAsync(details);

        var visitor = await (await browser.NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync(app.Address + "/agency/qx-bsz/reports/2023");
        Assert.Contains("白沙镇认真落实政府信息公开条例", await visitor.Locator("main").InnerTextAsync());
        var docx = await visitor.APIRequest.GetAsync(app.Address + await visitor.GetByRole(AriaRole.Link, new() { Name = "Word 文档（DOCX）" }).GetAttributeAsync("href"));
        Assert.Equal(200, docx.Status);
        Assert.Equal((byte)'P', (await docx.BodyAsync())[0]);   // a ZIP package
    }
}
