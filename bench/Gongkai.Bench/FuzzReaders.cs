using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Gongkai.Documents.Files;
using Gongkai.Documents.Import;
using Gongkai.Documents.Pdf;
using Gongkai.Documents.Items;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Bench;

/// <summary>
/// Feeds every reader of uploaded files (report import of text, HTML, DOCX and PDF; the attachment
/// reader of DOCX and PDF) generated inputs — real files with bits flipped, ranges cut, copied or
/// overwritten, markup tokens inserted or repeated thousands of times, DOCX parts rewritten — and
/// counts what happens. A reader may read the file or refuse it with its own message
/// (<see cref="ReportImportException"/>, <see cref="InvalidDataException"/>); anything else, or a
/// crash of this process, or more than <see cref="Slow"/> for one input, is a failure. With
/// <c>--worker</c>, PDFs are read as the site reads them, in a <see cref="PdfWorker"/>: a reader's
/// cost is then its wall time, and a failure is one reader past the time budget and the worker's start. Input i of a run is made from (seed, reader, i) alone, so a
/// failure is reproduced with the same seed (the runs of session 6 before this line was right were not); failing
/// inputs are written to the failures folder.
/// </summary>
public static class FuzzReaders
{
    /// <summary>An input that keeps a reader busy longer than this (CPU time) is a failure too: a few of them would tie up a web node.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(5);

    private static readonly Dictionary<string, string[]> Tokens = new()
    {
        ["text"] = ["（一）", "合计", "\t", "\n", "  ", "99999999999999999999", "-1", "０", "一、", "本年新收政府信息公开申请数量", "|", "—", "\u0000", "\u000b"],
        ["html"] = ["<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<td colspan=\"999999\">", "<td rowspan=\"99999\">", "<div>", "<!--", "&#x0;", "&#99999999;", "<", ">", "\""],
        ["docx"] = ["<w:tbl>", "<w:tr>", "<w:tc>", "</w:tc>", "</w:tr>", "</w:tbl>", "<w:p>", "</w:p>", "<w:gridSpan w:val=\"99999\"/>", "<w:vMerge/>", "<w:t>", "</w:t>", "&#0;", "<"],
        ["pdf"] = ["[", "]", "<<", ">>", "(", ")", "stream\n", "endstream", "endobj", " 0 R", "/Length 999999999", "/Filter /FlateDecode", "BT", "ET", "Tj", "/Encrypt"],
    };

