using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Documents.Files;
using Gongkai.Documents.Pdf;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;
using Gongkai.Domain.Text;

namespace Gongkai.Documents.Import;

/// <summary>
/// A report published as PDF, as paragraphs and table rows. A ruled table comes as its cells
/// (<see cref="PdfLines"/>). Without rules, a table row is a line with figures in it; the lines of
/// a label that wraps (above, below or around the figures, as the cell aligns them) join the row
/// whose figures are nearest, in the cell they stand over. A table that goes on over a page break
/// is one table.
/// </summary>
public static partial class PdfSource
{
    public static SourceDocument Read(string name, byte[] content, ReadLimits? limits = null)
    {
        IReadOnlyList<PdfPageText> pages;
        try
        {
            pages = PdfLines.Read(content, limits);
        }
        catch (Exception e) when (e is PdfUnreadableException or FileLimitException)
        {
            throw new ReportImportException($"{name}：{e.Message}");
        }
        var blocks = new List<SourceBlock>();
        foreach (var page in pages)
        {
            if (page.Tables.Count == 0)
            {
                blocks.AddRange(Stretches(page.Lines).SelectMany(Blocks));
                continue;
            }
            // Ruled tables in their place among the page's lines of text.
            // A ruled box without figures (the report's particulars, a notice) is text.
            var tables = page.Tables.Where(t => t.Rows.Any(r => r.Skip(1).Any(c => CellText.IsFigure(c)))).ToList();
            var boxes = page.Tables.Except(tables).SelectMany(t => t.Rows.Select((r, i) => (t.Top + i * 0.01, Block: (SourceBlock)new SourceParagraph(string.Join(" ", r.Where(c => c.Length > 0)), Location(t, i))))).ToList();
            var lines = page.Lines;
            if (tables.Count > 0 && CutRow(page, tables[^1]) is { } cut)
            {
                tables[^1] = cut.Table;
                lines = [.. lines.Except(cut.Lines)];
            }
            blocks.AddRange(lines.Select(l => (l.Top, Block: (SourceBlock)new SourceParagraph(l.Text, Location(l))))
                .Concat(boxes)
                .Concat(tables.Select(t => (t.Top, Block: (SourceBlock)new SourceTable(t.Rows
                    .Select((r, i) => new SourceRow(r.Select(c => new SourceCell(c, Location(t, i))).ToList(), Location(t, i))).ToList()))))
                .OrderBy(x => x.Item1).Select(x => x.Block));
        }
        return new SourceDocument(name, Merge(blocks));
    }

    private static string Location(PdfTable table, int row) => $"第 {table.Page} 页表格第 {row + 1} 行";

    /// <summary>
    /// A row cut by the page break at the foot of a ruled table: its rules end with the page, so its
    /// figures and the lines of its label under them come as lines of text below the table, and
    /// nothing else follows on the page. They are the table's last row, each piece of the label in
    /// the cell it stands under.
    /// </summary>
    private static (PdfTable Table, IReadOnlyList<PdfLine> Lines)? CutRow(PdfPageText page, PdfTable table)
    {
        if (page.Tables.Any(t => t.Top > table.Top))
        {
            return null;
        }
        var below = page.Lines.Where(l => l.Top > table.Top).OrderBy(l => l.Top).ToList();
        if (below.Count is 0 or > 4 || !HasFigures(below[0])
            || below.Skip(1).Any(l => l.Text.Contains('。') || l.Cells.Any(c => CellText.IsFigure(c.Text))))
        {
            return null;
        }
        var cells = below[0].Cells.Select(c => (c.Left, c.Right, Text: c.Text)).ToList();
        foreach (var fragment in below.Skip(1).SelectMany(l => l.Cells))
        {
            var at = cells.FindIndex(c => fragment.Left < c.Right && fragment.Right > c.Left);
            if (at < 0)
            {
                return null;
            }
            cells[at] = cells[at] with { Text = cells[at].Text + fragment.Text };
        }
        return (table with { Rows = [.. table.Rows, cells.Select(c => c.Text).ToList()] }, below);
    }

