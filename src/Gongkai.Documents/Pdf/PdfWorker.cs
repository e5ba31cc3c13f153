using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Documents.Files;

namespace Gongkai.Documents.Pdf;

/// <summary>
/// Reads a PDF in a process of its own (the Gongkai.PdfWorker program), so that a file which makes
/// PdfPig run for minutes or fill memory costs that process, not the site (issue #15, "where a
/// library cannot be bounded from outside, read it in a separate worker process"). PdfPig cannot be
/// interrupted inside a page: the fuzzer found damaged content streams of 2–3 MB on which one
/// <c>GetPage</c> ran 3–90 s, and <see cref="PdfLines"/> can only look at the clock between pages.
/// The worker runs with a hard limit on its GC heap and below normal priority, and is killed when
/// the time budget is spent; a crash (a stack overflow, memory) ends the worker, and the file is
/// refused as damaged.
/// </summary>
public sealed partial class PdfWorker
{
    public const string AssemblyFile = "Gongkai.PdfWorker.dll";

    /// <summary>Beyond the reading budget, the time a worker may take to start and answer before it is killed.</summary>
    private static readonly TimeSpan StartUp = TimeSpan.FromSeconds(3);

    private static readonly JsonSerializerOptions Json = new()
    {
        // A damaged file can place a glyph at NaN; the reply must still be written.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly string host;
    private readonly string assembly;
    private readonly SemaphoreSlim slots;
    private int running;
    private int mostAtOnce;

    private PdfWorker(string host, string assembly, int memoryMegabytes, int atOnce)
    {
        (this.host, this.assembly, MemoryMegabytes, AtOnce) = (host, assembly, memoryMegabytes, atOnce);
        slots = new SemaphoreSlim(atOnce, atOnce);
    }

    /// <summary>The most the worker's heap may hold; past it the file is refused.</summary>
    public int MemoryMegabytes { get; }

    /// <summary>
    /// How many workers run at once on this node, whichever path the PDF came by (report import,
    /// attachments, the parse API): 16 uploads at once once started 16 workers and 4.48 GB, past the
    /// service's MemoryMax (issue 25). A PDF that finds no worker free within the reading budget is
    /// refused with "请稍后再试".
    /// </summary>
    public int AtOnce { get; }

    /// <summary>The most workers that ran at the same time since this node started (what the cap held to).</summary>
    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    /// <summary>The worker built beside the application in <paramref name="directory"/>, or null when it is not there.</summary>
    public static PdfWorker? Beside(string directory, int memoryMegabytes, int atOnce = 2)
    {
        var assembly = Path.Combine(directory, AssemblyFile);
        return File.Exists(assembly) && DotnetHost() is { } host ? new PdfWorker(host, assembly, memoryMegabytes, atOnce) : null;
    }

    /// <summary>
    /// The <c>dotnet</c> program that runs this process (<c>dotnet Gongkai.Web.dll</c>, <c>dotnet test</c>)
    /// or, when the application was started by its own launcher, the one its runtime came with.
    /// </summary>
    private static string? DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } path && Path.GetFileName(path) == name)
        {
            return path;
        }
        // …/shared/Microsoft.NETCore.App/10.0.x/System.Private.CoreLib.dll → …/dotnet
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var muxer = runtime is null ? null : Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", name));
        return File.Exists(muxer) ? muxer : null;
    }

    private readonly Lock spareLock = new();
    private (Process Process, string[] Arguments, long Started)? spare;

    /// <summary>The process id of the spare waiting for the next file, if one is (for monitoring and tests).</summary>
    public int? SpareProcessId
    {
        get
        {
            lock (spareLock)
            {
                return spare?.Process.Id;
            }
        }
    }

    /// <summary>
    /// A worker for one file: the warmed spare when one is waiting with the same limits (started
    /// while the last file was read, <see cref="WarmFlag"/>), else a new one; either way the next
    /// spare starts now. Each worker still reads one file and ends, so isolation is as before; a
    /// spare that is not used ends by itself when the site does (its input closes).
    /// </summary>
    private Process Take(string[] arguments)
    {
        (Process Process, string[] Arguments, long Started)? waiting;
        lock (spareLock)
        {
            (waiting, spare) = (spare, null);
        }
        _ = Task.Run(() => Refill(arguments));
        if (waiting is { } w && !w.Process.HasExited && w.Arguments.SequenceEqual(arguments)
            && Stopwatch.GetElapsedTime(w.Started) < SpareLife - SpareMargin)
        {
            return w.Process;
        }
        Discard(waiting?.Process);
        return Start(arguments, warm: false);
    }

    private void Refill(string[] arguments)
    {
        Process? started = null;
        try
        {
            started = Start(arguments, warm: true);
            var at = Stopwatch.GetTimestamp();
            lock (spareLock)
            {
                if (spare is null)
                {
                    (spare, started) = ((started, arguments, at), null);
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or IOException)
        {
            // No spare: the next file starts its own worker.
        }
        Discard(started);
    }

    private static void Discard(Process? process)
    {
        if (process is null)
        {
            return;
        }
        try
        {
            process.Kill();
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
        process.Dispose();
    }

    private Process Start(string[] arguments, bool warm)
    {
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in warm ? [.. arguments, WarmFlag] : arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The heap limit makes a memory bomb an OutOfMemoryException in the worker; workstation GC
        // because a server GC's heaps per core would share the small limit.
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ((long)MemoryMegabytes << 20).ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{AssemblyFile} did not start.");
        try
        {
            // The site's requests come first; a worker is background work.
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Already gone, or not allowed here: it then runs at normal priority.
        }
        return process;
    }

    /// <summary>The pages of <paramref name="content"/> as <see cref="PdfLines.Read"/> gives them, read by a worker within <paramref name="limits"/>.</summary>
    /// <exception cref="FileLimitException">The file passed a limit, ran past the time budget or the memory limit.</exception>
    /// <exception cref="PdfUnreadableException">The file is damaged, encrypted or has no text; or the worker crashed on it.</exception>
    public IReadOnlyList<PdfPageText> Read(byte[] content, ReadLimits limits)
    {
        if (!slots.Wait(limits.Budget))
        {
            throw new FileLimitException("正在读取的 PDF 文件较多，请稍后再试。");
        }
        var now = Interlocked.Increment(ref running);
        for (var most = Volatile.Read(ref mostAtOnce); now > most && Interlocked.CompareExchange(ref mostAtOnce, now, most) != most; most = Volatile.Read(ref mostAtOnce))
        {
        }
        try
        {
            return ReadInWorker(content, limits);
        }
        finally
        {
            Interlocked.Decrement(ref running);
            slots.Release();
        }
    }

    private IReadOnlyList<PdfPageText> ReadInWorker(byte[] content, ReadLimits limits)
    {
        using var process = Take([.. Arguments(limits, MemoryMegabytes)]);
        var reply = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(reply);
        var errors = process.StandardError.ReadToEndAsync();
        var writing = Task.Run(() =>
        {
            try
            {
                process.StandardInput.BaseStream.Write(content);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The worker ended before it read the whole file; its exit code says why.
            }
        });
        if (!process.WaitForExit(limits.Budget + StartUp))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the wait and the kill; late is still too late.
            }
            process.WaitForExit();
            throw new FileLimitException("读取超时。");
        }
        process.WaitForExit();
        Task.WaitAll(reading, errors, writing);
        if (process.ExitCode != 0)
        {
            var log = errors.Result.Length > 2000 ? errors.Result[..2000] : errors.Result;
            if (log.Contains(nameof(OutOfMemoryException), StringComparison.Ordinal))
            {
                throw new FileLimitException(MemoryMessage(MemoryMegabytes));
            }
            throw new PdfUnreadableException("PDF 文件已损坏，无法读取。", new InvalidOperationException($"{AssemblyFile} exited with {process.ExitCode}: {log}"));
        }
        var answer = JsonSerializer.Deserialize<Reply>(reply.ToArray(), Json) ?? throw new InvalidOperationException($"{AssemblyFile} gave no reply.");
        return answer.Pages
            ?? throw (answer.Limit is { } limit ? new FileLimitException(limit) : new PdfUnreadableException(answer.Unreadable ?? "PDF 文件已损坏，无法读取。"));
    }

    private static string MemoryMessage(int megabytes) => $"读取时占用内存超过 {megabytes:N0} MB。";

    private static IEnumerable<string> Arguments(ReadLimits limits, int memoryMegabytes) =>
    [
        limits.MaxNesting.ToString(CultureInfo.InvariantCulture),
        limits.MaxDecompressedBytes.ToString(CultureInfo.InvariantCulture),
        limits.MaxCharacters.ToString(CultureInfo.InvariantCulture),
        ((long)limits.Budget.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        memoryMegabytes.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>The argument that makes a started worker a warmed spare (<see cref="Serve"/>).</summary>
    public const string WarmFlag = "--warm";

    /// <summary>How long a spare waits for a file before it ends unused (a quiet site keeps no idle process).</summary>
    public static readonly TimeSpan SpareLife = TimeSpan.FromSeconds(120);

    /// <summary>A spare is handed a file only this long before its life ends, so that it cannot end while taking it.</summary>
    private static readonly TimeSpan SpareMargin = TimeSpan.FromSeconds(20);
}
