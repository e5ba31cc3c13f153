using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Tests;
using Npgsql;

namespace Gongkai.Web.Tests;

/// <summary>
/// deploy/gongkai.nginx.conf in front of two web nodes (separate processes, Production settings)
/// on one PostgreSQL: what one node publishes the other shows within a second, and killing a node
/// under load loses no acknowledged application.
/// </summary>
public sealed class TwoNodesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<WebNode> _nodes = [];
    private TestDatabase? _database;
    private NginxProxy? _nginx;
    private int _proxyPort;
    private int[] _nodePorts = [];

    public async ValueTask InitializeAsync()
    {
        NginxProxy.SkipUnlessInstalled();
        _database = await TestDatabase.CreateAsync("postgres");
        _proxyPort = WebNode.FreePort();
        _nodePorts = [WebNode.FreePort(), WebNode.FreePort()];
        // The first node makes the schema and the demo county; the second starts on a ready database.
        _nodes.Add(await WebNode.StartAsync(_nodePorts[0], Settings(seed: true)));
        _nodes.Add(await WebNode.StartAsync(_nodePorts[1], Settings(seed: false)));
        // The load comes from one address: the proxy's per-address limits are raised, nothing else changes
        // (ProxyLimitTests run the file's own limits).
        _nginx = await NginxProxy.StartAsync(_proxyPort, _nodePorts, site => Regex.Replace(site, @"rate=\d+r/m", "rate=100000r/s"));
    }

    [Fact]
    public async Task APublicationThroughOneNode_IsOnTheOtherNodesPage_WithinASecond()
    {
        using var visitorOnB = WebNode.VisitorAt(_nodePorts[1]);
        var item = await ScalarAsync<string>("""
            SELECT i.id || '|' || i.title FROM info_items i JOIN agencies a ON a.id = i.agency_id
            WHERE a.short_code = 'qx-bsz' AND i.status = 'InReview' ORDER BY i.id LIMIT 1
            """);
        var (id, title) = (item.Split('|')[0], item.Split('|')[1]);
        var catalog = "/agency/qx-bsz/catalog";
        Assert.DoesNotContain(title, (await visitorOnB.GetAsync(catalog)).Text);
        Assert.DoesNotContain(title, (await visitorOnB.GetAsync(catalog)).Text);

        using var reviewerOnA = WebNode.VisitorAt(_nodePorts[0]);
        var signIn = await reviewerOnA.SubmitAsync("/console/login", new Dictionary<string, string?> { ["UserName"] = "bsz.reviewer", ["Password"] = Gongkai.Data.Demo.DemoData.Password });
        Assert.True(signIn.Status == HttpStatusCode.Redirect, signIn.Text);
        var url = $"/console/items/{id}";
        // The demo's item in review names a person: the reviewer masks it, passes the review and approves.
        Assert.Equal(HttpStatusCode.Redirect, (await reviewerOnA.SubmitAsync(url, new Dictionary<string, string?>(), handler: "Mask")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewerOnA.SubmitAsync(url, new Dictionary<string, string?> { ["action"] = "PassReview", ["opinion"] = "不涉及国家秘密" }, handler: "Act")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewerOnA.SubmitAsync(url, new Dictionary<string, string?> { ["action"] = "Approve", ["opinion"] = "同意发布" }, handler: "Act")).Status);

        var watch = Stopwatch.StartNew();
        while (!(await visitorOnB.GetAsync(catalog)).Text.Contains(title, StringComparison.Ordinal))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"node B's catalog still lacks 《{title}》 a second after node A published it");
            await Task.Delay(20);
        }
        output.WriteLine($"node B showed the publication {watch.ElapsedMilliseconds} ms after node A answered");
    }

    [Fact]
    public async Task KillingANodeUnderLoad_LosesNoAcknowledgedApplication_AndTheOtherServesTheRest()
    {
        var acknowledged = new ConcurrentBag<string>();
        var failedBeforeKill = 0;
        var failedAfterKill = new ConcurrentBag<string>();
        var killedAt = long.MaxValue;
        using var stop = new CancellationTokenSource();
        async Task Citizen(int n)
        {
            using var citizen = WebNode.VisitorAt(_proxyPort);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var sent = await citizen.SubmitAsync("/agency/qx-bsz/apply", Application($"第 {n} 位申请人的第 {i + 1} 项申请"));
                    Assert.Equal(HttpStatusCode.Redirect, sent.Status);
                    var done = await citizen.GetAsync(sent.Location!);
                    acknowledged.Add(done.Document.QuerySelector("#done-heading + p strong")?.TextContent
                        ?? throw new InvalidOperationException("the confirmation shows no tracking number"));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A request in flight on the node when it died may fail; one begun after the kill may not.
                    if (started > Interlocked.Read(ref killedAt))
                    {
                        failedAfterKill.Add(e.Message);
                    }
                    else
                    {
                        Interlocked.Increment(ref failedBeforeKill);
                    }
                }
            }
        }
        // Both nodes take submissions until 20 are acknowledged; node A dies; the load goes on until 20 more.
        var citizens = Enumerable.Range(1, 8).Select(Citizen).ToList();
        await UntilAsync(() => acknowledged.Count >= 20, "20 acknowledged applications before the kill");
        var beforeKill = acknowledged.Count;
        _nodes[0].Kill();
        Interlocked.Exchange(ref killedAt, Stopwatch.GetTimestamp());
        await UntilAsync(() => acknowledged.Count >= beforeKill + 20 || failedAfterKill.Count > 0, "20 acknowledged applications after the kill");
        await stop.CancelAsync();
        await Task.WhenAll(citizens);

        output.WriteLine($"acknowledged {beforeKill} before the kill and {acknowledged.Count - beforeKill} after; {failedBeforeKill} failed in flight when the node died");
        Assert.Empty(failedAfterKill);
        var stored = (await ScalarAsync<string>("SELECT string_agg(tracking_number, ',') FROM applications")).Split(',').ToHashSet();
        var lost = acknowledged.Where(t => !stored.Contains(t)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged applications are not in the database: {string.Join(", ", lost.Take(5))}");
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"no {what} within 90 s");
            await Task.Delay(50);
        }
    }

    private static Dictionary<string, string?> Application(string description) => new()
    {
        ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "李四", ["Form.IdNumber"] = "11010519491231002X",
        ["Form.Phone"] = "13700137000", ["Form.Description"] = description, ["Form.FormWanted"] = "电子邮件",
    };

    private Dictionary<string, string> Settings(bool seed) => new()
    {
        ["Database__Provider"] = "postgres",
        ["ConnectionStrings__Default"] = new NpgsqlConnectionStringBuilder(_database!.ConnectionString) { Pooling = true, MaxPoolSize = 30 }.ConnectionString,
        ["Site__PublicUrl"] = $"http://127.0.0.1:{_proxyPort}",
        ["Site__TrustedProxies"] = "127.0.0.1",
        ["Demo__SeedOnEmptyDatabase"] = seed ? "true" : "false",
        ["Demo__Applications"] = "false",
        // Every test citizen comes from 127.0.0.1.
        ["RateLimits__SubmissionsPerMinute"] = "100000",
        ["RateLimits__FormReadsPerMinute"] = "100000",
        ["RateLimits__SubmissionsPerAddressPerMinute"] = "100000",
    };

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
