using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (recipes.md: never a downloaded browser), and axe-core
/// from npm (tests/Gongkai.Web.Tests/browser). .ci/run installs both; elsewhere the browser tests
/// are reported as skipped with the reason.
/// </summary>
public static class Browser
{
    public const string Chromium = "/usr/bin/chromium";

    public static string AxeScript { get; } = Path.Combine(RepositoryRoot(), "tests", "Gongkai.Web.Tests", "browser", "node_modules", "axe-core", "axe.min.js");

    public static bool Installed => File.Exists(Chromium) && File.Exists(AxeScript);

    public static void SkipUnlessInstalled()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"Browser tests need Debian's Chromium at {Chromium} (apt-get install chromium fonts-noto-cjk); .ci/run installs it.");
        Assert.SkipUnless(File.Exists(AxeScript), $"Browser tests need axe-core: npm ci --prefix tests/Gongkai.Web.Tests/browser; .ci/run does it.");
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// A browser context whose waits allow two minutes. Playwright's 30 s is a hang detector, not a
    /// speed the tests assert: a sign-in on a busy 2-core machine (a password hash, the console's
    /// first render beside other test classes) once took longer. A hang still fails.
    /// </summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        return context;
    }

    /// <summary>The serious and critical WCAG 2 A/AA violations axe finds on the page, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(await File.ReadAllTextAsync(AxeScript));
        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ')}`)
            """);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}

/// <summary>
/// One app on Kestrel and one Chromium for a whole test class (an xUnit class fixture): a browser
/// test class pays for one start, not one per test. Its tests work in their own browser contexts
/// (cookies, viewport, script on or off) and must not depend on what another test of the class
/// stored. Starts nothing where the browser or axe is missing (the tests then skip with the reason).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private GongkaiApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public GongkaiApp App => _app ?? throw new InvalidOperationException("Browser.SkipUnlessInstalled() first.");

    public string Address => App.Address;

    public async ValueTask InitializeAsync()
    {
        if (!Browser.Installed)
        {
            return;
        }
        _app = await GongkaiApp.StartOnKestrelAsync("sqlite");
        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    /// <summary>A visitor over HTTP to the app's socket (the browser's app is on Kestrel, not the in-memory test server).</summary>
    public Visitor NewVisitor() => new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(Address) });

    /// <summary>A page in a fresh browser context (its own cookies) made with <paramref name="options"/>.</summary>
    public async Task<IPage> PageAsync(BrowserNewContextOptions? options = null)
    {
        Browser.SkipUnlessInstalled();
        return await (await Browser.NewContextAsync(_browser!, options)).NewPageAsync();
    }

    /// <summary>A page signed in to the console as <paramref name="user"/> (the demo's password).</summary>
    public async Task<IPage> SignedInAsync(string user, BrowserNewContextOptions? options = null)
    {
        var page = await PageAsync(options);
        await page.GotoAsync(Address + "/console/login");
        await page.Locator("#UserName").FillAsync(user);
        await page.Locator("#Password").FillAsync(Gongkai.Data.Demo.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/console**");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
