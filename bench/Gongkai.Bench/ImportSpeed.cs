using System.Diagnostics;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Bench;

/// <summary>
/// Parsing speed of text reports on one thread: reports per second and bytes allocated per report,
/// over every .txt file of a folder, repeated for a fixed time after a warm-up.
/// </summary>
public static class ImportSpeed
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("import: give a folder of .txt reports (e.g. tests/fixtures/seeds).");
            return 2;
        }
        var seconds = args.Length >= 3 && args[1] == "--seconds" ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var files = Directory.GetFiles(args[0], "*.txt").Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList();
        foreach (var (name, text) in files)
        {
            ReportParser.ParseText(name, text); // warm-up, and every file must parse
        }
        var count = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var (name, text) in files)
            {
                ReportParser.ParseText(name, text);
                count++;
            }
        }
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine($"files: {files.Count}, reports parsed: {count}, seconds: {clock.Elapsed.TotalSeconds:0.00}");
        Console.WriteLine($"reports/s (one thread): {count / clock.Elapsed.TotalSeconds:0.0}");
        Console.WriteLine($"allocated per report: {allocated / (double)count / 1024:0} KiB");
        Console.WriteLine($"working set: {Environment.WorkingSet / 1024 / 1024} MiB");
        return 0;
    }
}
