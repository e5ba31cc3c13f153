using System.Diagnostics;
using Gongkai.Documents.Files;
using Gongkai.Documents.Pdf;

namespace Gongkai.Bench;

/// <summary>
/// <c>bench pdfworker --file F.pdf [--reads N] [--pause MS]</c>: a PDF read N times in the worker
/// the site uses (one process per file), with a pause between reads as between uploads; prints the
/// first read (no spare yet: a cold worker), then the median and the slowest of the rest (each
/// handed to the spare warmed while the one before was read).
/// </summary>
public static class PdfWorkerSpeed
{
    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var file = Arg("--file", "");
        var reads = int.Parse(Arg("--reads", "20"), System.Globalization.CultureInfo.InvariantCulture);
        var pause = int.Parse(Arg("--pause", "1000"), System.Globalization.CultureInfo.InvariantCulture);
        var content = File.ReadAllBytes(file);
        var worker = PdfWorker.Beside(AppContext.BaseDirectory, 512) ?? throw new InvalidOperationException($"{PdfWorker.AssemblyFile} is not beside the bench");
        var limits = ReadLimits.Default with { Worker = worker };
        var times = new List<double>();
        for (var i = 0; i < reads; i++)
        {
            var watch = Stopwatch.StartNew();
            var pages = worker.Read(content, limits);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (i == 0)
            {
                Console.WriteLine($"pdfworker: {Path.GetFileName(file)}, {pages.Count} page(s), {reads} reads, {pause} ms apart");
            }
            Thread.Sleep(pause);
        }
        var warm = times.Skip(1).Order().ToList();
        Console.WriteLine($"first (cold) {times[0]:F0} ms; then median {warm[warm.Count / 2]:F0} ms, slowest {warm[^1]:F0} ms");
        return 0;
    }
}
