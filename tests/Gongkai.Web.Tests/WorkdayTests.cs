using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>
/// A clerk's and a reviewer's working day in Chromium, from the dashboard. With
/// <c>GONGKAI_SCREENSHOTS</c> set to a folder, the run also saves the README's screenshots there
/// (desktop and phone): <c>GONGKAI_SCREENSHOTS=docs/images dotnet test --filter WorkdayTests</c>.
/// </summary>
public sealed class WorkdayTests
{
    private static readonly string? Screenshots = Environment.GetEnvironmentVariable("GONGKAI_SCREENSHOTS") is { Length: > 0 } dir
        ? Path.GetFullPath(Path.IsPathRooted(dir) ? dir : Path.Combine(Browser.RepositoryRoot(), dir))
        : null;

    private static async Task ShotAsync(IBrowser browser, string address, string path, string name, string? user = null, bool care = false)
    {
        if (Screenshots is null)
        {
            return;
        }
        Directory.CreateDirectory(Screenshots);
        foreach (var (suffix, width, height) in new[] { ("", 1366, 900), ("-phone", 390, 844) })
        {
            var context = await Browser.NewContextAsync(browser, new() { ViewportSize = new() { Width = width, Height = height }, DeviceScaleFactor = 1 });
            var page = await context.NewPageAsync();
            if (care)
            {
                await context.AddCookiesAsync([new() { Name = Infrastructure.ReadingView.Cookie, Value = "cm", Url = address }]);
            }
            if (user is not null)
            {
                await SignInAsync(page, address, user);
            }
            await page.GotoAsync(address + path);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}{suffix}.png"), FullPage = false });
            await context.CloseAsync();
        }
    }

    private static async Task SignInAsync(IPage page, string address, string user)
    {
        await page.GotoAsync(address + "/console/login");
        await page.Locator("#UserName").FillAsync(user);
        await page.Locator("#Password").FillAsync(Gongkai.Data.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    [Fact]
    public async Task TheClerksDay_FromTheDashboard_ToAReplyAndItsLetter_AndTheReviewersDay_ToAPublication()
    {
        Browser.SkipUnlessInstalled();
        await using var app = await GongkaiApp.StartOnKestrelAsync("sqlite", new Dictionary<string, string> { ["Demo:Applications"] = "true" });
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        // The clerk's morning: the application due within 3 working days is on the dashboard.
        var due = await app.QueryAsync(db => db.Applications.Where(a => a.AgencyId == db.Agencies.Single(x => x.ShortCode == "qx-bsz").Id && a.AnsweredOn == null)
            .OrderBy(a => a.DueDate).Select(a => a.TrackingNumber).FirstAsync());
        var context = await Browser.NewContextAsync(browser, new() { AcceptDownloads = true });
        var clerk = await context.NewPageAsync();
        await SignInAsync(clerk, app.Address, "bsz.clerk");
        Assert.EndsWith("/console", clerk.Url);
        Assert.Contains("件申请在 3 个工作日内到期", await clerk.Locator("ul.tasks").InnerTextAsync());
        await ShotAsync(browser, app.Address, "/console", "dashboard", "bsz.clerk");
        await clerk.GetByRole(AriaRole.Link, new() { Name = due }).ClickAsync();
        Assert.Contains(due, await clerk.Locator("main").InnerTextAsync());
        var applicationPath = new Uri(clerk.Url).AbsolutePath;
        await ShotAsync(browser, app.Address, applicationPath, "application", "bsz.clerk");

        // 答复 with its form; the step is recorded and the dashboard lists the case only as waiting for 归档.
        // Only the steps the case allows now, each its own short form; no extension for a clerk.
        var offered = await clerk.Locator("details.step-form summary").AllInnerTextsAsync();
        Assert.Contains("答复", offered);
        Assert.DoesNotContain("延期答复", offered);
        await clerk.Locator("details.step-form summary", new() { HasTextString = "答复" }).Last.ClickAsync();
        await clerk.Locator("#Reply-Reply").SelectOptionAsync("Granted");
        await clerk.Locator("#Reason-Reply").FillAsync("予以公开，按申请人要求以电子邮件提供");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "记录答复", Exact = true }).ClickAsync();
        Assert.Contains("已记录：答复", await clerk.Locator("main").InnerTextAsync());
        var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.GetByRole(AriaRole.Link, new() { Name = "下载答复告知书（DOCX）" }).ClickAsync());
        Assert.Equal($"告知书-{due}.docx", download.SuggestedFilename);
        await clerk.GotoAsync(app.Address + "/console");
        var open = clerk.Locator("table[aria-label='未办结的申请']");
        Assert.DoesNotContain(due, await open.CountAsync() > 0 ? await open.InnerTextAsync() : "");
        Assert.Contains("已答复待归档", await clerk.Locator("main").InnerTextAsync());
        await context.CloseAsync();

        // The reviewer's day: an item the clerk sent for review, from the dashboard to the public page.
        string itemPath;
        using (var http = new Visitor(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Address) }))
        {
            await http.SignInAsync("bsz.clerk", Gongkai.Data.Demo.DemoData.Password);
            itemPath = (await http.SubmitAsync("/console/items/new", new Dictionary<string, string?>
            {
                ["Title"] = "白沙镇2026年春耕生产工作安排", ["WrittenOn"] = "2026-02-26", ["CategoryCode"] = "a21.t01",
                ["DocumentKind"] = "None", ["Channels"] = "Website", ["Body"] = "各村做好春耕备耕工作。",
            })).Location!;
            await http.SubmitAsync(itemPath, new Dictionary<string, string?> { ["action"] = "Submit" }, handler: "Act");
        }
        var reviewerContext = await Browser.NewContextAsync(browser);
        var reviewer = await reviewerContext.NewPageAsync();
        await SignInAsync(reviewer, app.Address, "bsz.reviewer");
        // The demo's own draft with an unmasked ID number waits too.
        Assert.Contains("2 条信息等待我保密审查", await reviewer.Locator("ul.tasks").InnerTextAsync());
        await reviewer.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("条信息等待我保密审查") }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "白沙镇2026年春耕生产工作安排" }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "保密审查通过" }).ClickAsync();
        await reviewer.GotoAsync(app.Address + "/console");
        await reviewer.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("条信息等待我审批发布") }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "白沙镇2026年春耕生产工作安排" }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "批准发布" }).ClickAsync();
        await reviewer.GotoAsync(app.Address + "/console");
        var after = await reviewer.Locator("ul.tasks").InnerTextAsync();
        Assert.Contains("1 条信息等待我保密审查", after);
        Assert.DoesNotContain("等待我审批发布", after);
        var id = itemPath.Split('/').Last();
        var published = await reviewer.GotoAsync($"{app.Address}/agency/qx-bsz/items/{id}");
        Assert.True(published!.Ok);
        Assert.Contains("各村做好春耕备耕工作", await reviewer.Locator("main").InnerTextAsync());
        await reviewerContext.CloseAsync();

        var catalogItem = await app.QueryAsync(db => db.InfoItems.Where(i => i.Title == "白沙镇农村低保审核审批实施办法").Select(i => i.Id).SingleAsync());
        await ShotAsync(browser, app.Address, "/", "portal");
        await ShotAsync(browser, app.Address, "/agency/qx-bsz/catalog", "catalog");
        await ShotAsync(browser, app.Address, $"/agency/qx-bsz/items/{catalogItem}", "item");
        await ShotAsync(browser, app.Address, "/agency/qx-bsz", "column");
        await ShotAsync(browser, app.Address, "/agency/qx-bsz/catalog", "catalog-care", care: true);
    }
}
