namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Reads a report published as plain text (copied from a web page or a Word file) into paragraphs
/// and tables. The table layouts seen in real reports are recognised: rows with tab-separated
/// cells; rows with cells between "|"; rows aligned with runs of spaces; one cell per line
/// (starting with a tab) with rows separated by blank lines; and one cell per line ending in "|",
/// with no row boundary at all.
/// </summary>
public static partial class TextSource
{
    private enum Kind
    {
        Blank,
        Text,
        TabRow,
        PipeRow,
        SpaceRow,
        CellLine,
        PipeCell,
    }

    public static SourceDocument Read(string name, string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var kinds = lines.Select(Classify).ToArray();
        AmongSpaceRows(lines, kinds);
        var blocks = new List<SourceBlock>();
        var i = 0;
        while (i < lines.Length)
        {
            switch (kinds[i])
            {
                case Kind.Blank:
                    i++;
                    break;
                case Kind.Text:
                    blocks.Add(new SourceParagraph(lines[i].Trim(), Location(i)));
                    i++;
                    break;
                case Kind.PipeCell:
                    var cells = new List<SourceCell>();
                    while (i < lines.Length && kinds[i] is Kind.PipeCell or Kind.Blank)
                    {
                        if (kinds[i] == Kind.PipeCell)
                        {
                            var line = lines[i].TrimEnd();
                            cells.Add(new SourceCell(line[..^1].Trim(), Location(i)));
                        }
                        i++;
                    }
                    blocks.Add(new SourceTable(cells.Select(c => new SourceRow([c], c.Location)).ToList(), CellStream: true));
                    break;
                default:
                    var rows = new List<SourceRow>();
                    var tabular = kinds[i];
                    var pieces = tabular == Kind.SpaceRow ? LabelPiecesAbove(lines, kinds, i, blocks) : 0;
                    if (pieces > 0)
                    {
                        // The table goes on after a page break with the start of a wrapped label (or the
                        // end of one) above its first figures: those lines are its first rows.
                        blocks.RemoveRange(blocks.Count - pieces, pieces);
                        rows.AddRange(Enumerable.Range(i - pieces, pieces).Select(k => Row(SpaceCells(lines[k]), k)));
                    }
                    else if (tabular == Kind.SpaceRow && blocks.LastOrDefault() is SourceParagraph { Text.Length: <= 30 } above
                        && SpaceCells(lines[i]) is var first && first.Length > 0 && (CellText.IsFigure(first[0]) || CellText.Units.Contains(first[0])))
                    {
                        // The table's first row has only a unit and figures: its label is the line above, wrapped round them.
                        blocks.RemoveAt(blocks.Count - 1);
                        rows.Add(new SourceRow([new SourceCell(above.Text, above.Location)], above.Location));
                    }
                    while (i < lines.Length && (kinds[i] == tabular || kinds[i] == Kind.Blank || ContinuesLabel(lines, kinds, i, tabular) || InnerTitle(lines, kinds, i, tabular)
                        || LabelEnd(lines, kinds, i, tabular)))
                    {
                        if (kinds[i] == Kind.Blank)
                        {
                            i++;
                            continue;
                        }
                        if (kinds[i] == Kind.Text && !ContinuesLabel(lines, kinds, i, tabular))
                        {
                            // A block title inside the table (第二十条第（八）项), printed without separators;
                            // among rows aligned with spaces, a header of column labels is aligned too.
                            rows.Add(Row(tabular == Kind.SpaceRow ? SpaceCells(lines[i]) : [lines[i].Trim()], i));
                            i++;
                            continue;
                        }
                        if (tabular == Kind.TabRow)
                        {
                            if (kinds[i] == Kind.Text)
                            {
                                // A label broken over two lines: the rest of the row follows on the next line.
                                var joined = lines[i].Trim() + lines[i + 1];
                                rows.Add(Row(joined.Split('\t'), i));
                                i += 2;
                                continue;
                            }
                            rows.Add(Row(lines[i].Split('\t'), i));
                            i++;
                        }
                        else if (tabular == Kind.PipeRow)
                        {
                            var line = lines[i].Trim();
                            var inner = line.StartsWith('|') ? line[1..] : line;
                            inner = inner.EndsWith('|') ? inner[..^1] : inner;
                            rows.Add(Row(inner.Split('|'), i));
                            i++;
                        }
                        else if (tabular == Kind.SpaceRow)
                        {
                            rows.Add(Row(SpaceCells(lines[i]), i));
                            i++;
                        }
                        else
                        {
                            var start = i;
                            var rowCells = new List<SourceCell>();
                            while (i < lines.Length && kinds[i] == Kind.CellLine)
                            {
                                rowCells.Add(new SourceCell(lines[i][1..].Trim(), Location(i)));
                                i++;
                            }
                            rows.Add(new SourceRow(rowCells, Location(start)));
                        }
                    }
                    blocks.Add(new SourceTable(rows));
                    break;
            }
        }
        return new SourceDocument(name, blocks);
    }

