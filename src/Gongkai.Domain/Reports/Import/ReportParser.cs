using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports.Formats;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Turns a published annual report into the report model: agency, year, statistics period,
/// publication date, the narrative parts, and every table cell aligned to the format its labels
/// show (the year is only a hint), with the source location of each cell; then runs the format's
/// cross-checks and the text-versus-table checks.
/// </summary>
public static partial class ReportParser
{
    /// <summary>The fewest matched table rows for a format to be taken as the report's.</summary>
    private const int MinimumRows = 3;

    public static ImportedReport Parse(SourceDocument source)
    {
        var text = string.Join("\n", source.Paragraphs.Select(p => p.Text));
        var meta = Metadata.Read(source);
        var tables = source.Tables.ToList();

        ReportFormat format;
        TableAligner? aligned = null;
        FlatTable.Reading? flat = null;
        var sheetTable = false;
        if (tables.Count > 0)
        {
            var memo = new TextMemo();
            // The likeliest format first (a regional sheet whose own rows are printed, then the
            // year's): a format that can no longer catch up with it is not aligned to the end.
            var attempts = new List<(ReportFormat Format, TableAligner Aligner)>();
            var candidates = Candidates(tables, memo).ToList();
            foreach (var f in candidates.OrderBy(f => Likeliness(f, meta)))
            {
                var aligner = new TableAligner(f, memo);
                if (aligner.AddAll(tables, attempts.Count == 0 ? null : attempts.Max(a => a.Aligner.Score)))
                {
                    attempts.Add((f, aligner));
                }
            }
            var best = attempts
                .OrderByDescending(a => a.Aligner.Score)
                .ThenByDescending(a => a.Aligner.HeaderMatches)
                .ThenBy(a => FormatIndex.For(a.Format).All.Count)
                .ThenBy(a => meta.Year is { } y && ReportFormats.ForYear(y).Code == a.Format.Code ? 0 : 1)
                .ThenBy(a => candidates.IndexOf(a.Format))
                .First();
            if (SheetTable.Read(source) is { } sheet && sheet.MatchedRows > best.Aligner.MatchedRows)
            {
                // A local sheet printed as a table with its cells apart: its own rows, unless a defined format finds as many.
                (flat, sheetTable) = (sheet, true);
            }
            else if (best.Aligner.MatchedRows >= MinimumRows)
            {
                aligned = best.Aligner;
            }
            else if (Flat(text, meta) is not { } reading)
            {
                throw new ReportImportException(
                    $"{source.Name}：找到表格，但其中的栏目无法对应到任何已知的报告格式（最多只对上 {best.Aligner.MatchedRows} 行）。");
            }
            else
            {
                flat = reading;
            }
            format = aligned is not null ? best.Format : flat!.Format;
        }
        else
        {
            flat = Flat(text, meta);
            format = flat?.Format ?? ReportFormats.ForYear(meta.Year ?? 2018);
        }

        var year = meta.Year ?? meta.PeriodStart?.Year ?? throw new ReportImportException($"{source.Name}：找不到报告年度。");
        // Whatever read the table, a row that breaks its own total is not published (PlacementGuard).
        var guard = PlacementGuard.Apply(format, aligned?.Values ?? flat?.Values ?? new ReportValues(),
            aligned?.Sources ?? flat?.Sources ?? new Dictionary<CellKey, CellSource>());
        var values = guard.Values;
        var sources = guard.Sources;
        var blank = new List<BlankCell>([.. guard.Blanked, .. aligned?.Blank ?? flat?.Blank ?? []]);
        if (aligned is { Undecided.Count: > 0 })
        {
            // A row whose figures the layout left with several placements: the table's sums, with the
            // figures printed certain, may leave one (RowSplits, as for figures run together).
            var settled = guard.Sources.ToDictionary();
            RowSplits.Settle(format, values, settled, blank, aligned.Undecided);
            sources = settled;
        }
        var report = new AnnualReport(
            format.Code,
            meta.Agency ?? "",
            year,
            meta.Title ?? AnnualReport.DefaultTitle(meta.Agency ?? "", year),
            meta.PeriodStart,
            meta.PeriodEnd,
            meta.PublishedOn,
            Parts(source),
            values) { Sheet = AnnualReport.SheetOf(format) };

        var problems = new List<Violation>();
        var hasTable = aligned is not null || flat is not null;
        if (hasTable)
        {
            problems.AddRange(ReportChecks.Evaluate(format, values));
        }
        if (aligned is not null)
        {
            problems.AddRange(aligned.Unrecognised.Select(u => new Violation("row.unrecognised", Severity.Warning, [], null, null,
                $"{u.Location}：表格行“{(u.Label.Length > 0 ? u.Label : string.Join(" ", u.Cells))}”不属于 {format.Name}，已保留未导入。")));
        }
        problems.AddRange(TextChecks.Evaluate(text, report, hasTable));
        var layout = aligned is not null ? ImportLayout.Table
            : flat is null ? ImportLayout.NoTable
            : !PrintedSheets.IsSheet(format.Code) ? ImportLayout.RunTogetherText
            : sheetTable ? ImportLayout.PrintedSheetTable : ImportLayout.PrintedSheetRunTogether;
        var quality = layout == ImportLayout.NoTable ? ImportQuality.NoTable
            : Quality(layout, format, sources, blank);
        return new ImportedReport(report, hasTable, sources, aligned?.Unrecognised ?? [], problems, quality);
    }