    public static int Run(string[] args)
    {
        if (Value(args, "--replay") is { } replay)
        {
            // One saved input again, with the whole stack of what it throws.
            var kind = Value(args, "--kinds") ?? "text";
            var clock = Stopwatch.StartNew();
            ReportFiles.Parse($"replay.{(kind == "text" ? "txt" : kind)}", File.ReadAllBytes(replay), Limits(args));
            Console.WriteLine($"read in {clock.ElapsedMilliseconds} ms");
            return 0;
        }
        var inputs = Option(args, "--inputs", 100_000);
        var seed = Option(args, "--seed", 1);
        var kinds = (Value(args, "--kinds") ?? "text,html,docx,pdf").Split(',');
        var failures = Directory.CreateDirectory(Value(args, "--failures") ?? Path.Combine(Path.GetTempPath(), "gongkai-fuzz-failures"));
        var seeds = Seeds(Value(args, "--reports") ?? "tests/fixtures/seeds", Value(args, "--pdf") ?? "tests/fixtures/attachments");
        var limits = Limits(args);
        Console.WriteLine($"fuzz: {inputs:N0} inputs per reader, seed {seed}, {Environment.ProcessorCount} threads{(limits.Worker is null ? "" : ", PDFs in a worker process")}; failing inputs go to {failures.FullName}");
        var failed = 0;
        foreach (var kind in kinds)
        {
            failed += RunKind(kind, seeds[kind], inputs, seed, failures.FullName, limits);
        }
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MB");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The default limits; with <c>--worker</c>, PDFs read in the worker built beside this program, as the site reads them.</summary>
    private static ReadLimits Limits(string[] args) => !args.Contains("--worker") ? ReadLimits.Default
        : ReadLimits.Default with { Worker = PdfWorker.Beside(AppContext.BaseDirectory, 512) ?? throw new InvalidOperationException($"{PdfWorker.AssemblyFile} is not beside the bench") };

    private static int RunKind(string kind, IReadOnlyList<byte[]> seeds, int inputs, int seed, string failures, ReadLimits limits)
    {
        // In a worker the CPU is the worker's: what the site then waits is wall time, bounded by the budget and the worker's start.
        var inWorker = limits.Worker is not null && kind == "pdf";
        var slowest = inWorker ? limits.Budget + TimeSpan.FromSeconds(5) : Slow;
        long Now() => inWorker ? Environment.TickCount64 * TimeSpan.TicksPerMillisecond : ThreadCpu();
        var outcomes = new ConcurrentDictionary<string, int>();
        var unexpected = new ConcurrentBag<string>();
        var slow = new ConcurrentBag<string>();
        long slowestTicks = 0;
        var clock = Stopwatch.StartNew();
        // An input that never finishes never reaches the check after it: a watchdog saves and names
        // every input still being read after a minute, while it is being read.
        var running = new ConcurrentDictionary<int, (DateTime Since, byte[] Input)>();
        using var watchdog = new Timer(_ =>
        {
            foreach (var (i, (since, input)) in running.Where(r => DateTime.UtcNow - r.Value.Since > TimeSpan.FromMinutes(1)))
            {
                var file = Path.Combine(failures, $"hung-{kind}-{seed}-{i}.bin");
                if (!File.Exists(file))
                {
                    File.WriteAllBytes(file, input);
                    Console.WriteLine($"  HUNG #{i}: still reading after {(DateTime.UtcNow - since).TotalSeconds:N0} s ({file})");
                }
            }
        }, null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        Parallel.For(0, inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            // Not HashCode.Combine: it is seeded afresh in every process, and a run must be the same run tomorrow.
            var random = new Random(unchecked(((seed * 31) + kind.Sum(c => c)) * 1_000_003 + i));
            var input = Mutate(kind, seeds[random.Next(seeds.Count)], random);
            running[i] = (DateTime.UtcNow, input);
            // In-process: CPU per input (both readers); in a worker: wall time per reader, each bounded by the budget on its own.
            var started = Now();
            var elapsed = 0L;
            foreach (var (reader, outcome) in Read(kind, input, limits))
            {
                elapsed = inWorker ? Math.Max(elapsed, Now() - started) : Now() - started;
                if (inWorker)
                {
                    started = Now();
                }
                if (outcome is null)
                {
                    continue;
                }
                if (outcome.StartsWith("unexpected", StringComparison.Ordinal))
                {
                    var file = Path.Combine(failures, $"{kind}-{seed}-{i}.bin");
                    File.WriteAllBytes(file, input);
                    unexpected.Add($"{reader} #{i}: {outcome} ({file})");
                }
                outcomes.AddOrUpdate($"{reader}: {outcome.Split(':')[0]}", 1, (_, n) => n + 1);
            }
            running.TryRemove(i, out _);
            if (elapsed > slowest.Ticks)
            {
                var file = Path.Combine(failures, $"slow-{kind}-{seed}-{i}.bin");
                File.WriteAllBytes(file, input);
                slow.Add($"#{i}: {TimeSpan.FromTicks(elapsed).TotalMilliseconds:N0} ms{(inWorker ? " in one reader" : " of CPU")} ({file})");
            }
            long seen;
            while (elapsed > (seen = Interlocked.Read(ref slowestTicks)) && Interlocked.CompareExchange(ref slowestTicks, elapsed, seen) != seen)
            {
            }
        });
        Console.WriteLine($"{kind}: {inputs:N0} inputs in {clock.Elapsed.TotalSeconds:N0} s, slowest {TimeSpan.FromTicks(slowestTicks).TotalMilliseconds:N0} ms{(inWorker ? " (wall time, worker included)" : " of CPU")}");
        foreach (var (outcome, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {outcome,-40} {count,9:N0}");
        }
        foreach (var line in slow.Take(20))
        {
            Console.WriteLine($"  SLOW {line}");
        }
        foreach (var line in unexpected.Take(20))
        {
            Console.WriteLine($"  UNEXPECTED {line}");
        }
        return unexpected.Count + slow.Count;
    }

    /// <summary>Each reader the input goes to, and what it did: "read", "refused", or "unexpected: …".</summary>
    private static IEnumerable<(string Reader, string? Outcome)> Read(string kind, byte[] input, ReadLimits limits)
    {
        yield return ("report import", Outcome(() => ReportFiles.Parse($"fuzz.{(kind == "text" ? "txt" : kind)}", input, limits), e => e is ReportImportException));
        if (kind is "docx" or "pdf")
        {
            yield return ("attachment", Outcome(() => AttachmentFiles.Text($"fuzz.{kind}", input, limits), e => e is InvalidDataException));
        }
    }

    private static string Outcome(Func<object> read, Func<Exception, bool> refusal)
    {
        try
        {
            read();
            return "read";
        }
        catch (Exception e) when (refusal(e))
        {
            return "refused";
        }
        catch (Exception e)
        {
            var ours = e.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Gongkai", StringComparison.Ordinal))?.Trim();
            return $"unexpected: {e.GetType().Name}: {e.Message} {ours}";
        }
    }

    private static byte[] Mutate(string kind, byte[] original, Random random)
    {
        if (kind == "docx" && random.Next(3) > 0)
        {
            return RewriteDocument(original, xml => random.Next(2) == 0
                ? Encoding.UTF8.GetString(MutateBytes(Encoding.UTF8.GetBytes(xml), Tokens["docx"], random))
                : MutateWordXml(xml, random));
        }
        return MutateBytes(original, Tokens[kind], random);
    }

    private static byte[] MutateBytes(byte[] original, string[] tokens, Random random)
    {
        var bytes = new List<byte>(original);
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var at = random.Next(bytes.Count + 1);
            var length = Math.Min(bytes.Count - at, random.Next(1, 1 << random.Next(1, 12)));
            switch (random.Next(7))
            {
                case 0: // flip bits
                    for (var k = random.Next(1, 17); k > 0 && bytes.Count > 0; k--)
                    {
                        var i = random.Next(bytes.Count);
                        bytes[i] ^= (byte)(1 << random.Next(8));
                    }
                    break;
                case 1: // overwrite with noise
                    for (var k = 0; k < length; k++)
                    {
                        bytes[at + k] = (byte)random.Next(256);
                    }
                    break;
                case 2: // cut
                    bytes.RemoveRange(at, length);
                    break;
                case 3: // copy a range elsewhere
                    bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(at, length));
                    break;
                case 4: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5: // a markup token
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Length)]));
                    break;
                default: // a token repeated thousands of times: nesting, long runs
                    var token = Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Length)]);
                    var repeat = random.Next(100, 20_000);
                    var run = new byte[token.Length * repeat];
                    for (var k = 0; k < repeat; k++)
                    {
                        token.CopyTo(run, k * token.Length);
                    }
                    bytes.InsertRange(at, run);
                    break;
            }
        }
        return [.. bytes];
    }

    /// <summary>Damage that keeps the XML well formed, so that the reading of tables and text is what is tried: rows copied or removed, texts replaced, tables nested.</summary>
    private static string MutateWordXml(string xml, Random random)
    {
        // Past 16 MB the package is refused on its size alone; the damage stops growing there.
        for (var n = random.Next(1, 6); n > 0 && xml.Length < (16 << 20); n--)
        {
            var element = new[] { "w:tr", "w:tc", "w:p", "w:tbl" }[random.Next(4)];
            var starts = Occurrences(xml, $"<{element}>").Concat(Occurrences(xml, $"<{element} ")).ToList();
            if (starts.Count == 0)
            {
                continue;
            }
            var start = starts[random.Next(starts.Count)];
            var end = xml.IndexOf($"</{element}>", start, StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }
            end += element.Length + 3;
            var whole = xml[start..end];
            xml = random.Next(5) switch
            {
                0 => xml.Insert(end, string.Concat(Enumerable.Repeat(whole, Math.Max(1, Math.Min(random.Next(1, 200), (4 << 20) / whole.Length))))),
                1 => xml.Remove(start, end - start),
                2 => System.Text.RegularExpressions.Regex.Replace(xml, "<w:t>[^<]*</w:t>", m => random.Next(8) == 0 ? $"<w:t>{Texts[random.Next(Texts.Length)]}</w:t>" : m.Value),
                3 => xml.Insert(start, Nested(random.Next(1, 6000))),
                _ => xml.Insert(start, "<w:p><w:r><w:t>" + new string('9', random.Next(1, 100_000)) + "</w:t></w:r></w:p>"),
            };
        }
        return xml;
    }

    private static readonly string[] Texts = ["", "0", "-1", "99999999999999999999999999", "合计", "（一）", "本年新收政府信息公开申请数量", "一、总体情况", "2019年", "12.5万元", "&amp;", "—"];

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", depth)) + "<w:p/>" + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", depth));

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    /// <summary>The DOCX with its word/document.xml rewritten and the package otherwise intact, so the XML reader sees the damage.</summary>
    private static byte[] RewriteDocument(byte[] docx, Func<string, string> rewrite)
    {
        using var input = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var source = entry.Open();
                using var reader = new MemoryStream();
                source.CopyTo(reader);
                var content = entry.FullName == "word/document.xml" ? Encoding.UTF8.GetBytes(rewrite(Encoding.UTF8.GetString(reader.ToArray()))) : reader.ToArray();
                using var target = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                target.Write(content);
            }
        }
        return output.ToArray();
    }

    /// <summary>Real reports as text, rendered as HTML, DOCX and (by LibreOffice) PDF; the real PDFs of the attachment fixtures.</summary>
    private static Dictionary<string, IReadOnlyList<byte[]>> Seeds(string reports, string pdfs)
    {
        var texts = Directory.GetFiles(reports, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var parsed = texts.Select(t => ReportFiles.Parse("seed.txt", t).Report).ToList();
        var docx = parsed.Select(ReportDocx.Render).ToList();
        var pdf = Directory.GetFiles(pdfs, "*.pdf").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).Concat(ReportPdfs(docx)).ToList();
        if (texts.Count == 0 || pdf.Count == 0)
        {
            throw new InvalidOperationException($"fuzz: needs .txt reports in {reports} and PDFs in {pdfs}.");
        }
        return new()
        {
            ["text"] = texts,
            ["html"] = parsed.Select(r => Encoding.UTF8.GetBytes(ReportHtml.Document(r))).ToList(),
            ["docx"] = docx,
            ["pdf"] = pdf,
        };
    }

    /// <summary>The seed reports as LibreOffice prints them to PDF, when it is installed (apt-get install libreoffice-writer-nogui).</summary>
    private static IEnumerable<byte[]> ReportPdfs(IReadOnlyList<byte[]> docx)
    {
        if (!File.Exists("/usr/bin/soffice"))
        {
            Console.WriteLine("fuzz: LibreOffice not found, PDF seeds are the attachment fixtures only");
            return [];
        }
        var dir = Directory.CreateTempSubdirectory("gongkai-fuzz-pdf-");
        var files = docx.Select((d, i) => Path.Combine(dir.FullName, $"seed{i}.docx")).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            File.WriteAllBytes(files[i], docx[i]);
        }
        using (var soffice = Process.Start(new ProcessStartInfo("/usr/bin/soffice",
            ["--headless", $"-env:UserInstallation=file://{dir.FullName}/profile", "--convert-to", "pdf", "--outdir", dir.FullName, .. files]) { RedirectStandardOutput = true })!)
        {
            soffice.StandardOutput.ReadToEnd();
            soffice.WaitForExit();
        }
        var pdfs = Directory.GetFiles(dir.FullName, "*.pdf").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        dir.Delete(recursive: true);
        return pdfs;
    }

    /// <summary>
    /// CPU time of this thread, in ticks: an input's cost whatever else the machine is doing (each
    /// input is read on one thread from start to end).
    /// </summary>
    private static long ThreadCpu()
    {
        clock_gettime(ClockThreadCpuTime, out var now);
        return now.Seconds * TimeSpan.TicksPerSecond + now.Nanoseconds / 100;
    }

    private const int ClockThreadCpuTime = 3;

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
