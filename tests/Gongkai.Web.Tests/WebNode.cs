using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gongkai.Web.Tests;

/// <summary>
/// The site as its own process (<c>dotnet Gongkai.Web.dll</c>, the build beside this test's),
/// for what only a real process shows: a kill -9, its memory, a proxy in front of it.
/// </summary>
public sealed class WebNode : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public int Port { get; }

    private WebNode(int port, IReadOnlyDictionary<string, string> settings)
    {
        Port = port;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var web = Path.Combine(Browser.RepositoryRoot(), "src", "Gongkai.Web", "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "Gongkai.Web.dll")])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["PersonalData__KeyFile"] = Gongkai.Tests.Contexts.KeyFile;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        _process.ErrorDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts a node on <paramref name="port"/> with these settings (environment variables) and waits until it serves its home page (with <paramref name="ready"/>: 503 on a database not set up yet).</summary>
    public static async Task<WebNode> StartAsync(int port, IReadOnlyDictionary<string, string> settings, HttpStatusCode ready = HttpStatusCode.OK)
    {
        var node = new WebNode(port, settings);
        try
        {
            await WaitUntilServingAsync($"http://127.0.0.1:{port}/", () => node._process.HasExited ? node.Output : null, ready);
            return node;
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    public string Output => string.Join('\n', _output.TakeLast(40));

    public bool HasExited => _process.HasExited;

    /// <summary>The most memory the process has held (VmHWM, its peak resident set), in MB.</summary>
    public long PeakMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>SIGKILL: no shutdown, nothing flushed.</summary>
    /// <summary>
    /// kill -9, and wait until the process is gone: SIGKILL returns at once while the kernel still
    /// holds the node's listening socket for a moment, so a request "begun after the kill" could
    /// otherwise still reach it.
    /// </summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Waits for <paramref name="url"/> to answer 200 (or <paramref name="ready"/>); <paramref name="failed"/> returns why not, once it knows.</summary>
    public static async Task WaitUntilServingAsync(string url, Func<string?> failed, HttpStatusCode ready = HttpStatusCode.OK)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync(url)).StatusCode == ready)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (failed() is { } why)
            {
                Assert.Fail($"{url} did not start:\n{why}");
            }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"{url} did not answer within 90 s");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// A browser (cookies, no automatic redirects) for the site at 127.0.0.1:<paramref name="port"/>.
    /// The site's own limits (reading budgets, request timeouts) end every request; a shorter client
    /// timeout would only make a test's outcome depend on how busy the machine is (sixteen hostile
    /// files at once took over 30 s on two loaded cores).
    /// </summary>
    public static Visitor VisitorAt(int port) => new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromMinutes(10),
    });

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
