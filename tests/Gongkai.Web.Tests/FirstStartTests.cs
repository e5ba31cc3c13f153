using System.Net;
using Gongkai.Data.Setup;
using Gongkai.Domain.Agencies;

namespace Gongkai.Web.Tests;

/// <summary>Issue 26: a site started on an empty database in production says how to set it up, and nothing else.</summary>
public sealed class FirstStartTests
{
    /// <summary>
    /// Before <c>gongkai setup</c> every page — the portal, the console's sign-in, an API — answers
    /// 503 with the command, and a post is refused (no web form claims the first account); after
    /// it, the portal opens and the new admin signs in. Without the SetupGate the portal answers
    /// 200 with no agencies and the sign-in page is open.
    /// </summary>
    [Fact]
    public async Task AnEmptyDatabase_ShowsTheSetupCommand_UntilSetupHasRun()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string> { ["Demo:SeedOnEmptyDatabase"] = "false" });
        using var visitor = app.NewVisitor();
        foreach (var path in new[] { "/", "/console/login", "/agency/qx-bsz", "/search?q=低保" })
        {
            var page = await visitor.GetAsync(path);
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "平台尚未完成初始设置"), (page.Status, page.Document.QuerySelector("h1")?.TextContent));
            Assert.Contains("gongkai setup --agency-code", page.Text);
        }
        var post = await visitor.PostAsync("/console/login", new Dictionary<string, string?> { ["UserName"] = "admin", ["Password"] = "Anything-2026" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.Status);

        var outcome = await app.QueryAsync(db => PlatformSetup.SetUpAsync(db,
            new PlatformSetup.Request("qx", "青溪县人民政府", AgencyKind.Government, AgencyLevel.County, "admin.qx", "张管理", "Setup-Pass-2026"), DateTime.UtcNow, default));
        Assert.True(outcome.IsDone);

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/not-set-up")).Status);
        var signIn = await visitor.SignInAsync("admin.qx", "Setup-Pass-2026");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/console")).Status);
    }
}
