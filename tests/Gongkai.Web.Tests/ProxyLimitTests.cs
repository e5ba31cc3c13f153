using System.Diagnostics;
using System.Net;

namespace Gongkai.Web.Tests;

/// <summary>
/// The limits deploy/gongkai.nginx.conf sets itself, as the file has them (the two-node test raises
/// them to carry its load): past an address's burst the proxy refuses a post with 429, and the
/// refusal reads as the nodes' own page — in Chinese, how long to wait, what was typed kept.
/// </summary>
public sealed class ProxyLimitTests
{
    [Fact]
    public async Task PastTheProxysBurst_APostIsRefused_With429_InChinese_WithRetryAfter_AndWhatWasTypedKept()
    {
        NginxProxy.SkipUnlessInstalled();
        // The node's own limits are out of the way: whatever refuses here is the proxy.
        await using var app = await GongkaiApp.StartOnKestrelAsync("sqlite", new Dictionary<string, string>
        {
            ["Site:TrustedProxies"] = "127.0.0.1", ["RateLimits:SubmissionsPerMinute"] = "100000",
            ["RateLimits:SubmissionsPerAddressPerMinute"] = "100000", ["RateLimits:FormReadsPerMinute"] = "100000",
        });
        var node = new Uri(app.Address).Port;
        await using var nginx = await NginxProxy.StartAsync(WebNode.FreePort(), [node, node]);
        using var visitor = WebNode.VisitorAt(nginx.Port);
        var (target, values) = await visitor.FillInAsync("/track", new Dictionary<string, string?> { ["TrackingNumber"] = "20260302001000001", ["Code"] = "ABCD2345" });

        // 60 posts a minute an address with a burst of 10 (nodelay): 11 pass at once, then one a second.
        var clock = Stopwatch.StartNew();
        var passed = 0;
        Visitor.Page answer;
        while ((answer = await visitor.PostAsync(target, values)).Status != HttpStatusCode.TooManyRequests)
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            passed++;
            Assert.True(passed < 200, "200 posts passed the proxy");
        }
        Assert.InRange(passed, 11, 11 + (int)Math.Ceiling(clock.Elapsed.TotalSeconds));

        Assert.Equal("60", answer.Response.Headers.RetryAfter!.ToString());
        Assert.Contains("过于频繁", answer.Text);
        Assert.Contains("请在 60 秒后再试", answer.Text);
        var kept = answer.Document.QuerySelector("main form[method=post]")!;
        Assert.Equal("/track", kept.GetAttribute("action"));
        var again = Visitor.Values(kept);
        Assert.Equal(("20260302001000001", "ABCD2345"), (again["TrackingNumber"], again["Code"]));
        // Reading a form is never limited: the page still opens.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/track")).Status);
    }
}
