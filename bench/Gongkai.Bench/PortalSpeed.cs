using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Bench;

/// <summary>
/// <c>bench portal --site DIR[,DIR…] [--seconds N] [--rounds N] [--warm-up N]</c>: the portal's pages that miss
/// the output cache against Kestrel's plaintext on the same machine in the same run (issue 30: the
/// catalog and an item page at least a fifth of it, search a tenth). Each site directory (a Release
/// build of Gongkai.Web, e.g. one of the code before in a git worktree) is started in production
/// on a fresh demo database; wrk (-t2 -c50) asks each page with a new query parameter on every
/// request (<c>unique.lua</c>), so no answer comes from the output cache. With several sites the
/// rounds alternate between them, so a drift of the machine falls on both.
/// </summary>
public static partial class PortalSpeed
{
    private const string UniqueLua = """
        counter = 0
        request = function()
          counter = counter + 1
          local path = wrk.path .. (string.find(wrk.path, "?", 1, true) and "&" or "?") .. "r=" .. math.random(1, 1000000000) .. counter
          return wrk.format(nil, path)
        end
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var sites = Arg("--site", "src/Gongkai.Web/bin/Release/net10.0").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Path.GetFullPath).ToList();
        var seconds = int.Parse(Arg("--seconds", "15"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Arg("--rounds", "2"), CultureInfo.InvariantCulture);
        var warmUp = int.Parse(Arg("--warm-up", "20"), CultureInfo.InvariantCulture);
        var work = Directory.CreateTempSubdirectory("gongkai-portal-bench-").FullName;
        var lua = Path.Combine(work, "unique.lua");
        await File.WriteAllTextAsync(lua, UniqueLua);
        var results = new List<(string What, Measure Result)>();

        using (var plaintext = Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "Gongkai.Bench.dll"), "plaintext", "--urls", "http://127.0.0.1:5090"], AppContext.BaseDirectory, []))
        {
            await WaitForAsync("http://127.0.0.1:5090/plaintext");
            for (var round = 0; round < rounds; round++)
            {
                RunWrk("http://127.0.0.1:5090/plaintext", lua, warmUp);
                results.Add(("plaintext", Wrk("http://127.0.0.1:5090/plaintext", lua, seconds, plaintext)));
            }
            Stop(plaintext);
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var s = 0; s < sites.Count; s++)
            {
                var database = Path.Combine(work, $"site{s}-round{round}.db");
                using var site = Start("dotnet", [Path.Combine(sites[s], "Gongkai.Web.dll"), "--urls", "http://127.0.0.1:5080"], sites[s], new()
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Site__PublicUrl"] = "http://127.0.0.1:5080",
                    ["Demo__SeedOnEmptyDatabase"] = "true",
                    ["ConnectionStrings__Default"] = $"Data Source={database}",
                    ["Jobs__Enabled"] = "false",
                });
                try
                {
                    var catalog = await WaitForAsync("http://127.0.0.1:5080/agency/qx-bsz/catalog");
                    var item = ItemLink().Match(catalog) is { Success: true } m ? m.Value.Trim('"') : throw new InvalidOperationException("the demo catalog lists no item");
                    var pages = new (string Name, string Url)[]
                    {
                        ("catalog", "http://127.0.0.1:5080/agency/qx-bsz/catalog"),
                        ("item", "http://127.0.0.1:5080" + item),
                        ("search", "http://127.0.0.1:5080/search?q=" + Uri.EscapeDataString("征地补偿")),
                    };
                    // Every page warmed before any is measured: the code they share (pipeline, EF,
                    // Razor) reaches its second JIT tier only after tens of seconds under load.
                    foreach (var (_, url) in pages)
                    {
                        RunWrk(url, lua, warmUp);
                    }
                    foreach (var (name, url) in pages)
                    {
                        results.Add((sites.Count > 1 ? $"{name}, site {s + 1}" : name, Wrk(url, lua, seconds, site)));
                    }
                }
                finally
                {
                    Stop(site);
                }
            }
        }

        var yardstick = results.Where(r => r.What == "plaintext").Average(r => r.Result.RequestsPerSecond);
        Console.WriteLine($"portal pages without cache hits, wrk -t2 -c50 -d{seconds}s after {warmUp} s of warm-up on each page, {rounds} round(s)");
        for (var s = 0; s < sites.Count; s++)
        {
            Console.WriteLine($"site {s + 1}: {sites[s]}");
        }
        Console.WriteLine($"{"",-22} {"requests/s",-22} {"% of plaintext",-15} server CPU per request (µs)");
        foreach (var group in results.GroupBy(r => r.What))
        {
            var each = string.Join(", ", group.Select(r => r.Result.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture)));
            var cpu = string.Join(", ", group.Select(r => r.Result.CpuMicroseconds.ToString("N0", CultureInfo.InvariantCulture)));
            Console.WriteLine($"{group.Key,-22} {each,-22} {100 * group.Average(r => r.Result.RequestsPerSecond) / yardstick,5:F1} %        {cpu}");
        }
        Directory.Delete(work, recursive: true);
        return 0;
    }

    /// <summary>What one measured run gave: wrk's requests per second, and the server's CPU time per request.</summary>
    private sealed record Measure(double RequestsPerSecond, double CpuMicroseconds);

    /// <summary>
    /// The measured run (its callers warm the server first: JIT and its second tier, pools). Besides wrk's rate, the
    /// server's own CPU time (user + system, /proc) over the run divided by the requests answered:
    /// what a page costs, which moves far less than the rate when the host takes cores away.
    /// </summary>
    private static Measure Wrk(string url, string lua, int seconds, Process server)
    {
        var before = CpuTime(server);
        var output = RunWrk(url, lua, seconds);
        var cpu = CpuTime(server) - before;
        if (output.Contains("Non-2xx", StringComparison.Ordinal) || output.Contains("Socket errors", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"wrk saw errors on {url}:\n{output}");
        }
        var requests = double.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        return new(double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture), cpu.TotalMicroseconds / requests);
    }

    private static TimeSpan CpuTime(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private static string RunWrk(string url, string lua, int seconds)
    {
        using var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t2", "-c50", $"-d{seconds}s", "-s", lua, url]) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk)");
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        return output;
    }

    private static Process Start(string file, string[] arguments, string directory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>The page's text once the server answers it with 200 (a fresh demo site seeds first).</summary>
    private static async Task<string> WaitForAsync(string url)
    {
        using var client = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromMinutes(3))
            {
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"{url} did not answer 200 within 3 minutes");
            }
            await Task.Delay(500);
        }
    }

    [GeneratedRegex("\"/agency/qx-bsz/items/\\d+\"")]
    private static partial Regex ItemLink();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();
}