    private static bool HasFigures(PdfLine line) => line.Cells.Count >= 2 && line.Cells.Skip(1).Any(c => CellText.IsFigure(c.Text));

    private static string Location(PdfLine line) => string.Create(CultureInfo.InvariantCulture, $"第 {line.Page} 页第 {line.Top:0} 点处");

    /// <summary>
    /// A page's lines cut at each sentence (a line with 。): no unruled table goes on past running
    /// text, so the particulars above a report's narrative (年度 2023, 统计期间 …) are never taken
    /// for the first rows of the tables further down.
    /// </summary>
    private static IEnumerable<List<PdfLine>> Stretches(IReadOnlyList<PdfLine> lines)
    {
        var stretch = new List<PdfLine>();
        foreach (var line in lines)
        {
            if (line.Text.Contains('。'))
            {
                if (stretch.Count > 0)
                {
                    yield return stretch;
                }
                yield return [line];
                stretch = [];
                continue;
            }
            stretch.Add(line);
        }
        if (stretch.Count > 0)
        {
            yield return stretch;
        }
    }

    private static IEnumerable<SourceBlock> Blocks(List<PdfLine> lines)
    {
        lines = FiguresBesideTwoLines.Join(lines);
        var figures = lines.Select((l, i) => (Line: l, Index: i)).Where(x => HasFigures(x.Line)).Select(x => x.Index).ToList();
        // A line or two with a figure ("年度 2020") is text; a statistics table has rows.
        if (figures.Count < 3)
        {
            return lines.Select(l => new SourceParagraph(l.Text, Location(l)));
        }
        // The table spans from the first line with figures to the last; its left edge is where its rows' labels start.
        var (first, last) = (figures[0], figures[^1]);
        var tableLeft = figures.Min(i => lines[i].Cells[0].Left);
        var cells = figures.ToDictionary(i => i, i => lines[i].Cells.Select(c => (c.Left, c.Right, Text: c.Text, Above: "", Below: "")).ToList());
        var blocks = new List<SourceBlock>();
        var headerEnd = first;
        // Header rows (column labels) directly above the first row: lines of several cells without sentences.
        while (headerEnd > 0 && lines[headerEnd - 1].Cells.Count >= 2 && !lines[headerEnd - 1].Text.Contains('。'))
        {
            headerEnd--;
        }
        for (var i = 0; i < headerEnd; i++)
        {
            blocks.Add(new SourceParagraph(lines[i].Text, Location(lines[i])));
        }
        var rows = new List<SourceRow>();
        for (var i = headerEnd; i < first; i++)
        {
            rows.Add(new SourceRow(lines[i].Cells.Select(c => new SourceCell(c.Text, Location(lines[i]))).ToList(), Location(lines[i])));
        }
        var own = new HashSet<int>();
        for (var i = first; i <= last; i++)
        {
            if (cells.ContainsKey(i) || lines[i].Text.Contains('。') || lines[i].Cells[0].Left < tableLeft - lines[i].Height)
            {
                continue;
            }
            // A fragment of a label: it joins the nearest row with figures, in the cell it stands over.
            // (Nearest by the space between them: a row joined from two lines spans both.) A line that
            // starts right of that row's labels or reaches over its figures is no piece of its label: a
            // block's title (第二十条第（五）项), its column labels (信息内容 本年处理决定数量), a
            // part's heading — a row of its own.
            var nearest = figures.MinBy(f => Math.Max(lines[f].Top - lines[i].Bottom, lines[i].Top - lines[f].Bottom));
            var firstFigure = lines[nearest].Cells.Select((c, k) => (c, k)).First(x => CellText.IsFigure(x.c.Text)).k;
            if (lines[i].Cells[^1].Right > lines[nearest].Cells[firstFigure].Left
                || (firstFigure > 0 && lines[i].Cells[0].Left > lines[nearest].Cells[firstFigure - 1].Right))
            {
                own.Add(i);
                continue;
            }
            foreach (var fragment in lines[i].Cells)
            {
                var row = cells[nearest];
                var at = row.FindIndex(c => fragment.Left < c.Right && fragment.Right > c.Left);
                if (at < 0)
                {
                    at = row.Count(c => c.Right <= fragment.Left);
                    row.Insert(at, (fragment.Left, fragment.Right, "", "", ""));
                }
                var cell = row[at];
                row[at] = i < nearest ? cell with { Above = cell.Above + fragment.Text } : cell with { Below = cell.Below + fragment.Text };
            }
        }
        for (var i = first; i <= last; i++)
        {
            if (cells.TryGetValue(i, out var row))
            {
                rows.Add(new SourceRow(row.Select(c => new SourceCell(c.Above + c.Text + c.Below, Location(lines[i]))).ToList(), Location(lines[i])));
            }
            else if (own.Contains(i))
            {
                rows.Add(new SourceRow(lines[i].Cells.Select(c => new SourceCell(c.Text, Location(lines[i]))).ToList(), Location(lines[i])));
            }
        }
        blocks.Add(new SourceTable(rows));
        for (var i = last + 1; i < lines.Count; i++)
        {
            blocks.Add(new SourceParagraph(lines[i].Text, Location(lines[i])));
        }
        // Lines inside the table's span that are sentences stay text.
        blocks.InsertRange(blocks.Count - (lines.Count - last - 1), Enumerable.Range(first, last - first + 1)
            .Where(i => !cells.ContainsKey(i) && (lines[i].Text.Contains('。') || lines[i].Cells[0].Left < tableLeft - lines[i].Height))
            .Select(i => (SourceBlock)new SourceParagraph(lines[i].Text, Location(lines[i]))));
        return blocks;
    }