    private static SourceRow Row(string[] parts, int line) =>
        new(parts.Select((p, k) => new SourceCell(p.Trim(), $"{Location(line)}，第 {k + 1} 格")).ToList(), Location(line));

    private static bool ContinuesLabel(string[] lines, Kind[] kinds, int i, Kind tabular) =>
        tabular == Kind.TabRow && kinds[i] == Kind.Text && i + 1 < lines.Length && kinds[i + 1] == Kind.TabRow
        && lines[i + 1].StartsWith('\t') && lines[i].Trim().Length < 60;

    /// <summary>
    /// The rest of the last row's wrapped label, on the line right under it: narrow, indented into the
    /// label column as pdftotext -layout sets a cell, and not a numbered heading.
    /// </summary>
    private static bool LabelEnd(string[] lines, Kind[] kinds, int i, Kind tabular) =>
        tabular == Kind.SpaceRow && kinds[i] == Kind.Text && i > 0 && kinds[i - 1] == Kind.SpaceRow
        && lines[i].StartsWith("  ", StringComparison.Ordinal) && lines[i].Trim().Length <= NarrowLine && !Numbered().IsMatch(lines[i].Trim());

    /// <summary>
    /// How many lines right above a table's first row (no blank line between) are pieces of wrapped
    /// labels — when that row's own label is the rest of one: 16 characters at most, indented into the
    /// table as pdftotext -layout sets a cell, not a part's heading, no figure; four at most.
    /// </summary>
    private static int LabelPiecesAbove(string[] lines, Kind[] kinds, int i, List<SourceBlock> blocks)
    {
        if (Numbered().IsMatch(lines[i].Trim()))
        {
            // The first row starts a label of its own (一、 （三） 2．): the lines above are the table's caption or header.
            return 0;
        }
        var count = 0;
        for (var j = i - 1; j >= 0 && count < 4 && kinds[j] == Kind.Text && lines[j].StartsWith("  ", StringComparison.Ordinal)
            && lines[j].Trim() is { Length: <= 16 } text && !PartHeading().IsMatch(text) && !SpaceCells(lines[j]).Any(CellText.IsFigure)
            && blocks.Count > count && blocks[^(count + 1)] is SourceParagraph paragraph && paragraph.Location == Location(j); j--)
        {
            count++;
        }
        return count;
    }

    /// <summary>The longest line taken for a piece of a label wrapped in a table cell (about the width of a cell).</summary>
    private const int NarrowLine = 24;

    /// <summary>
    /// A short line of text with table rows right before and after it belongs to the table; so do
    /// two such lines together (pdftotext: the end of one row's wrapped label and the start of the
    /// next one's, around the next row's figures), and up to six narrow ones (the pieces of labels
    /// wrapped in their cells, a group's label printed down its column).
    /// </summary>
    private static bool InnerTitle(string[] lines, Kind[] kinds, int i, Kind tabular)
    {
        bool Short(int j) => kinds[j] == Kind.Text && lines[j].Trim().Length <= 30;
        bool Narrow(int j) => kinds[j] == Kind.Text && lines[j].Trim().Length <= NarrowLine && !PartHeading().IsMatch(lines[j].Trim());
        if (tabular is Kind.CellLine || !Short(i))
        {
            return false;
        }
        var (texts, narrow) = (1, Narrow(i));
        for (var next = i + 1; next < lines.Length; next++)
        {
            if (kinds[next] == tabular)
            {
                return true;
            }
            if (kinds[next] == Kind.Blank)
            {
                continue;
            }
            narrow &= Narrow(next);
            if (!Short(next) || ++texts > (narrow ? 6 : 2))
            {
                return false;
            }
        }
        return false;
    }

