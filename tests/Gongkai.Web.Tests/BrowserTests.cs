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
            "/search?q=%E4%BD%8E%E4%BF%9D", "/search?q=%E4%BD%8E", "/console/login",
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
}
