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
