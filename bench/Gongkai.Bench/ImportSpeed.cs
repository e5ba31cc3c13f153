using System.Diagnostics;
using Gongkai.Documents.Import;
using Gongkai.Documents.Pdf;

namespace Gongkai.Bench;

/// <summary>
/// Parsing speed of published reports on one thread, over every file of a folder (text, HTML, DOCX
/// or PDF, as <c>gongkai report import</c> reads them), repeated for a fixed time after a warm-up:
/// reports per second, PDF pages per second when the folder holds PDFs, bytes allocated per report.
/// </summary>
public static class ImportSpeed
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("import: give a folder of reports (e.g. tests/fixtures/seeds).");
            return 2;
        }
        var seconds = args.Length >= 3 && args[1] == "--seconds" ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var files = Directory.GetFiles(args[0]).Where(f => Path.GetExtension(f).ToLowerInvariant() is ".txt" or ".html" or ".htm" or ".docx" or ".pdf")
            .Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
        var pages = files.Where(f => PdfLines.IsPdf(f.Bytes)).Sum(f => PdfLines.Read(f.Bytes).Count);
        // Warm-up: every file must parse, and the JIT's second tier compiles the hot code in the
        // background over the first seconds (measured from the first parse, the rate doubles).
        var warm = Stopwatch.StartNew();
        do
        {
            foreach (var (name, bytes) in files)
            {
                ReportFiles.Parse(name, bytes);
            }
        }
        while (warm.Elapsed.TotalSeconds < Math.Min(5, seconds));
        var (count, rounds) = (0, 0);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var (pausedBefore, gen0Before, gen2Before) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var (name, bytes) in files)
            {
                ReportFiles.Parse(name, bytes);
                count++;
            }
            rounds++;
        }
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine($"files: {files.Count}, reports parsed: {count}, seconds: {clock.Elapsed.TotalSeconds:0.00}");
        Console.WriteLine($"reports/s (one thread): {count / clock.Elapsed.TotalSeconds:0.0}");
        if (pages > 0)
        {
            Console.WriteLine($"PDF pages/s (one thread): {pages * rounds / clock.Elapsed.TotalSeconds:0.0} ({pages} pages a round)");
        }
        Console.WriteLine($"allocated per report: {allocated / (double)count / 1024:0} KiB");
        Console.WriteLine($"garbage collection: {(GC.GetTotalPauseDuration() - pausedBefore) / clock.Elapsed:P1} of the time paused, {GC.CollectionCount(0) - gen0Before} collections ({GC.CollectionCount(2) - gen2Before} of generation 2)");
        Console.WriteLine($"working set: {Environment.WorkingSet / 1024 / 1024} MiB");
        return 0;
    }
}
