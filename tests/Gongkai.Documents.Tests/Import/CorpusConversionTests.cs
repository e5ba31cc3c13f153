using System.Text;
using Gongkai.Documents.Import;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Tests.Import;

/// <summary>
/// Real reports through the conversions people make of a published report: each corpus report (and
/// each seed) as imported, rendered to HTML and DOCX by our renderers, then Debian's
/// <c>pandoc -t gfm</c> of both, LibreOffice's PDF of the DOCX, and <c>pdftotext -layout</c> of that
/// PDF; Chromium's print of the HTML on A5 paper (labels wrapped down narrow columns) through
/// <c>pdftotext -layout</c>; and hand-edited markdown in the pipe-table shapes of <see cref="PipeTableShapes"/> (for the
/// formats whose tables have defined rows: a printed sheet's header is its own, never 数据1 …).
/// All of them, once, for the tests of this class.
/// </summary>
public sealed class CorpusConversions : IDisposable
{
    public static readonly string? Pandoc = File.Exists("/usr/bin/pandoc") ? "/usr/bin/pandoc" : null;

    public static readonly string[] Kinds = ["html.md", "docx.md", "docx.pdf", "docx.pdf.txt", "a5.pdf.txt", .. PipeTableShapes.Named.Keys];

    /// <summary>Whether the report is converted to <paramref name="kind"/>: the pipe-table shapes print generic headers, which a printed sheet's own header cannot be.</summary>
    public bool Has(string name, string kind) => !kind.StartsWith("md-", StringComparison.Ordinal) || !Gongkai.Domain.Reports.Formats.PrintedSheets.IsSheet(Reports[name].FormatCode);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("gongkai-conv-");

    /// <summary>Every report by name: the seeds always, the corpus when it is beside the clone.</summary>
    public IReadOnlyDictionary<string, AnnualReport> Reports { get; }

    public bool Ready { get; }

    public CorpusConversions()
    {
        var reports = new Dictionary<string, AnnualReport>();
        foreach (var seed in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds"), "*.txt"))
        {
            reports["seed-" + Path.GetFileNameWithoutExtension(seed)[..3]] = ReportFiles.Parse(Path.GetFileName(seed), File.ReadAllBytes(seed)).Report;
        }
        if (CorpusTests.Folder() is { } corpus)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(corpus, "reports"), "t*.txt"))
            {
                reports[Path.GetFileNameWithoutExtension(file)] = ReportFiles.Parse(Path.GetFileName(file), File.ReadAllBytes(file)).Report;
            }
        }
        Reports = reports;
        if (Pandoc is null || PdfRenders.LibreOffice is null || PdfRenders.Pdftotext is null || PdfRenders.Chromium is null)
        {
            return;
        }
        foreach (var (name, report) in reports)
        {
            foreach (var (shape, options) in PipeTableShapes.Named)
            {
                File.WriteAllText(Path.Combine(_dir.FullName, name + "." + shape), PipeTableShapes.Markdown(report, options), Encoding.UTF8);
            }
            File.WriteAllText(Path.Combine(_dir.FullName, name + ".html"), ReportHtml.Document(report), Encoding.UTF8);
            File.WriteAllBytes(Path.Combine(_dir.FullName, name + ".docx"), ReportDocx.Render(report));
            File.WriteAllText(Path.Combine(_dir.FullName, name + ".a5.html"), ReportHtml.Document(report).Replace("</head>", "<style>@page { size: A5; }</style></head>", StringComparison.Ordinal), Encoding.UTF8);
        }
        // LibreOffice converts every DOCX in one process while the other programs run beside it, two at a time.
        var pdfs = Path.Combine(_dir.FullName, "pdf");
        var libreOffice = Task.Run(() => PdfRenders.Run(PdfRenders.LibreOffice, ["--headless", $"-env:UserInstallation=file://{_dir.FullName}/lo", "--convert-to", "pdf", "--outdir", pdfs,
            .. Directory.GetFiles(_dir.FullName, "*.docx")]));
        PdfRenders.TwoAtATime(_dir, reports.Keys, (profile, name) =>
        {
            var file = Path.Combine(_dir.FullName, name);
            PdfRenders.PrintToPdf(profile, file + ".a5.html", file + ".a5.pdf");
            PdfRenders.Run(PdfRenders.Pdftotext, ["-layout", "-enc", "UTF-8", file + ".a5.pdf", file + ".a5.pdf.txt"]);
            PdfRenders.Run(Pandoc, ["-f", "html", "-t", "gfm", "-o", file + ".html.md", file + ".html"]);
            PdfRenders.Run(Pandoc, ["-f", "docx", "-t", "gfm", "-o", file + ".docx.md", file + ".docx"]);
        });
        libreOffice.Wait();
        foreach (var name in reports.Keys)
        {
            File.Copy(Path.Combine(pdfs, name + ".pdf"), Path.Combine(_dir.FullName, name + ".docx.pdf"));
            PdfRenders.Run(PdfRenders.Pdftotext, ["-layout", "-enc", "UTF-8", Path.Combine(pdfs, name + ".pdf"), Path.Combine(_dir.FullName, name + ".docx.pdf.txt")]);
        }
        Ready = true;
    }

    public byte[] Converted(string name, string kind) => File.ReadAllBytes(Path.Combine(_dir.FullName, name + "." + kind));

    public void Dispose() => _dir.Delete(recursive: true);
}

