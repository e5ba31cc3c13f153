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
