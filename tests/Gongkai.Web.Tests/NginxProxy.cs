using System.Collections.Concurrent;
using System.Diagnostics;

namespace Gongkai.Web.Tests;

/// <summary>
/// deploy/gongkai.nginx.conf, the very file, run by Debian's nginx (in the foreground, from a temporary
/// folder, not as a service) on a free port in front of the given web nodes.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly DirectoryInfo _dir;

    public int Port { get; }

    private NginxProxy(int port, DirectoryInfo dir, Process process)
    {
        Port = port;
        _dir = dir;
        _process = process;
        _process.ErrorDataReceived += (_, e) => _output.Enqueue(e.Data ?? "");
        _process.BeginErrorReadLine();
    }

    public static void SkipUnlessInstalled() =>
        Assert.SkipUnless(File.Exists(Executable), $"This test needs Debian's nginx at {Executable} (apt-get install nginx); .ci/run installs it.");

    /// <param name="port">Where the proxy listens (<see cref="WebNode.FreePort"/>; the nodes may need to know it first).</param>
    /// <param name="nodePorts">The two upstream nodes' ports (the same one twice for a single node).</param>
    /// <param name="adjust">A change to the site file (e.g. a load test raising the per-address rates).</param>
    public static async Task<NginxProxy> StartAsync(int port, int[] nodePorts, Func<string, string>? adjust = null)
    {
        var site = File.ReadAllText(Path.Combine(Browser.RepositoryRoot(), "deploy", "gongkai.nginx.conf"))
            .Replace("127.0.0.1:5001", $"127.0.0.1:{nodePorts[0]}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5002", $"127.0.0.1:{nodePorts[1]}", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal);
        site = adjust?.Invoke(site) ?? site;
        var dir = Directory.CreateTempSubdirectory("gongkai-nginx-");
        File.WriteAllText(Path.Combine(dir.FullName, "gongkai.conf"), site);
        File.WriteAllText(Path.Combine(dir.FullName, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{dir.FullName}}/nginx.pid;
            error_log {{dir.FullName}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{dir.FullName}}/body;
                proxy_temp_path {{dir.FullName}}/proxy;
                fastcgi_temp_path {{dir.FullName}}/fastcgi;
                uwsgi_temp_path {{dir.FullName}}/uwsgi;
                scgi_temp_path {{dir.FullName}}/scgi;
                include {{dir.FullName}}/gongkai.conf;
            }
            """);
        var start = new ProcessStartInfo(Executable, ["-p", dir.FullName, "-c", Path.Combine(dir.FullName, "nginx.conf")]) { RedirectStandardError = true, RedirectStandardOutput = true };
        var proxy = new NginxProxy(port, dir, Process.Start(start)!);
        await WebNode.WaitUntilServingAsync($"http://127.0.0.1:{port}/", () => proxy._process.HasExited ? string.Join('\n', proxy._output) : null);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _dir.Delete(recursive: true);
    }
}
