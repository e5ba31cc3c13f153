using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// The per-node limits of RateLimits:* hit for real: the public application form and the parse API
/// answer 429 past their limit and store nothing for a refused post. The limits are fixed windows
/// of a minute, so the posts here may straddle one window's end: what is asserted holds either way
/// (at most twice the limit accepted, and at least one refusal), however fast the machine.
/// </summary>
public sealed class RateLimitTests
{
    private const int Limit = 2;
    private const int Posts = 10;

    [Fact]
    public async Task ThePublicApplicationForm_AnswersTooManyRequests_PastItsLimit_AndStoresOnlyWhatItAccepted()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string> { ["RateLimits:SubmissionsPerMinute"] = Limit.ToString() });
        using var visitor = app.NewVisitor();
        var answers = new List<HttpStatusCode>();
        var (target, values) = await visitor.FillInAsync("/agency/qx-bsz/apply", new Dictionary<string, string?>
        {
            ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "频繁申请人", ["Form.IdNumber"] = "11010519491231002X", ["Form.Phone"] = "13800138000",
            ["Form.FormWanted"] = "电子邮件",
        });
        for (var i = 0; i < Posts; i++)
        {
            // Each post a different request (the same post twice would be answered as a repeat).
            var response = await visitor.PostAsync(target, new Dictionary<string, string?>(values) { ["Form.Description"] = $"第 {i} 份申请" });
            answers.Add(response.Status);
            if (response.Status == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("过于频繁", response.Text);
            }
        }
        var accepted = answers.Count(a => a == HttpStatusCode.Redirect);
        Assert.Equal(Posts, accepted + answers.Count(a => a == HttpStatusCode.TooManyRequests));
        Assert.InRange(accepted, Limit, 2 * Limit);
        Assert.Equal(accepted, await app.QueryAsync(db => db.Applications.CountAsync(a => a.ApplicantName == "频繁申请人")));
    }

    /// <summary>
    /// Past the limit the answer is a page in Chinese, not an error: it says how long to wait (and
    /// Retry-After says the same), and gives back what was typed in a form that posts it to the same
    /// address unchanged — nothing to type again.
    /// </summary>
    [Fact]
    public async Task ARefusedPost_IsExplainedInChinese_WithRetryAfter_AndKeepsWhatWasTyped()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string> { ["RateLimits:SubmissionsPerMinute"] = "1" });
        using var visitor = app.NewVisitor();
        var (target, values) = await visitor.FillInAsync("/track", new Dictionary<string, string?> { ["TrackingNumber"] = "20260302001000001", ["Code"] = "ABCD2345" });
        Visitor.Page refused = await visitor.PostAsync(target, values);
        for (var i = 0; i < 3 && refused.Status != HttpStatusCode.TooManyRequests; i++)
        {
            refused = await visitor.PostAsync(target, values);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        var wait = int.Parse(refused.Response.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 60);
        Assert.Contains($"请在 {wait} 秒后再试", refused.Text);
        Assert.DoesNotContain("服务器处理请求时出错", refused.Text);
        var kept = refused.Document.QuerySelector("main form[method=post]")!;
        Assert.Equal("/track", kept.GetAttribute("action"));
        var again = Visitor.Values(kept);
        Assert.Equal(("20260302001000001", "ABCD2345"), (again["TrackingNumber"], again["Code"]));
        Assert.Equal(values["__RequestVerificationToken"], again["__RequestVerificationToken"]);
    }

    /// <summary>
    /// Many browsers behind one address (a carrier's NAT) each have their own limit, and all of them
    /// together the address's wider one: with 100 a browser and 3 an address, three browsers posting
    /// four times each get at most two windows' worth through.
    /// </summary>
    [Fact]
    public async Task BrowsersBehindOneAddress_ShareTheAddressLimit()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string>
        {
            ["RateLimits:SubmissionsPerMinute"] = "100", ["RateLimits:SubmissionsPerAddressPerMinute"] = "3",
        });
        var answers = new List<HttpStatusCode>();
        for (var b = 0; b < 3; b++)
        {
            using var visitor = app.NewVisitor();
            var (target, values) = await visitor.FillInAsync("/track", new Dictionary<string, string?> { ["TrackingNumber"] = $"2026030200100000{b}", ["Code"] = "ABCD2345" });
            for (var i = 0; i < 4; i++)
            {
                answers.Add((await visitor.PostAsync(target, new Dictionary<string, string?>(values) { ["Code"] = $"ABCD234{i}" })).Status);
            }
        }
        Assert.Equal(12, answers.Count(a => a is HttpStatusCode.OK or HttpStatusCode.TooManyRequests));
        Assert.InRange(answers.Count(a => a == HttpStatusCode.OK), 3, 6);
    }

    [Fact]
    public async Task TheParseApi_AnswersTooManyRequests_PastItsLimit()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string> { ["RateLimits:ParsesPerMinute"] = Limit.ToString() });
        using var visitor = app.NewVisitor();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < Posts; i++)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent("不是年度报告"u8.ToArray()), "file", "note.txt" } };
            answers.Add((await visitor.Client.PostAsync("/api/v1/reports/parse", form)).StatusCode);
        }
        var served = answers.Count(a => a != HttpStatusCode.TooManyRequests);
        Assert.InRange(served, Limit, 2 * Limit);
        Assert.DoesNotContain(answers, a => (int)a >= 500);
    }
}
