using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Documents.Files;
using Gongkai.Domain.Reports.Import;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Gongkai.Documents.Pdf;

/// <summary>
/// The text of a PDF, read with PdfPig from the glyphs' positions. Where the page draws a table's
/// rules, each glyph belongs to the cell the rules close around it, so a label that wraps, or a
/// group label printed a character per line, stays in its cell. Elsewhere glyphs on one baseline
/// make a line, and a gap wider than a character splits it into cells. Page numbers and the header
/// or footer repeated on every page are dropped. Glyphs are read as the characters they stand for
/// (<see cref="GlyphFold"/>: Noto CJK maps 石 to the radical ⽯, which would hide the word from
/// search). Reading is bounded: nesting depth, pages, characters and time; with a
/// <see cref="ReadLimits.Worker"/>, in a process of its own.
/// </summary>
public static partial class PdfLines
{
    /// <summary>More pages than any annual report or notice has.</summary>
    private const int MaxPages = 500;

    /// <summary>A cell boundary in unruled text: a gap wider than this many character heights.</summary>
    private const double CellGap = 1.2;

    /// <summary>A word boundary inside a cell, in ems, where the PDF draws no space glyph (browsers do not).</summary>
    private const double WordGap = 0.22;

    /// <summary>Between a CJK character and a Latin letter or digit: LibreOffice's autospace (0.2 em) is no word boundary.</summary>
    private const double ScriptGap = 0.3;

    public static bool IsPdf(ReadOnlySpan<byte> content) => content.StartsWith("%PDF-"u8);