public sealed class CorpusConversionTests(CorpusConversions conversions, ITestOutputHelper output) : IClassFixture<CorpusConversions>
{
    [Fact]
    public void EveryConversion_OfEveryReport_ReadsNearlyWhole_AndNeverAFigureInTheWrongCell()
    {
        Assert.SkipUnless(conversions.Ready, "pandoc, LibreOffice, Chromium and poppler-utils are not installed (CI installs them).");
        var failures = new List<string>();
        foreach (var kind in CorpusConversions.Kinds)
        {
            var (printed, exact, wrong) = (0, 0, 0);
            foreach (var (name, report) in conversions.Reports.Where(r => conversions.Has(r.Key, kind)).OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                var cells = report.Format.Cells().Where(c => c.Kind != ValueKind.UnitText && report.Values.Number(c.Key) is not null).ToList();
                AnnualReport read;
                try
                {
                    read = ReportFiles.Parse(name + "." + kind, conversions.Converted(name, kind)).Report;
                }
                catch (Gongkai.Domain.Reports.Import.ReportImportException e)
                {
                    output.WriteLine($"{kind,-13} {name,-8} {report.FormatCode,-16} not read: {e.Message}");
                    printed += cells.Count;
                    continue;
                }
                                var wrongHere = cells.Where(c => read.Values.Number(c.Key) is { } n && n != report.Values.Number(c.Key)).Select(c => $"{c.Key}: {read.Values.Number(c.Key)} ≠ {report.Values.Number(c.Key)}").ToList();
                var exactHere = cells.Count(c => read.Values.Number(c.Key) == report.Values.Number(c.Key));
                output.WriteLine($"{kind,-13} {name,-8} {report.FormatCode,-16} {read.FormatCode,-16} {exactHere,4} of {cells.Count,4} exact, {wrongHere.Count} wrong {string.Join("; ", wrongHere.Take(3))}");
                (printed, exact, wrong) = (printed + cells.Count, exact + exactHere, wrong + wrongHere.Count);
                failures.AddRange(wrongHere.Select(w => $"{kind} {name} {w}"));
                if (read.FormatCode != report.FormatCode)
                {
                    failures.Add($"{kind} {name}: read as {read.FormatCode}, printed {report.FormatCode}");
                }
            }
            output.WriteLine($"== {kind}: {exact} of {printed} exact ({100.0 * exact / printed:F1} %), {wrong} wrong");
            if (exact < 0.95 * printed)
            {
                failures.Add($"{kind}: {exact} of {printed} exact");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }
}
