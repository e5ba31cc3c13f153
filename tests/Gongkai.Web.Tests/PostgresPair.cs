using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Gongkai.Tests;
using Npgsql;

namespace Gongkai.Web.Tests;

/// <summary>
/// A PostgreSQL primary and its streaming standby on this machine, as a province would run the
/// portal's read replica (docs/scaling.md): two clusters made with Debian's PostgreSQL binaries in
/// a temporary folder — <c>initdb</c>, then <c>pg_basebackup -R</c> of the primary — on two free
/// ports, listening on 127.0.0.1 only (trust: the folder is the test's own), stopped and removed
/// at the end. Run as root, the clusters run as the postgres user (PostgreSQL refuses root).
/// </summary>
public sealed class PostgresPair : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly string? _user;

    private PostgresPair(string folder, string bin, string? user)
    {
        _folder = folder;
        _bin = bin;
        _user = user;
        PrimaryPort = FreePort();
        StandbyPort = FreePort();
    }

    public int PrimaryPort { get; }
    public int StandbyPort { get; }

    /// <summary>The application's database on the primary.</summary>
    public string Primary => Connection(PrimaryPort);

    /// <summary>The same database on the standby (read-only).</summary>
    public string Standby => Connection(StandbyPort);

    private static string Connection(int port) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "gongkai", Database = "gongkai", Pooling = false }.ConnectionString;

    /// <summary>
    /// Makes and starts both. Skipped where the PostgreSQL tests are off (no
    /// <see cref="TestDatabase.PostgresVariable"/>; .ci/run sets it and installs PostgreSQL).
    /// </summary>
    public static async Task<PostgresPair> StartAsync()
    {
        Assert.SkipWhen(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) is not { Length: > 0 },
            $"The replica tests need PostgreSQL's binaries; they run with the PostgreSQL tests ({TestDatabase.PostgresVariable}, set by .ci/run).");
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin")).First(d => File.Exists(Path.Combine(d, "initdb")));
        var user = Environment.UserName == "root" ? "postgres" : null;
        var folder = Path.Combine(Path.GetTempPath(), "gongkai-pair-" + Guid.NewGuid().ToString("N"));
        var pair = new PostgresPair(folder, bin, user);
        try
        {
            await pair.RunAsync("mkdir", "-p", folder);
            await pair.RunAsync(Path.Combine(bin, "initdb"), "-D", pair.Data("primary"), "-U", "gongkai", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            await pair.StartPrimaryAsync();
            await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(pair.Primary) { Database = "postgres" }.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand("CREATE DATABASE gongkai", connection);
                await create.ExecuteNonQueryAsync();
            }
            // -R writes standby.signal and primary_conninfo: the copy starts as a streaming standby of the primary.
            await pair.RunAsync(Path.Combine(bin, "pg_basebackup"), "-h", "127.0.0.1", "-p", pair.PrimaryPort.ToString(), "-U", "gongkai",
                "-D", pair.Data("standby"), "-R", "-X", "stream", "-c", "fast", "--no-sync");
            await pair.StartStandbyAsync();
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    private string Data(string cluster) => Path.Combine(_folder, cluster);

    public Task StartPrimaryAsync() => StartAsync("primary", PrimaryPort);
    public Task StartStandbyAsync() => StartAsync("standby", StandbyPort);
    public Task StopPrimaryAsync() => StopAsync("primary");
    public Task StopStandbyAsync() => StopAsync("standby");

    private Task StartAsync(string cluster, int port) => RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", Data(cluster), "-l", Data(cluster) + ".log", "-w", "-t", "120",
        "-o", $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60", "start");

    private Task StopAsync(string cluster) => RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", Data(cluster), "-w", "-t", "120", "-m", "fast", "stop");

    /// <summary>Holds the standby's replay (it still receives the log): what the primary commits now is not on the standby until <see cref="ResumeReplayAsync"/>.</summary>
    public Task PauseReplayAsync() => OnStandbyAsync("SELECT pg_wal_replay_pause()");

    public Task ResumeReplayAsync() => OnStandbyAsync("SELECT pg_wal_replay_resume()");

    /// <summary>Waits until the standby has replayed everything the primary has written so far.</summary>
    public async Task CaughtUpAsync()
    {
        NpgsqlTypes.NpgsqlLogSequenceNumber position;
        await using (var primary = new NpgsqlConnection(Primary))
        {
            await primary.OpenAsync();
            await using var now = new NpgsqlCommand("SELECT pg_current_wal_lsn()", primary);
            position = (NpgsqlTypes.NpgsqlLogSequenceNumber)(await now.ExecuteScalarAsync())!;
        }
        await using var standby = new NpgsqlConnection(Standby);
        await standby.OpenAsync();
        await using var replayed = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn()", standby);
        var watch = Stopwatch.StartNew();
        while ((NpgsqlTypes.NpgsqlLogSequenceNumber)(await replayed.ExecuteScalarAsync())! < position)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), "the standby did not catch up with the primary in two minutes");
            await Task.Delay(50);
        }
    }

    private async Task OnStandbyAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Standby);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task RunAsync(string program, params string[] arguments)
    {
        var start = _user is null ? new ProcessStartInfo(program, arguments) : new ProcessStartInfo("runuser", ["-u", _user, "--", program, .. arguments]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var logs = string.Join('\n', new[] { "primary", "standby" }.Select(c => Data(c) + ".log").Where(File.Exists).Select(f => $"{f}:\n{string.Join('\n', File.ReadLines(f).TakeLast(20))}"));
            Assert.Fail($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await errors}\n{logs}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in new[] { "standby", "primary" })
        {
            if (File.Exists(Path.Combine(Data(cluster), "postmaster.pid")))
            {
                try
                {
                    await RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", Data(cluster), "-w", "-m", "immediate", "stop");
                }
                catch (Exception)
                {
                    // Already stopped; the folder goes all the same.
                }
            }
        }
        if (Directory.Exists(_folder))
        {
            await RunAsync("rm", "-rf", _folder);
        }
    }
}