    /// <summary>0 for a regional 统计表 (a candidate only when its own rows are printed), 1 for the year's format, 2 for the rest.</summary>
    private static int Likeliness(ReportFormat format, Metadata meta) =>
        ReportFormats.IsStatistics(format.Code) && format.Code != ReportFormats.ForYear(2018).Code ? 0
        : meta.Year is { } year && ReportFormats.ForYear(year).Code == format.Code ? 1
        : 2;

    /// <summary>The fewest rows a flattened table must show for its format to be taken.</summary>
    private const int MinimumFlatRows = 5;

    /// <summary>
    /// The report's tables read from its running text, where scraped pages and copies from a browser
    /// leave them with their cells run together: the format whose rows are found most wins.
    /// </summary>
    private static FlatTable.Reading? Flat(string text, Metadata meta)
    {
        var folded = FlatTable.Fold(text);
        var compact = LabelText.Normalize(folded);
        var readings = FlatCandidates(compact).Select(f => FlatTable.Read(f, folded)).ToList();
        var best = readings
            .OrderByDescending(r => readings.Count == 1 ? 0 : OwnColumnsPrinted(r.Format, readings.Select(o => o.Format), compact))
            .ThenByDescending(r => r.MatchedRows)
            .ThenByDescending(r => r.Sources.Count)
            .ThenBy(r => meta.Year is { } y && ReportFormats.ForYear(y).Code == r.Format.Code ? 0 : 1)
            .FirstOrDefault();
        // A local sheet read as printed, unless a defined format finds as many of its rows.
        if (SheetReader.Read(folded) is { } sheet && sheet.MatchedRows > (best?.MatchedRows ?? 0))
        {
            return sheet;
        }
        return best?.MatchedRows >= MinimumFlatRows ? best : null;
    }

    /// <summary>
    /// How many of the column labels only this format has (2019's 本年新制作数量, 2021's 本年制发件数)
    /// the text prints. Rows such as 规范性文件 stand in both the 2019 and the 2021 table under other
    /// columns: which columns are printed decides what the row's figures are, before how many rows
    /// each format finds (cells in reading order, as plain pdftotext gives them, can let the wrong
    /// format find one row more).
    /// </summary>
    private static int OwnColumnsPrinted(ReportFormat format, IEnumerable<ReportFormat> candidates, string compact)
    {
        var others = candidates.Where(c => c != format).SelectMany(c => FormatIndex.For(c).AllHeaderLabels).ToHashSet();
        return FormatIndex.For(format).AllHeaderLabels.Count(l => !others.Contains(l) && compact.Contains(l, StringComparison.Ordinal));
    }

    /// <summary>
    /// The formats worth reading out of running text, by words only their tables print (the 2019
    /// Regulation's 第二十条 and 申请人情况, the 统计表's 统计指标, a regional sheet's own rows).
    /// </summary>
    private static IEnumerable<ReportFormat> FlatCandidates(string compact)
    {
        bool Prints(IEnumerable<string> words) => words.Any(w => compact.Contains(LabelText.Normalize(w), StringComparison.Ordinal));
        return Recognised(f => f.Marks.FamilyInText, Prints, f => Prints(f.Marks.OwnInText), neitherMeansAll: false);
    }

