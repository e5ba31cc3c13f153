using Gongkai.Data.Reports;
using Gongkai.Domain.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>
/// Every page of the portal and the console in Chromium on a phone (390 px) and a desktop (1366 px):
/// nothing wider than the window, and on every console page no serious or critical WCAG 2.1 A/AA
/// violation. The list of pages is checked against the route table, so a new page cannot be missed.
/// </summary>
public sealed class LayoutTests
{
    /// <summary>Pages not opened here, and why.</summary>
    private static readonly Dictionary<string, string> NotOpened = new()
    {
        ["console/logout"] = "a form post, not a page",
        ["Index"] = "the home page's other name, opened as /",
        ["console/applications/{id:int}/letters/{letter}"] = "a DOCX download (its 'letter incomplete' page is one heading and a message)",
        ["console/items/{id:int}/attachments/{attachmentId:int}"] = "a file download",
        ["console/reports/{id:int}/draft"] = "form posts that redirect to the report's edit page (a refusal is one heading and a message)",
        ["not-set-up"] = "shown only on a database not set up (FirstStartTests opens it); on this one it redirects to /",
    };

    [Fact]
    public async Task EveryPage_FitsAPhoneAndADesktop_AndEveryConsolePageHasNoSeriousAccessibilityViolation()
    {
        Browser.SkipUnlessInstalled();
        await using var app = await GongkaiApp.StartOnKestrelAsync("sqlite", new Dictionary<string, string> { ["Demo:Applications"] = "true" });
        var ids = await app.QueryAsync(async db =>
        {
            var bsz = await db.Agencies.SingleAsync(a => a.ShortCode == "qx-bsz");
            var now = DateTime.UtcNow;
            var draft = ReportRecords.NewEdition(bsz.Id, 2023, 1, Gongkai.Data.Demo.DemoData.Report(bsz.Name, 3, 2023), now);
            db.AnnualReports.Add(draft);
            var bytes = await File.ReadAllBytesAsync(Path.Combine(Browser.RepositoryRoot(), "tests", "fixtures", "seeds", "001_f0fde017bca519d7.txt"));
            var source = new ReportSourceFile { AgencyId = bsz.Id, FileName = "悦庄镇2020年报.txt", Content = bytes, Size = bytes.Length, UploadedUtc = now };
            db.ReportSourceFiles.Add(source);
            var county = await db.Agencies.SingleAsync(a => a.ShortCode == "qx");
            var set = Domain.Assessment.IndicatorSet.For(2025);
            var own = new Gongkai.Data.Assessment.AssessmentSetRecord { AgencyId = county.Id, Name = set.Name, FromYear = set.FromYear, Content = set.ToJson(), UpdatedUtc = now };
            db.AssessmentSets.Add(own);
            var chaseUp = new Gongkai.Data.Supervision.ChaseUp
            {
                AgencyId = bsz.Id, FromAgencyId = county.Id, Subject = Domain.Supervision.ChaseUpSubject.Report, SubjectId = 2023, SubjectTitle = "2023 年度报告（应于 2024-03-31 前发布，至今未发布）",
                Note = "请于一周内发布并说明逾期原因。", ReplyBy = new DateOnly(2026, 3, 9), SentOn = new DateOnly(2026, 3, 2), SentBy = "县政务公开办 王主任", CreatedUtc = now,
            };
            db.ChaseUps.Add(chaseUp);
            await db.SaveChangesAsync();
            return new Dictionary<string, int>
            {
                ["items"] = await db.InfoItems.Where(i => i.AgencyId == bsz.Id && i.Status == Domain.Disclosure.ItemStatus.Published).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
                ["applications"] = await db.Applications.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
                ["bsz-application"] = await db.Applications.Where(a => a.AgencyId == bsz.Id).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
                ["reports"] = draft.Id,
                ["published"] = await db.AnnualReports.Where(r => r.AgencyId == bsz.Id && r.Status == ReportStatus.Published).Select(r => r.Id).FirstAsync(),
                ["agencies"] = bsz.Id,
                ["users"] = await db.StaffUsers.Where(u => u.UserName == "bsz.clerk").Select(u => u.Id).SingleAsync(),
                ["import"] = source.Id,
                ["set"] = own.Id,
                ["chase-up"] = chaseUp.Id,
            };
        });
        using (var clerk = new Visitor(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Address) }))
        {
            await clerk.SignInAsync("bsz.clerk", Gongkai.Data.Demo.DemoData.Password);
            var created = await clerk.SubmitAsync("/console/items/new", new Dictionary<string, string?>
            {
                ["Title"] = "白沙镇2026年春耕生产工作安排", ["WrittenOn"] = "2026-02-26", ["CategoryCode"] = "a21.t08",
                ["DocumentKind"] = "None", ["Channels"] = "Website", ["Body"] = "各村做好春耕备耕工作。",
            });
            ids["draft"] = int.Parse(created.Location!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var pages = new (string Route, string Path)[]
        {
            ("", "/"), ("agency/{code}", "/agency/qx-bsz"), ("agency/{code}/guide", "/agency/qx-bsz/guide"), ("agency/{code}/rules", "/agency/qx-bsz/rules"),
            ("agency/{code}/catalog", "/agency/qx-bsz/catalog"), ("agency/{code}/items/{id:int}", $"/agency/qx-bsz/items/{ids["items"]}"),
            ("agency/{code}/reports", "/agency/qx-bsz/reports"), ("agency/{code}/reports/{year:int}", "/agency/qx-bsz/reports/2025"),
            ("agency/{code}/apply", "/agency/qx-bsz/apply"), ("track", "/track"), ("search", "/search?q=%E4%BD%8E%E4%BF%9D"), ("data", "/data"),
            ("apply", "/apply"), ("sitemap", "/sitemap"), ("contact", "/contact"),
            ("error/{status:int}", "/error/404"), ("console/login", "/console/login"),
            ("console", "/console"), ("console/account", "/console/account"), ("console/account/mail", "/console/account/mail"),
            ("console/agencies", "/console/agencies"), ("console/agencies/new", "/console/agencies/new"), ("console/agencies/{id:int}", $"/console/agencies/{ids["agencies"]}"),
            ("console/applications", "/console/applications"), ("console/applications/new", "/console/applications/new"),
            ("console/applications/{id:int}", $"/console/applications/{ids["applications"]}"),
            ("console/audit", "/console/audit"), ("console/calendar", "/console/calendar"),
            ("console/items", "/console/items"), ("console/items/new", "/console/items/new"), ("console/items/{id:int}", $"/console/items/{ids["items"]}"), ("console/items/{id:int}/edit", $"/console/items/{ids["draft"]}/edit"),
            ("console/letters", "/console/letters"), ("console/mail", "/console/mail"), ("console/mail/templates", "/console/mail/templates"),
            ("console/reports", "/console/reports"), ("console/reports/new", "/console/reports/new"), ("console/reports/import", "/console/reports/import"),
            ("console/reports/import/{id:int}", $"/console/reports/import/{ids["import"]}"), ("console/reports/rollup", "/console/reports/rollup?source=records"),
            ("console/reports/{id:int}", $"/console/reports/{ids["published"]}"), ("console/reports/{id:int}/edit", $"/console/reports/{ids["reports"]}/edit"),
            ("console/reports/{id:int}/cell", $"/console/reports/{ids["reports"]}/cell?key=requests%2Fnew%2Ftotal"),
            ("console/users", "/console/users"), ("console/users/new", "/console/users/new"), ("console/users/{id:int}", $"/console/users/{ids["users"]}"),
            ("console/account/two-factor", "/console/account/two-factor"), ("console/agencies/import", "/console/agencies/import"), ("console/users/import", "/console/users/import"),
            ("console/applications/import", "/console/applications/import"), ("console/items/import", "/console/items/import"), ("console/login/code", "/console/login/code"),
            ("console/applications/{id:int}/id-number", $"/console/applications/{ids["bsz-application"]}/id-number"),
            ("console/assessment", $"/console/assessment?year=2025&agency={ids["agencies"]}"), ("console/assessment/sets/{id:int}", $"/console/assessment/sets/{ids["set"]}"),
            ("console/chase-ups", "/console/chase-ups"), ("console/chase-ups/{id:int}", $"/console/chase-ups/{ids["chase-up"]}"),
            ("console/chase-ups/new", $"/console/chase-ups/new?subject=report&id={ids["agencies"]}&year=2023"),
        };
        // Who opens each console page: the system admin, except where 三员分立 or the agency's own work gives it to another.
        static string Reader(string route) => route switch
        {
            "console/audit" => "auditor",
            "console/applications/{id:int}/id-number" => "bsz.clerk",
            // The supervisor's pages: the assessment with a town's evidence, its own indicator set, 督办 sent and sent anew.
            "console/assessment" or "console/assessment/sets/{id:int}" or "console/chase-ups" or "console/chase-ups/{id:int}" or "console/chase-ups/new" => "qx.supervisor",
            _ => "sysadmin",
        };
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null).Select(e => e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();
        Assert.Empty(routes.Except(pages.Select(p => p.Route)).Except(NotOpened.Keys));

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var problems = new List<string>();
        foreach (var (width, height) in new[] { (390, 844), (1366, 900) })
        {
            var context = await Browser.NewContextAsync(browser, new() { BypassCSP = true, ViewportSize = new() { Width = width, Height = height } });
            var page = await context.NewPageAsync();
            string? signedIn = null;
            foreach (var (route, path) in pages)
            {
                if (route.StartsWith("console", StringComparison.Ordinal) && route is not ("console/login" or "console/login/code") && Reader(route) != signedIn)
                {
                    signedIn = Reader(route);
                    await context.ClearCookiesAsync();
                    await page.GotoAsync(app.Address + "/console/login");
                    await page.Locator("#UserName").FillAsync(signedIn);
                    await page.Locator("#Password").FillAsync(Gongkai.Data.Demo.DemoData.Password);
                    await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
                }
                var response = await page.GotoAsync(app.Address + path);
                if (response is null || (!response.Ok && route != "error/{status:int}"))
                {
                    problems.Add($"{width}px {path}: {response?.Status}");
                    continue;
                }
                var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                var (scroll, inner) = (sizes[0], sizes[1]);
                if (scroll > inner)
                {
                    var widest = await page.EvaluateAsync<string>("""
                        () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                            .slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')
                        """);
                    problems.Add($"{width}px {path}: {scroll} px wide in a {inner} px window ({widest})");
                }
                if (route.StartsWith("console", StringComparison.Ordinal))
                {
                    problems.AddRange((await Browser.SeriousViolationsAsync(page)).Select(v => $"{width}px {path}: {v}"));
                }
            }
            await context.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
