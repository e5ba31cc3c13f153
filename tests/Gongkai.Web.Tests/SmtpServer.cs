using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace Gongkai.Web.Tests;

/// <summary>
/// A real SMTP server for the mail tests: Debian's aiosmtpd (apt-get install python3-aiosmtpd,
/// which .ci/run does), run by the Debian interpreter, storing what it receives in a Maildir.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    private SmtpServer(int port, string maildir)
    {
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }
    public string Maildir { get; }

    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public static string? Unavailable()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is missing (apt-get install python3-aiosmtpd)";
        }
        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true })!;
        check.WaitForExit(10_000);
        return check.ExitCode == 0 ? null : "python3-aiosmtpd is not installed (apt-get install python3-aiosmtpd)";
    }

    /// <summary>A server on a free port, not yet started (to test a mail server that is down).</summary>
    public static SmtpServer Planned() =>
        new(WebNode.FreePort(), Path.Combine(Path.GetTempPath(), "gongkai-smtp-" + Guid.NewGuid().ToString("N")));

    public static async Task<SmtpServer> StartAsync()
    {
        var server = Planned();
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        _process = Process.Start(new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"aiosmtpd did not listen on {Port}: {await _process.StandardError.ReadToEndAsync()}");
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>What the server received, in the order it stored it.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var files = new[] { "new", "cur" }.Select(d => Path.Combine(Maildir, d)).Where(Directory.Exists)
            .SelectMany(Directory.GetFiles).Select(f => new FileInfo(f)).OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal);
        // Each message is parsed once: the tests poll every 100 ms, and parsing every stored message
        // (the day's digests with their letters) on each poll took a core away from the other tests.
        // A file is complete once it is in new/ (Maildir delivers through tmp/ and a rename).
        lock (_parsed)
        {
            return files.Select(f => _parsed.TryGetValue(f.FullName, out var m) ? m : _parsed[f.FullName] = MimeMessage.Load(f.FullName)).ToList();
        }
    }

    private readonly Dictionary<string, MimeMessage> _parsed = new(StringComparer.Ordinal);

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived (or a minute has passed).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (Messages().Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }
        return Messages();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _process?.Dispose();
        if (Directory.Exists(Maildir))
        {
            Directory.Delete(Maildir, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}