    private static Kind Classify(string line)
    {
        if (line.Trim().Length == 0)
        {
            return line.StartsWith('\t') ? Kind.CellLine : Kind.Blank;
        }
        var pipes = line.Count(c => c == '|');
        if (pipes >= 2 && (line.TrimStart().StartsWith('|') || line.Split('|').Count(p => p.Trim().Length > 0) >= 2))
        {
            return Kind.PipeRow;
        }
        if (line.TrimEnd().EndsWith('|'))
        {
            return Kind.PipeCell;
        }
        if (line.StartsWith('\t') && line.IndexOf('\t', 1) < 0)
        {
            return Kind.CellLine;
        }
        if (line.Trim('\t', ' ').Contains('\t') || (line.Contains('\t') && !line.StartsWith('\t')))
        {
            return Kind.TabRow;
        }
        // Cells aligned with spaces: two or more parts separated by runs of two or more spaces, ending
        // with a number (one space apart from others in narrow columns). Single spaces alone are running
        // text, but for a line of figures only (a row whose label is the header above it).
        var trimmed = line.Trim();
        var spaced = SpaceRun().IsMatch(trimmed);
        if (!spaced && trimmed.AsSpan().ContainsAnyExcept(FigureLineChars))
        {
            return Kind.Text;
        }
        var cells = SpaceCells(line);
        if (cells.Length >= 3 && cells.All(CellText.IsFigure))
        {
            return Kind.SpaceRow;
        }
        return spaced && cells.Length >= 2 && CellText.IsFigure(cells[^1]) ? Kind.SpaceRow : Kind.Text;
    }

    /// <summary>
    /// A line of a label and figures one space apart, next to rows aligned with spaces or to another
    /// such line with as many figures, is a row (pdftotext sets a row whose cells are all narrow
    /// without a wider gap); on its own such a line is running text (a sheet flattened into a paragraph).
    /// </summary>
    private static void AmongSpaceRows(string[] lines, Kind[] kinds)
    {
        // A label and figures, or a label, a unit and a figure (统计表: "…等信息 条 12"): how many
        // figures it ends with and whether a unit stands before them; null for any other line (a
        // paragraph of a flattened sheet is far longer than a row). Each line is looked at once.
        var shapes = new (int Figures, bool Unit)?[lines.Length];
        var seen = new bool[lines.Length];
        (int Figures, bool Unit)? Shape(int i)
        {
            if (!seen[i])
            {
                (seen[i], shapes[i]) = (true, ShapeOf(lines[i]));
            }
            return shapes[i];
        }
        static (int Figures, bool Unit)? ShapeOf(string text)
        {
            var line = text.AsSpan().TrimEnd();
            if (line.Length is 0 or > 300 || !char.IsAsciiDigit(line[^1]) || SpaceCells(text) is not { Length: >= 3 } cells || !CellText.IsFigure(cells[^1]))
            {
                return null;
            }
            var figures = 1;
            while (figures < cells.Length - 1 && CellText.IsFigure(cells[^(figures + 1)]))
            {
                figures++;
            }
            var unit = UnitCell(cells[^(figures + 1)]);
            return unit || figures >= 2 ? (figures, unit) : null;
        }
        bool Candidate(int i) => Shape(i) is not null;
        // Lines of wrapped labels ("权益" under "4．保护第三方合法 0 0 0", the first line of a label
        // whose figures are beside its second) stand between such rows.
        bool LabelRest(int j) => kinds[j] == Kind.Text && lines[j].Trim().Length <= 30
            && (!lines[j].AsSpan().ContainsAnyInRange('0', '9') || !SpaceCells(lines[j]).Any(CellText.IsFigure));
        int Neighbour(int i, int step)
        {
            var rests = 0;
            for (var j = i + step; j >= 0 && j < lines.Length; j += step)
            {
                if (kinds[j] != Kind.Blank && (++rests > 4 || !LabelRest(j)))
                {
                    return j;
                }
            }
            return -1;
        }
        // Two such lines next to each other with as many figures are rows of one table, however
        // narrow its columns (a page of rows one space apart between two page headers).
        for (var i = 0; i < lines.Length; i++)
        {
            if (kinds[i] == Kind.Text && Shape(i) is { } shape
                && (Neighbour(i, -1) is var above and >= 0 && kinds[above] is Kind.Text or Kind.SpaceRow && Shape(above) == shape
                    || Neighbour(i, 1) is var below and >= 0 && kinds[below] == Kind.Text && Shape(below) == shape))
            {
                kinds[i] = Kind.SpaceRow;
            }
        }
        for (var pass = 0; pass < 2; pass++)
        {
            var step = pass == 0 ? 1 : -1;
            for (var i = pass == 0 ? 0 : lines.Length - 1; i >= 0 && i < lines.Length; i += step)
            {
                if (kinds[i] == Kind.Text && Candidate(i) && Neighbour(i, -step) is var n and >= 0 && kinds[n] == Kind.SpaceRow)
                {
                    kinds[i] = Kind.SpaceRow;
                }
            }
        }
    }