    private static bool Same(SourceRow a, SourceRow b) => a.Cells.Select(c => c.Text).SequenceEqual(b.Cells.Select(c => c.Text));

    /// <summary>
    /// A table that goes on over a page break is one table; a row cut by the break (its label's end
    /// at the top of the next page, without figures) is joined again, cell to cell.
    /// </summary>
    private static List<SourceBlock> Merge(List<SourceBlock> blocks)
    {
        var merged = new List<SourceBlock>();
        foreach (var block in blocks)
        {
            if (block is SourceTable next && merged.LastOrDefault() is SourceTable previous)
            {
                var rows = next.Rows.ToList();
                // The header rows repeated at the top of each page are read once.
                var repeated = 0;
                while (repeated < rows.Count && repeated < previous.Rows.Count && Same(rows[repeated], previous.Rows[repeated]))
                {
                    repeated++;
                }
                rows.RemoveRange(0, repeated);
                var last = previous.Rows[^1];
                // A row of its own (九、…, （一）…, 1.…, 其中…) starts with its number; the rest of a cut label does not.
                if (rows.Count > 0 && rows[0].Cells.Count == last.Cells.Count && !rows[0].Cells.Any(c => CellText.IsFigure(c.Text))
                    && rows[0].Cells.Skip(1).All(c => c.Text.Length == 0) && !Numbering.StartsLabel(rows[0].Cells[0].Text))
                {
                    var joined = new SourceRow(last.Cells.Zip(rows[0].Cells, (a, b) => a with { Text = a.Text + b.Text }).ToList(), last.Location);
                    merged[^1] = new SourceTable([.. previous.Rows.SkipLast(1), joined, .. rows.Skip(1)]);
                    continue;
                }
                merged[^1] = new SourceTable([.. previous.Rows, .. rows]);
            }
            else
            {
                merged.Add(block);
            }
        }
        return merged;
    }
}
