using System.Diagnostics;
using System.Net;
using Gongkai.Tests;
using Npgsql;

namespace Gongkai.Web.Tests;

/// <summary>
/// The portal on a streaming replica (<c>ConnectionStrings:ReadOnly</c>): a real primary and a
/// real standby (<see cref="PostgresPair"/>), the standby's replay paused and resumed to make the
/// lag as long as the test needs, and each server stopped in turn.
/// </summary>
public sealed class ReplicaTests(ITestOutputHelper output)
{
    private const string Guide = "/agency/qx-bsz/guide";

    [Fact]
    public async Task ThePortal_ReadsTheReplica_ShowsAChangeOnceReplayed_WritesGoToThePrimary_AndEachServerMayStop()
    {
        await using var pair = await PostgresPair.StartAsync();
        await using var app = GongkaiApp.StartOn(TestDatabase.OnServer(pair.Primary), new Dictionary<string, string> { ["ConnectionStrings:ReadOnly"] = pair.Standby });
        await pair.CaughtUpAsync();
        using var visitor = app.NewVisitor();
        Assert.DoesNotContain("复制测试一", await TextAsync(visitor, Guide));

        // 1. A change on the primary is not on the portal while the replica has not replayed it —
        //    the portal reads the replica, even though the notice has emptied the node's pages — …
        await pair.PauseReplayAsync();
        await SetGuideAsync(pair.Primary, "复制测试一：周六上午照常受理。");
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(3))
        {
            Assert.DoesNotContain("复制测试一", await TextAsync(visitor, Guide));
            await Task.Delay(100);
        }
        // … and it is there as soon as the replica has replayed it: the page kept meanwhile (read
        // from the lagging replica after the notice) is dropped again then, not a minute later.
        await pair.ResumeReplayAsync();
        var took = await ShownWithinAsync(visitor, Guide, "复制测试一", TimeSpan.FromSeconds(10), "after the replica replayed the change");
        output.WriteLine($"shown {took.TotalMilliseconds:0} ms after the replica's replay was resumed (docs/scaling.md)");

        // 2. A citizen's application is written to the primary, and its receipt and tracking read
        //    the primary: with the replica's replay held they could not be found there.
        await pair.PauseReplayAsync();
        var (tracking, code) = await ApplicationTests.ApplyAsync(visitor);
        var tracked = await visitor.SubmitAsync("/track", new Dictionary<string, string?> { ["TrackingNumber"] = tracking, ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, tracked.Status);
        Assert.Contains("白沙镇2025年农村低保资金发放名单", tracked.Text);
        Assert.Equal(1L, await ScalarAsync(pair.Primary, $"SELECT count(*) FROM applications WHERE tracking_number = '{tracking}'"));
        Assert.Equal(0L, await ScalarAsync(pair.Standby, $"SELECT count(*) FROM applications WHERE tracking_number = '{tracking}'"));
        await pair.ResumeReplayAsync();
        await pair.CaughtUpAsync();

        // 3. The primary stopped: every kind of page an anonymous visitor reads comes from the
        //    replica (none of them reads or writes the primary), pages not kept before.
        var item = (await visitor.GetAsync("/agency/qx-bsz/catalog")).Document.QuerySelector("a[href^='/agency/qx-bsz/items/']")!.GetAttribute("href")!;
        var report = (await visitor.GetAsync("/agency/qx-bsz/reports")).Document.QuerySelector("a[href^='/agency/qx-bsz/reports/']")!.GetAttribute("href")!;
        await pair.StopPrimaryAsync();
        foreach (var (url, shown) in new[]
        {
            ("/", "白沙镇"), ("/agency/qx-bsz", "白沙镇"), ("/agency/qx-bsz/rules", "白沙镇"), ("/agency/qx-czj/catalog", "财政局"), (item, "白沙镇"),
            (report, "白沙镇"), ("/search?q=%E4%BD%8E%E4%BF%9D", "低保"), (Guide, "复制测试一"), ("/data", "开放数据"), ("/api/v1/open/reports?agency=qx-bsz", "qx-bsz"),
            ("/sitemap.xml", "sitemaps/columns.xml"), ("/sitemaps/columns.xml", "qx-bsz"), ("/agency/qx-bsz/feed.atom", "白沙镇"), ("/contact", "白沙镇"), ("/sitemap", "白沙镇"), ("/apply", "白沙镇"),
        })
        {
            var page = await visitor.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.OK, $"{url} with the primary stopped: {page.Status}");
            Assert.Contains(shown, page.Text);
        }
        await pair.StartPrimaryAsync();
        await pair.CaughtUpAsync();

        // 4. The replica stopped: the portal reads the primary, and shows a new change at once.
        await pair.StopStandbyAsync();
        foreach (var url in new[] { "/agency/qx-sqz", "/agency/qx-sqz/catalog", "/agency/qx-zrzyj/guide" })
        {
            var page = await visitor.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.OK, $"{url} with the replica stopped: {page.Status}");
        }
        await SetGuideAsync(pair.Primary, "复制测试二：副本停止后由主库提供。");
        took = await ShownWithinAsync(visitor, Guide, "复制测试二", TimeSpan.FromSeconds(10), "with the replica stopped");
        output.WriteLine($"with the replica stopped, a change shown {took.TotalMilliseconds:0} ms after its commit");
    }

    private static async Task<string> TextAsync(Visitor visitor, string url)
    {
        var page = await visitor.GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"{url}: {page.Status}");
        return page.Text;
    }

    /// <returns>How long it took.</returns>
    private static async Task<TimeSpan> ShownWithinAsync(Visitor visitor, string url, string text, TimeSpan limit, string when)
    {
        var watch = Stopwatch.StartNew();
        while (!(await TextAsync(visitor, url)).Contains(text, StringComparison.Ordinal))
        {
            Assert.True(watch.Elapsed < limit, $"{url} does not show {text} {limit.TotalSeconds} s {when}");
            await Task.Delay(20);
        }
        return watch.Elapsed;
    }

    private static async Task SetGuideAsync(string primary, string text)
    {
        await using var connection = new NpgsqlConnection(primary);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE agencies SET guide_text = @text WHERE short_code = 'qx-bsz'", connection);
        update.Parameters.AddWithValue("text", text);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