    /// <summary>
    /// The cells of a line aligned with spaces: parts apart by two or more spaces; within a part,
    /// figures apart by one space are cells of their own (pdftotext -layout sets narrow columns one
    /// space apart: "0    0 0    0"), and so is a row's label after its group's ("（三）不予 1．属于国家秘密").
    /// </summary>
    private static string[] SpaceCells(string line)
    {
        var cells = new List<string>();
        var parts = SpaceRun().Split(line.Trim());
        for (var p = 0; p < parts.Length; p++)
        {
            var tokens = parts[p].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var figures = tokens.Length;
            while (figures > 0 && CellText.IsFigure(tokens[figures - 1]))
            {
                figures--;
            }
            var label = new List<string>();
            foreach (var token in tokens[..figures])
            {
                if (label.Count > 0 && Numbered().IsMatch(token))
                {
                    cells.Add(string.Join(' ', label));
                    label.Clear();
                }
                label.Add(token);
            }
            if (label.Count > 1 && (figures < tokens.Length || p < parts.Length - 1) && UnitCell(label[^1]))
            {
                // The unit column one space from a long label ("…数（不同方 次 12").
                cells.Add(string.Join(' ', label.SkipLast(1)));
                label.RemoveRange(0, label.Count - 1);
            }
            if (label.Count > 0)
            {
                cells.Add(string.Join(' ', label));
            }
            cells.AddRange(tokens[figures..]);
        }
        return [.. cells];
    }

    /// <summary>A unit, or the first line of 万元 wrapped in its narrow column (万 over 元).</summary>
    private static bool UnitCell(string text) => CellText.Units.Contains(text) || text == "万";

    private static readonly System.Buffers.SearchValues<char> FigureLineChars = System.Buffers.SearchValues.Create("0123456789 .,-+%");

    [System.Text.RegularExpressions.GeneratedRegex("[ \u3000]{2,}")]
    private static partial System.Text.RegularExpressions.Regex SpaceRun();


    /// <summary>A report part's heading (四、政府信息公开行政复议、行政诉讼情况): never a piece of a table.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[一二三四五六七八九十]{1,2}、")]
    private static partial System.Text.RegularExpressions.Regex PartHeading();

    /// <summary>A label's own number: 1． 2、 （三） 四、.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)")]
    private static partial System.Text.RegularExpressions.Regex Numbered();

    private static string Location(int index) => $"第 {index + 1} 行";
}
