using Gongkai.Data.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>The portal in a real browser: no serious or critical accessibility violations, and everything works with JavaScript off.</summary>
public sealed class BrowserTests(BrowserApp portal) : IClassFixture<BrowserApp>
{
    /// <summary>axe (WCAG 2.1 A/AA) finds nothing serious or critical on any portal page, in the standard view and in the 关怀版, nor on the console's lists in the 关怀版.</summary>
    [Fact]
    public async Task PortalPages_HaveNoSeriousOrCriticalAccessibilityViolations()
    {
        Browser.SkipUnlessInstalled();
        var app = portal.App;
        var itemId = await app.QueryAsync(db => db.InfoItems.Where(i => i.Title == "白沙镇农村低保审核审批实施办法").Select(i => i.Id).SingleAsync());
        var page = await portal.PageAsync(new() { BypassCSP = true });
        // The checker itself: a form field without a label and an image without text are found.
        await page.SetContentAsync("<html lang=\"zh-CN\"><head><title>t</title></head><body><main><img src=\"x.png\"><input type=\"text\"></main></body></html>");
        var known = await Browser.SeriousViolationsAsync(page);
        Assert.Contains(known, v => v.Contains("image-alt", StringComparison.Ordinal));
        Assert.Contains(known, v => v.Contains("label", StringComparison.Ordinal));

        string[] paths =
        [
            "/", "/agency/qx-bsz", "/agency/qx-bsz/guide", "/agency/qx-bsz/rules", "/agency/qx-bsz/catalog", "/agency/qx-bsz/catalog?category=a20.01",
            $"/agency/qx-bsz/items/{itemId}", "/agency/qx-bsz/reports", "/agency/qx-bsz/reports/2025", "/agency/qx-bsz/apply", "/track",
            "/search?q=%E4%BD%8E%E4%BF%9D", "/search?q=%E4%BD%8E", "/console/login", "/data", "/data?Agency=qx-bsz", "/apply", "/sitemap", "/contact",
        ];
        var care = await portal.PageAsync(new() { BypassCSP = true });
        await care.Context.AddCookiesAsync([new() { Name = Infrastructure.ReadingView.Cookie, Value = "cl", Url = app.Address }]);
        var problems = new List<string>();
        foreach (var (view, label) in new[] { (page, "标准"), (care, "关怀版") })
        {
            foreach (var path in paths)
            {
                var response = await view.GotoAsync(app.Address + path);
                Assert.True(response?.Ok, $"{path}: {response?.Status}");
                problems.AddRange((await Browser.SeriousViolationsAsync(view)).Select(v => $"{label} {path}: {v}"));
            }
        }
        var clerk = await portal.SignedInAsync("bsz.clerk", new() { BypassCSP = true });
        await clerk.Context.AddCookiesAsync([new() { Name = Infrastructure.ReadingView.Cookie, Value = "cl", Url = app.Address }]);
        foreach (var path in new[] { "/console", "/console/applications", "/console/items", "/console/reports" })
        {
            await clerk.GotoAsync(app.Address + path);
            Assert.Contains("care", await clerk.EvaluateAsync<string>("document.documentElement.className"));
            problems.AddRange((await Browser.SeriousViolationsAsync(clerk)).Select(v => $"关怀版 {path}: {v}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task WithJavaScriptOff_SearchAndTheApplicationFormWork()
    {
        Browser.SkipUnlessInstalled();
        var app = portal.App;
        var page = await portal.PageAsync(new() { JavaScriptEnabled = false });

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
        var app = portal.App;
        var page = await portal.PageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
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
        var app = portal.App;
        var page = await portal.PageAsync();
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
        // The site's configured address (the tests' default Site:PublicUrl), not the one the browser used.
        Assert.Contains("本回执打印自 http://localhost:5000/agency/qx-bsz/apply", printed);
        Assert.False(await page.Locator(".site-header nav").IsVisibleAsync());
        Assert.False(await page.Locator(".column-nav").IsVisibleAsync());
        Assert.False(await page.Locator("button[data-print]").IsVisibleAsync());
    }

    /// <summary>
    /// The 关怀版 is switched on and off by links, without JavaScript, and stays on from page to page
    /// (a cookie holding only the choice): body text at least 18 px while on, the 字号 switch on top
    /// of it (its pages are in the accessibility walk above).
    /// </summary>
    [Fact]
    public async Task TheCareView_SwitchesOnAndOff_WithoutJavaScript()
    {
        Browser.SkipUnlessInstalled();
        var app = portal.App;
        var page = await portal.PageAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 390, Height = 844 } });
        async Task<double> BodyPixelsAsync() =>
            double.Parse((await page.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).fontSize")).Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync(app.Address + "/agency/qx-bsz/catalog");
        Assert.Equal(16, await BodyPixelsAsync());

        // Following a link as a browser without script does: the switch answers with a redirect back to the page.
        async Task FollowAsync(string name)
        {
            var href = await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First.GetAttributeAsync("href");
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
        var app = portal.App;
        var page = await portal.PageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync(app.Address + "/agency/qx-bsz/catalog");
        var title = await page.Locator("table.item-list tbody tr td:first-child").First.BoundingBoxAsync();
        Assert.True(title!.Width >= 300, $"the first title is {title.Width} px wide");
        var date = page.Locator("table.item-list tbody tr td[data-label='发布日期']").First;
        var box = await date.BoundingBoxAsync();
        Assert.True(box!.X + box.Width <= 390, $"发布日期 ends at {box.X + box.Width} px");
        Assert.Equal(1, (int)Math.Round(box.Height / double.Parse((await date.EvaluateAsync<string>("e => getComputedStyle(e).lineHeight")).Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
    }

    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 } };

    private static double Pixels(string css) => double.Parse(css.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>On a phone, 我要申请 and 申请进度查询 are on the first screen of the home page and of an agency's column.</summary>
    [Fact]
    public async Task OnAPhone_ApplyingAndTracking_AreAboveTheFold()
    {
        Browser.SkipUnlessInstalled();
        var page = await portal.PageAsync(Phone);
        foreach (var path in new[] { "/", "/agency/qx-bsz" })
        {
            await page.GotoAsync(portal.Address + path);
            foreach (var name in new[] { "我要申请", "申请进度查询" })
            {
                var box = await page.Locator(".action-buttons a", new() { HasTextString = name }).BoundingBoxAsync();
                Assert.True(box is not null && box.Y + box.Height <= 844 && box.Height >= 44, $"{path} {name}: {box?.Y}+{box?.Height}");
            }
        }
    }

    /// <summary>On a phone the item's metadata box is label/value pairs within the screen, and its dates are never broken.</summary>
    [Fact]
    public async Task OnAPhone_TheMetadataBox_IsLabelValuePairs_AndItsDatesDoNotBreak()
    {
        Browser.SkipUnlessInstalled();
        var item = await portal.App.QueryAsync(db => db.InfoItems.Where(i => i.Title == "白沙镇农村低保审核审批实施办法").Select(i => i.Id).SingleAsync());
        var page = await portal.PageAsync(Phone);
        await page.GotoAsync(portal.Address + $"/agency/qx-bsz/items/{item}");
        foreach (var date in await page.Locator("table.item-meta td.date").AllAsync())
        {
            var box = (await date.BoundingBoxAsync())!;
            Assert.True(box.X + box.Width <= 390, $"a date ends at {box.X + box.Width} px");
            Assert.Equal(1, (int)Math.Round((box.Height - 12) / Pixels(await date.EvaluateAsync<string>("e => getComputedStyle(e).lineHeight"))));
        }
        // Two cells a line (label, value): 发布机构 and its value side by side, 公开目录 on the next line.
        var label = (await page.Locator("table.item-meta th", new() { HasTextString = "发布机构" }).BoundingBoxAsync())!;
        var next = (await page.Locator("table.item-meta th", new() { HasTextString = "公开目录" }).BoundingBoxAsync())!;
        Assert.True(next.Y > label.Y && Math.Abs(next.X - label.X) < 1, $"发布机构 at ({label.X},{label.Y}), 公开目录 at ({next.X},{next.Y})");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
    }

    /// <summary>On a phone a statutory table stays a table: it scrolls sideways in its own box and its first column stays in view.</summary>
    [Fact]
    public async Task OnAPhone_AStatutoryTable_ScrollsInItsBox_WithItsFirstColumnInView()
    {
        Browser.SkipUnlessInstalled();
        var page = await portal.PageAsync(Phone);
        await page.GotoAsync(portal.Address + "/agency/qx-bsz/reports/2025");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        // The widest table with row labels (the applications' table 3, a column per kind of applicant);
        // a table of figures alone (the appeals' table 4) has no label column to keep.
        Assert.Equal(0, await page.Locator(".table-scroll", new() { HasTextString = "行政复议" }).Locator(".sticky").CountAsync());
        var widest = await page.EvaluateAsync<int>("""
            [...document.querySelectorAll('.table-scroll')].map((b, i) => [b.querySelector('th.sticky[scope=row], th.sticky[scope=rowgroup]') ? b.scrollWidth - b.clientWidth : -1, i])
                .sort((x, y) => y[0] - x[0])[0][1]
            """);
        var box = page.Locator(".table-scroll").Nth(widest);
        Assert.True(await box.EvaluateAsync<bool>("b => b.scrollWidth > b.clientWidth + 100"), "the widest table does not scroll");
        var label = box.Locator("th.sticky[scope=row], th.sticky[scope=rowgroup]").First;
        var before = (await label.BoundingBoxAsync())!;
        await box.EvaluateAsync("b => b.scrollLeft = 300");
        var after = (await label.BoundingBoxAsync())!;
        Assert.Equal(before.X, after.X, 0.5);
        // A value cell of the same row moved under it.
        var value = box.Locator("tbody td.num").Last;
        Assert.True((await value.BoundingBoxAsync())!.X < 390 + 300, "the values did not scroll");
    }

    /// <summary>On a phone the clerk's dashboard lists each open application as a block, with 剩余工作日 on screen.</summary>
    [Fact]
    public async Task OnAPhone_TheClerksDashboard_ShowsTheWorkingDaysLeft()
    {
        Browser.SkipUnlessInstalled();
        using (var citizen = portal.NewVisitor())
        {
            var submitted = await citizen.SubmitAsync("/agency/qx-bsz/apply", new Dictionary<string, string?>
            {
                ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "手机测试人", ["Form.IdNumber"] = "11010519491231002X", ["Form.Phone"] = "13800138000",
                ["Form.Description"] = "白沙镇2025年村道养护资金的使用情况", ["Form.FormWanted"] = "电子邮件",
            });
            Assert.True(submitted.Status == System.Net.HttpStatusCode.Redirect, submitted.Summary);
        }
        var clerk = await portal.SignedInAsync("bsz.clerk", Phone);
        await clerk.GotoAsync(portal.Address + "/console");
        var left = clerk.Locator("table[aria-label=未办结的申请] td[data-label=剩余工作日]").First;
        var box = (await left.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"剩余工作日 at {box.X}..{box.X + box.Width}");
        Assert.Equal("剩余工作日：", await left.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content.replaceAll('\"', '')"));
        var number = clerk.Locator("table[aria-label=未办结的申请] td.title").First;
        Assert.True((await number.BoundingBoxAsync())!.Width >= 300);
    }

    /// <summary>The /data charts' labels are at least 12 px as drawn — on a phone, in the standard view and in the 关怀版.</summary>
    [Fact]
    public async Task OnAPhone_TheChartsLabels_AreAtLeast12Pixels_AlsoInTheCareView()
    {
        Browser.SkipUnlessInstalled();
        foreach (var care in new[] { false, true })
        {
            var page = await portal.PageAsync(Phone);
            if (care)
            {
                await page.Context.AddCookiesAsync([new() { Name = Infrastructure.ReadingView.Cookie, Value = "cm", Url = portal.Address }]);
            }
            await page.GotoAsync(portal.Address + "/data");
            var sizes = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('.chart svg text')].map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)");
            Assert.True(sizes.Length > 10, $"{sizes.Length} labels");
            Assert.True(sizes.Min() >= (care ? 15.9 : 12), $"care {care}: the smallest label is {sizes.Min()} px");
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"));
        }
    }

    /// <summary>
    /// After the clerk answers, /track (on a phone and on a desk) shows what was asked for, each step
    /// with its date, and the reply letter to download — the form opened from the receipt's link with
    /// the number filled in, the code typed by the applicant.
    /// </summary>
    [Fact]
    public async Task AnAnsweredApplication_OnTrack_ShowsTheStepsAndTheLetter_OnAPhoneAndADesk()
    {
        Browser.SkipUnlessInstalled();
        using var citizen = portal.NewVisitor();
        var submitted = await citizen.SubmitAsync("/agency/qx-bsz/apply", new Dictionary<string, string?>
        {
            ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "查询测试人", ["Form.IdNumber"] = "11010519491231002X", ["Form.Phone"] = "13800138000",
            ["Form.Description"] = "白沙镇2025年农村危房改造补助名单", ["Form.FormWanted"] = "电子邮件",
        });
        Assert.True(submitted.Status == System.Net.HttpStatusCode.Redirect, submitted.Summary);
        var strongs = (await citizen.GetAsync(submitted.Location!)).Document.QuerySelectorAll(".notice strong").Select(e => e.TextContent).ToList();
        var (tracking, code) = (strongs[0], strongs[1]);
        var id = await portal.App.QueryAsync(db => db.Applications.Where(a => a.TrackingNumber == tracking).Select(a => a.Id).SingleAsync());
        using var clerk = portal.NewVisitor();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await clerk.SignInAsync("bsz.clerk", Gongkai.Data.Demo.DemoData.Password)).StatusCode);
        var replied = await clerk.SubmitAsync($"/console/applications/{id}", new Dictionary<string, string?>
        {
            ["Kind"] = "Reply", ["Date"] = "2026-03-02", ["Reply"] = "Granted", ["Reason"] = "予以公开，见附件。",
        });
        Assert.True(replied.Status == System.Net.HttpStatusCode.Redirect, replied.Summary);

        foreach (var width in new[] { 390, 1366 })
        {
            var page = await portal.PageAsync(new() { ViewportSize = new() { Width = width, Height = 844 }, AcceptDownloads = true });
            await page.GotoAsync(portal.Address + $"/track?number={tracking}");
            Assert.Equal(tracking, await page.Locator("#TrackingNumber").InputValueAsync());
            await page.Locator("#Code").FillAsync(code);
            await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await page.Locator("#status-heading").WaitForAsync();
            var main = await page.Locator("main").InnerTextAsync();
            Assert.Contains("白沙镇2025年农村危房改造补助名单", main);
            Assert.Contains("2026-03-02：答复", main);
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载答复告知书（DOCX）" }).ClickAsync());
            var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
            Assert.Equal((byte)'P', bytes[0]);   // a ZIP package: the DOCX
            Assert.True(await page.EvaluateAsync<bool>($"document.documentElement.scrollWidth <= {width}"));
        }
    }

    /// <summary>The search finds published annual reports: /search?q=年度报告 lists one, marked as a report, linking to it.</summary>
    [Fact]
    public async Task SearchingForAnnualReports_ListsAPublishedReport()
    {
        Browser.SkipUnlessInstalled();
        var page = await portal.PageAsync(Phone);
        await page.GotoAsync(portal.Address + "/search?q=%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A");
        var report = page.Locator(".search-results a[href^='/agency/qx-bsz/reports/']").First;
        Assert.Contains("年度报告", await report.TextContentAsync());
        await report.ClickAsync();
        await page.WaitForURLAsync("**/agency/qx-bsz/reports/**");
        Assert.True(await page.Locator("table.report-table").CountAsync() >= 3);
    }

    /// <summary>Past the form's limit, the browser is shown a page in Chinese saying how long to wait (Retry-After), with what was typed kept.</summary>
    [Fact]
    public async Task TooManyLookups_AreAnswered429_InChinese_WithRetryAfter()
    {
        Browser.SkipUnlessInstalled();
        var page = await portal.PageAsync();
        await page.GotoAsync(portal.Address + "/track");
        await page.Locator("#TrackingNumber").FillAsync("20260302001000001");
        await page.Locator("#Code").FillAsync("ABCD2345");
        IResponse? answer = null;
        // A browser's limit is 10 posts a minute (RateLimits:SubmissionsPerMinute): the 11th at the latest is refused.
        for (var i = 0; i < 12 && answer?.Status != 429; i++)
        {
            answer = await page.RunAndWaitForResponseAsync(() => page.Locator("main form[method=post] button[type=submit]").First.ClickAsync(),
                r => r.Request.Method == "POST" && r.Url.EndsWith("/track", StringComparison.Ordinal));
        }
        Assert.Equal(429, answer!.Status);
        var wait = int.Parse((await answer.HeaderValueAsync("retry-after"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 60);
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains("过于频繁", text);
        Assert.Contains($"请在 {wait} 秒后再试", text);
        Assert.Equal("20260302001000001", await page.Locator("main form[method=post] input[name=TrackingNumber]").InputValueAsync());
    }

    /// <summary>An item and a report print as content: no navigation, and the page's public address and the day of printing on the paper.</summary>
    [Fact]
    public async Task AnItemAndAReport_PrintWithTheirAddressAndTheDate_AndNoNavigation()
    {
        Browser.SkipUnlessInstalled();
        var item = await portal.App.QueryAsync(db => db.InfoItems.Where(i => i.Title == "白沙镇农村低保审核审批实施办法").Select(i => i.Id).SingleAsync());
        foreach (var path in new[] { $"/agency/qx-bsz/items/{item}", "/agency/qx-bsz/reports/2025" })
        {
            var page = await portal.PageAsync();
            await page.GotoAsync(portal.Address + path);
            Assert.False(await page.Locator(".print-source").IsVisibleAsync());
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            var source = await page.Locator(".print-source").InnerTextAsync();
            // The site's configured address (Site:PublicUrl; the tests' default), not the address the browser used.
            Assert.StartsWith("本页网址：http://localhost:5000" + path, source);
            Assert.Matches(@"打印日期：\d{4}-\d{2}-\d{2}$", source);
            Assert.False(await page.Locator(".site-header nav").IsVisibleAsync());
            Assert.False(await page.Locator(".column-nav").IsVisibleAsync());
            Assert.False(await page.Locator(".view-bar").IsVisibleAsync());
        }
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
        var app = portal.App;
        var town = await portal.SignedInAsync("bsz.admin");
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

        var county = await portal.SignedInAsync("qx.supervisor");
        await county.GotoAsync(details);
        await county.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await county.WaitForURLAsync(details);
        Assert.Contains("审核通过待发布", await county.Locator("main").InnerTextAsync());

        await town.GotoAsync(details);
        await town.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await town.WaitForURLAsync(details);

        var visitor = await portal.PageAsync();
        await visitor.GotoAsync(app.Address + "/agency/qx-bsz/reports/2023");
        Assert.Contains("白沙镇认真落实政府信息公开条例", await visitor.Locator("main").InnerTextAsync());
        var docx = await visitor.APIRequest.GetAsync(app.Address + await visitor.GetByRole(AriaRole.Link, new() { Name = "Word 文档（DOCX）" }).GetAttributeAsync("href"));
        Assert.Equal(200, docx.Status);
        Assert.Equal((byte)'P', (await docx.BodyAsync())[0]);   // a ZIP package
    }
}
