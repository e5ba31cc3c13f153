using System.Net;
using Gongkai.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The same form posted again (its token and fields) does its work once; the repeat gets the first answer.</summary>
public sealed class RepeatedPostTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static Dictionary<string, string?> Application(string id = "11010519491231002X") => new()
    {
        ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "张三", ["Form.IdNumber"] = id, ["Form.Phone"] = "13800138000",
        ["Form.Description"] = "2025年白沙镇道路建设项目招标文件", ["Form.FormWanted"] = "电子邮件",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnApplicationPostedTwice_IsRegisteredOnce_AndTheRepeatShowsTheSameConfirmation(string provider)
    {
        await using var app = await GongkaiApp.StartAsync(provider);
        using var visitor = app.NewVisitor();
        var (target, values) = await visitor.FillInAsync("/agency/qx-bsz/apply", Application());

        var first = await visitor.PostAsync(target, values);
        var repeat = await visitor.PostAsync(target, values);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.Status, repeat.Status));
        Assert.Equal(first.Location, repeat.Location);
        var stored = await app.QueryAsync(db => db.Applications.AsNoTracking().Select(a => a.TrackingNumber).ToListAsync());
        Assert.Single(stored);
        // The repeat carries the confirmation itself: a browser that dropped the first answer (a double click) still shows it.
        Assert.Contains(repeat.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
        var confirmation = await visitor.GetAsync(repeat.Location!);
        Assert.Equal(stored[0], confirmation.Document.QuerySelector("#done-heading + p strong")?.TextContent);
    }

    /// <summary>
    /// Ten copies provably at once: a gate in front of the whole pipeline holds each copy until all
    /// ten have arrived, then lets them through together to the repeated-post guard and the use case.
    /// </summary>
    [Fact]
    public async Task TenCopiesOfOnePostAtOnce_RegisterOneApplication()
    {
        var gate = new ArrivalGate(10);
        await using var app = await GongkaiApp.StartAsync("postgres", services: s => s.AddSingleton<IStartupFilter>(gate));
        using var visitor = app.NewVisitor();
        var (target, values) = await visitor.FillInAsync("/agency/qx-bsz/apply", Application());

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => visitor.PostAsync(target, values)));

        Assert.Equal(10, gate.HeldTogether);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        Assert.Equal(1, await app.QueryAsync(db => db.Applications.CountAsync()));
    }

    /// <summary>Holds every post until <paramref name="count"/> of them are in the pipeline at once (or a minute has passed), then lets them all go.</summary>
    private sealed class ArrivalGate(int count) : IStartupFilter
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        /// <summary>How many posts were held in the pipeline at the same moment (all of them when the gate opened on its count).</summary>
        public int HeldTogether { get; private set; }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                if (HttpMethods.IsPost(context.Request.Method))
                {
                    if (Interlocked.Increment(ref _arrived) == count)
                    {
                        HeldTogether = count;
                        _all.TrySetResult();
                    }
                    await Task.WhenAny(_all.Task, Task.Delay(TimeSpan.FromMinutes(1)));
                }
                await rest();
            });
            next(app);
        };
    }

    [Fact]
    public async Task AStaffFormPostedTwice_CreatesOneRecord()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var (target, values) = await clerk.FillInAsync("/console/applications/new", new Dictionary<string, string?>(Application())
        {
            ["Channel"] = "Post", ["Received"] = "2026-02-27",
        });

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync(target, values)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync(target, values)).Status);

        Assert.Equal(1, await app.QueryAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task APostAnsweredWithAMessage_IsHandledAgainWhenRepeated_AndCorrectedItIsRegistered()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var (target, wrong) = await visitor.FillInAsync("/agency/qx-bsz/apply", Application("110105194912310021"));

        var first = await visitor.PostAsync(target, wrong);
        var repeat = await visitor.PostAsync(target, wrong);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, repeat.Status));
        Assert.NotEmpty(repeat.FieldError("Form.IdNumber"));

        // The same showing of the form (its token), corrected: a different post, handled.
        var corrected = await visitor.PostAsync(target, new Dictionary<string, string?>(wrong) { ["Form.IdNumber"] = "11010519491231002X" });
        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        Assert.Equal(1, await app.QueryAsync(db => db.Applications.CountAsync()));
    }
}