    public static IReadOnlyList<PdfPageText> Read(byte[] content, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        if (!IsPdf(content))
        {
            throw new PdfUnreadableException("不是 PDF 文件。");
        }
        if (limits.Worker is { } worker)
        {
            return worker.Read(content, limits);
        }
        InflatedSize(content, limits);
        var clock = Stopwatch.StartNew();
        var (characters, letters, images) = (0, 0, 0);
        var pages = new List<(Page Page, PdfPageText Text)>();
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, MaxStackDepth = limits.MaxNesting });
            if (document.NumberOfPages > MaxPages)
            {
                throw new FileLimitException($"PDF 超过 {MaxPages} 页。");
            }
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                if (clock.Elapsed > limits.Budget)
                {
                    throw new FileLimitException("读取超时。");
                }
                var page = document.GetPage(number);
                images += page.NumberOfImages;
                letters += page.Letters.Count;
                characters += page.Letters.Count;
                if (characters > limits.MaxCharacters)
                {
                    throw new FileLimitException($"文字超过 {limits.MaxCharacters:N0} 字。");
                }
                pages.Add((page, PageText(number, page)));
            }
        }
        catch (Exception e) when (e is PdfUnreadableException or FileLimitException)
        {
            throw;
        }
        catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException e)
        {
            throw new PdfUnreadableException("PDF 文件已加密，无法读取。", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig reports a broken file with many exception types; to the reader each is the same: the file is damaged.
            throw new PdfUnreadableException("PDF 文件已损坏，无法读取。", e);
        }
        if (letters == 0)
        {
            throw new PdfUnreadableException(images > 0 ? "扫描件，没有可读取的文字层。" : "PDF 中没有文字。");
        }
        return WithoutFurniture(pages);
    }

    /// <summary>
    /// Refuses a PDF whose compressed streams would inflate past the limit (a "flate bomb": PdfPig
    /// inflates a stream whole in memory). Each run of bytes between <c>stream</c> and
    /// <c>endstream</c> is inflated into nothing, counting; what does not inflate is skipped.
    /// </summary>
    private static void InflatedSize(byte[] content, ReadLimits limits)
    {
        var total = 0L;
        var buffer = new byte[81920];
        var span = content.AsSpan();
        for (var at = span.IndexOf("stream"u8); at >= 0;)
        {
            var start = at + 6;
            while (start < content.Length && content[start] is (byte)'\r' or (byte)'\n')
            {
                start++;
            }
            var length = span[start..].IndexOf("endstream"u8);
            if (length < 0)
            {
                break;
            }
            if (length > 2 && content[start] == 0x78)
            {
                try
                {
                    using var inflate = new System.IO.Compression.ZLibStream(new MemoryStream(content, start, length), System.IO.Compression.CompressionMode.Decompress);
                    for (int read; (read = inflate.Read(buffer)) > 0;)
                    {
                        if ((total += read) > limits.MaxDecompressedBytes)
                        {
                            throw new FileLimitException($"解压后超过 {limits.MaxDecompressedBytes >> 20:N0} MB。");
                        }
                    }
                }
                catch (Exception e) when (e is InvalidDataException or IOException)
                {
                    // Not a zlib stream, or a damaged one: PdfPig decides what it is.
                }
            }
            var next = span[(start + length + 9)..].IndexOf("stream"u8);
            at = next < 0 ? -1 : start + length + 9 + next;
        }
    }

    /// <summary>The text for search and the personal-data guard: a line per line or table row, cells separated by a space.</summary>
    public static string Text(IReadOnlyList<PdfPageText> pages) => string.Join("\n", pages.SelectMany(p =>
        p.Lines.Select(l => (l.Top, Text: l.Text))
            .Concat(p.Tables.SelectMany(t => t.Rows.Select((r, i) => (t.Top + i * 0.001, Text: string.Join(" ", r)))))
            .OrderBy(x => x.Item1).Select(x => x.Text)));

    private sealed record Glyph(Letter Letter, double Size, double X, double Y);

    private static PdfPageText PageText(int number, Page page)
    {
        var glyphs = page.Letters.Where(l => l.Value.Length > 0)
            .Select(l => new Glyph(l, Math.Max(1, l.BoundingBox.Height > 0 ? Math.Max(l.BoundingBox.Height, l.PointSize * 0.7) : l.PointSize),
                (l.BoundingBox.Left + l.BoundingBox.Right) / 2, page.Height - (l.BoundingBox.Bottom + l.BoundingBox.Top) / 2))
            .ToList();
        var (horizontal, vertical) = PdfGrid.Rules(page);
        var grid = PdfGrid.Kept(PdfGrid.Grid(horizontal, vertical));
        var cells = grid.ToDictionary(c => c, _ => new List<Glyph>());
        var loose = new List<Glyph>();
        foreach (var glyph in glyphs)
        {
            var cell = grid.FirstOrDefault(c => c.Left <= glyph.X && glyph.X <= c.Right && c.Top <= glyph.Y && glyph.Y <= c.Bottom);
            if (cell is not null)
            {
                cells[cell].Add(glyph);
            }
            else
            {
                loose.Add(glyph);
            }
        }
        return new PdfPageText(number, Lines(number, page.Height, loose), Tables(number, cells));
    }

    /// <summary>The ruled cells as tables: a row for each top edge, its cells left to right (a merged cell in its first row).</summary>
    private static List<PdfTable> Tables(int number, Dictionary<GridCell, List<Glyph>> cells) =>
        PdfGrid.Groups(cells.Keys).Select(t => new PdfTable(number, t[0].Key,
            t.Select(r => (IReadOnlyList<string>)r.OrderBy(c => c.Left).Select(c => CellText(cells[c])).ToList()).ToList())).ToList();

    /// <summary>A cell's glyphs as its text: line by line, a wrapped label joined without a break.</summary>
    private static string CellText(List<Glyph> glyphs) =>
        glyphs.Count == 0 ? "" : string.Concat(Rows(glyphs).Select(row => Words(row).Text));

    private static List<PdfLine> Lines(int number, double pageHeight, List<Glyph> glyphs) =>
        Rows(glyphs).Select(row =>
        {
            var (cells, height) = Cells(row);
            var baseline = row[0].Letter.StartBaseLine.Y;
            return new PdfLine(number, pageHeight - baseline - height, pageHeight - baseline, height, cells);
        }).Where(line => line.Cells.Count > 0).ToList();

    /// <summary>Glyphs on one baseline, top line first.</summary>
    private static List<List<Glyph>> Rows(List<Glyph> glyphs)
    {
        var rows = new List<List<Glyph>>();
        foreach (var glyph in glyphs.OrderByDescending(g => g.Letter.StartBaseLine.Y))
        {
            var row = rows.LastOrDefault();
            if (row is not null && Math.Abs(row[0].Letter.StartBaseLine.Y - glyph.Letter.StartBaseLine.Y) < 0.5 * Math.Min(row[0].Size, glyph.Size))
            {
                row.Add(glyph);
            }
            else
            {
                rows.Add([glyph]);
            }
        }
        return rows;
    }

    private static (List<PdfCell> Cells, double Height) Cells(List<Glyph> row)
    {
        var cells = new List<PdfCell>();
        var ordered = row.OrderBy(g => g.Letter.StartBaseLine.X).ToList();
        var text = new StringBuilder();
        var (left, right) = (ordered[0].Letter.StartBaseLine.X, ordered[0].Letter.StartBaseLine.X);
        var space = false;
        var previous = ' ';
        foreach (var glyph in ordered)
        {
            if (string.IsNullOrWhiteSpace(glyph.Letter.Value))
            {
                // A space the PDF draws (LibreOffice, Word): a word boundary, or with the gap after it a cell boundary.
                space = text.Length > 0;
                continue;
            }
            var em = Math.Max(1, glyph.Letter.PointSize);
            var gap = glyph.Letter.StartBaseLine.X - right;
            var current = glyph.Letter.Value[0];
            var boundary = text.Length > 0 && (space || gap > (IsCjk(previous) != IsCjk(current) ? ScriptGap : WordGap) * em);
            // Two figures a word apart are two cells: narrow columns of four-digit figures stand
            // closer than a cell gap ("1016 1017"), and no figure of a report has a space in it.
            if (text.Length > 0 && (gap > CellGap * glyph.Size || (boundary && char.IsAsciiDigit(current) && Gongkai.Domain.Reports.CellText.IsFigure(text.ToString()))))
            {
                cells.Add(new PdfCell(left, right, Fold(text)));
                text.Clear();
                left = glyph.Letter.StartBaseLine.X;
            }
            else if (boundary)
            {
                text.Append(' ');
            }
            space = false;
            text.Append(glyph.Letter.Value);
            previous = glyph.Letter.Value[^1];
            right = Math.Max(right, glyph.Letter.EndBaseLine.X);
        }
        if (text.Length > 0)
        {
            cells.Add(new PdfCell(left, right, Fold(text)));
        }
        return (cells, ordered.Max(g => g.Size));
    }

    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    private static (string Text, double Height) Words(List<Glyph> row)
    {
        var (cells, height) = Cells(row);
        return (string.Join(" ", cells.Select(c => c.Text)), height);
    }

    private static string Fold(StringBuilder text) => GlyphFold.Fold(text.ToString());

    [GeneratedRegex(@"^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})$")]
    private static partial Regex PageNumber();

    /// <summary>
    /// Without page numbers and the header or footer every page repeats (an agency's name, the
    /// report's title): lines in the top or bottom tenth of a page that are a page number, or that
    /// stand in that band on more than half of the pages.
    /// </summary>
    private static List<PdfPageText> WithoutFurniture(List<(Page Page, PdfPageText Text)> pages)
    {
        bool InMargin(Page page, PdfLine line) => line.Bottom < page.Height * 0.1 || line.Top > page.Height * 0.9;
        string Shape(PdfLine line) => Regex.Replace(line.Text, @"\d+", "#");
        var repeated = pages.Count < 3 ? [] : pages
            .SelectMany(p => p.Text.Lines.Where(l => InMargin(p.Page, l)).Select(Shape).Distinct())
            .GroupBy(t => t).Where(g => g.Count() > pages.Count / 2).Select(g => g.Key).ToHashSet();
        return pages.Select(p => p.Text with
        {
            Lines = p.Text.Lines.Where(l => !InMargin(p.Page, l) || (!PageNumber().IsMatch(l.Text.Trim()) && !repeated.Contains(Shape(l)))).ToList(),
        }).ToList();
    }
}
