using Gongkai.Domain.Reports.Import.TextLayout;

namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Reads a report published as plain text (copied from a web page or a Word file, pdftotext,
/// a markdown paragraph) into paragraphs and tables. The table layouts seen in real reports are
/// recognised: rows with tab-separated cells; rows with cells between "|"; rows aligned with runs
/// of spaces; one cell per line (starting with a tab) with rows separated by blank lines; and one
/// cell per line ending in "|", with no row boundary at all. Where a table's lines are not all
/// rows, named rules decide (<see cref="StartRules"/>, <see cref="LineRules"/>; docs/import.md).
/// </summary>
public static class TextSource
{
    /// <summary>Rules that take the lines above a table's first row into it, in order: the first that takes any wins.</summary>
    public static IReadOnlyList<ITableStartRule> StartRules { get; } =
        [new LabelPiecesAbove(new()), new LabelAboveFigures(new())];

    /// <summary>Rules that take a line of text among a table's rows into it, in order.</summary>
    public static IReadOnlyList<ITableLineRule> LineRules { get; } =
        [new LabelBrokenBeforeTabs(new()), new TitleInsideTable(new()), new LabelEndBelowRow(new())];

    public static SourceDocument Read(string name, string text) => new(name, Blocks(new TextLines(text)));

    /// <summary>The paragraphs and tables of <paramref name="lines"/>.</summary>
    public static List<SourceBlock> Blocks(TextLines lines)
    {
        var blocks = new List<SourceBlock>();
        var i = 0;
        while (i < lines.Count)
        {
            switch (lines.Kinds[i])
            {
                case LineKind.Blank:
                    i++;
                    break;
                case LineKind.Text:
                    blocks.Add(new SourceParagraph(lines[i].Trim(), lines.Location(i)));
                    i++;
                    break;
                case LineKind.PipeCell:
                    var cells = new List<SourceCell>();
                    for (; i < lines.Count && lines.Kinds[i] is LineKind.PipeCell or LineKind.Blank; i++)
                    {
                        if (lines.Kinds[i] == LineKind.PipeCell)
                        {
                            cells.Add(new SourceCell(lines[i].TrimEnd()[..^1].Trim(), lines.Location(i)));
                        }
                    }
                    blocks.Add(new SourceTable(cells.Select(c => new SourceRow([c], c.Location)).ToList(), CellStream: true));
                    break;
                default:
                    blocks.Add(Table(lines, ref i, blocks));
                    break;
            }
        }
        return blocks;
    }

    private static SourceTable Table(TextLines lines, ref int i, List<SourceBlock> blocks)
    {
        var tabular = lines.Kinds[i];
        var rows = new List<SourceRow>();
        foreach (var rule in StartRules)
        {
            if (rule.Take(lines, i, blocks) is { Count: > 0 } taken)
            {
                blocks.RemoveRange(blocks.Count - taken.Count, taken.Count);
                rows.AddRange(taken);
                break;
            }
        }
        while (i < lines.Count)
        {
            var kind = lines.Kinds[i];
            if (kind == LineKind.Blank)
            {
                i++;
                continue;
            }
            if (kind == LineKind.Text)
            {
                var line = i;
                var rule = LineRules.FirstOrDefault(r => r.Takes(lines, line, tabular));
                if (rule is null)
                {
                    break;
                }
                if (rule.JoinsNext)
                {
                    rows.Add(lines.Row((lines[i].Trim() + lines[i + 1]).Split('\t'), i));
                    i += 2;
                    continue;
                }
                // Among rows aligned with spaces, a header of column labels is aligned too.
                rows.Add(lines.Row(tabular == LineKind.SpaceRow ? SpaceCells.Split(lines[i]) : [lines[i].Trim()], i));
                i++;
                continue;
            }
            if (kind != tabular)
            {
                break;
            }
            switch (tabular)
            {
                case LineKind.TabRow:
                    rows.Add(lines.Row(lines[i].Split('\t'), i));
                    i++;
                    break;
                case LineKind.PipeRow:
                    var line = lines[i].Trim();
                    var inner = line.StartsWith('|') ? line[1..] : line;
                    rows.Add(lines.Row((inner.EndsWith('|') ? inner[..^1] : inner).Split('|'), i));
                    i++;
                    break;
                case LineKind.SpaceRow:
                    rows.Add(lines.Row(SpaceCells.Split(lines[i]), i));
                    i++;
                    break;
                default:
                    var start = i;
                    var cells = new List<SourceCell>();
                    for (; i < lines.Count && lines.Kinds[i] == LineKind.CellLine; i++)
                    {
                        cells.Add(new SourceCell(lines[i][1..].Trim(), lines.Location(i)));
                    }
                    rows.Add(new SourceRow(cells, lines.Location(start)));
                    break;
            }
        }
        return new SourceTable(rows);
    }
}