    /// <summary>
    /// The formats whose marks (<see cref="FormatMarks"/>, declared with each format) a document
    /// shows: the 2019 Regulation's formats or the 统计表s by their family's words (both families when
    /// both show; when neither does, all for a table and none for running text, where any text could
    /// be read as rows), a regional sheet only when one of its own rows is printed.
    /// </summary>
    private static IEnumerable<ReportFormat> Recognised(Func<ReportFormat, IReadOnlyList<string>> family, Func<IEnumerable<string>, bool> shows,
        Func<ReportFormat, bool> showsOwn, bool neitherMeansAll)
    {
        // A family's formats share their marks: each list is looked for once.
        bool Shows(bool statistics) => ReportFormats.All.Where(f => ReportFormats.IsStatistics(f.Code) == statistics).Select(family)
            .Distinct(ReferenceEqualityComparer.Instance).Cast<IReadOnlyList<string>>().Any(shows);
        var (current, legacy) = (Shows(false), Shows(true));
        return ReportFormats.All.Where(f => ((ReportFormats.IsStatistics(f.Code) ? legacy : current) || (neitherMeansAll && !current && !legacy))
            && (f.Marks.Own.Count == 0 || showsOwn(f)));
    }

    /// <summary>The format's cells, those read, and why each other one is blank.</summary>
    private static ImportQuality Quality(ImportLayout layout, ReportFormat format, IReadOnlyDictionary<CellKey, CellSource> sources, IReadOnlyList<BlankCell> blank)
    {
        var cells = format.Cells().Where(c => c.Column.Kind != ValueKind.UnitText).Select(c => c.Key).ToList();
        var explained = blank.Select(b => b.Key).ToHashSet();
        var unexplained = cells.Where(k => !sources.ContainsKey(k) && !explained.Contains(k)).Select(k => new BlankCell(k, "报告中没有印出该格", BlankCode.NotPrinted));
        return new ImportQuality(layout, cells.Count, cells.Count(sources.ContainsKey), [.. blank.Where(b => !sources.ContainsKey(b.Key)).DistinctBy(b => b.Key), .. unexplained]);
    }

    /// <summary>
    /// The formats worth aligning: a table that names the 2019 Regulation's tables (第二十条,
    /// 申请人情况) is never a 统计表 and the reverse; when neither shows, every format is tried.
    /// </summary>
    private static IEnumerable<ReportFormat> Candidates(IReadOnlyList<SourceTable> tables, TextMemo memo)
    {
        var cells = tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => memo.Normalize(c.Text)).ToList();
        bool Shows(IEnumerable<string> labels) => labels.Select(LabelText.Normalize).Any(l => cells.Any(c => c.StartsWith(l, StringComparison.Ordinal)));
        return Recognised(f => f.Marks.Family, Shows, f => Shows(f.Marks.Own), neitherMeansAll: true);
    }

    /// <summary>Parses plain text (UTF-8 text of a web page or a Word file).</summary>
    public static ImportedReport ParseText(string name, string text) => Parse(TextSource.Read(name, text));

    /// <summary>The report's parts: each top-level heading (一、… 十二、…) outside the tables and the text below it.</summary>
    private static IReadOnlyList<ReportPart> Parts(SourceDocument source)
    {
        var parts = new List<(string Heading, List<string> Lines)>();
        string? previousNumber = null;
        foreach (var paragraph in source.Paragraphs)
        {
            // A part's heading: 一、 and a short title (at most 41 characters), not a sentence.
            var match = Numbering.Part().Match(paragraph.Text);
            if (match.Success && paragraph.Text.TrimEnd().Length - match.Length is > 0 and <= 41 && !paragraph.Text.Contains('。')
                && IsNext(previousNumber, match.Groups["number"].Value))
            {
                previousNumber = match.Groups["number"].Value;
                parts.Add((paragraph.Text.Trim(), []));
            }
            else if (parts.Count > 0)
            {
                parts[^1].Lines.Add(paragraph.Text.Trim());
            }
        }
        return parts.Select(p => new ReportPart(null, p.Heading, string.Join("\n", p.Lines.Where(l => l.Length > 0)))).ToList();
    }

    private static bool IsNext(string? previous, string number) =>
        ChineseNumber(number) == (previous is null ? 1 : ChineseNumber(previous) + 1);

    /// <summary>一 → 1, 十二 → 12, 两 → 2; -1 when not a Chinese numeral.</summary>
    public static int ChineseNumber(string text)
    {
        const string digits = "零一二三四五六七八九";
        text = text.Replace('两', '二');
        if (text.Length == 0 || text.Any(c => digits.IndexOf(c) < 0 && c != '十' && c != '百'))
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        }
        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            if (c == '百')
            {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else
            {
                current = digits.IndexOf(c);
            }
        }
        return total + current;
    }
}
