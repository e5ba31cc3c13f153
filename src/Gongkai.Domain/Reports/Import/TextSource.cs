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
                    while (i < lines.Length && (kinds[i] == tabular || kinds[i] == Kind.Blank || ContinuesLabel(lines, kinds, i, tabular) || InnerTitle(lines, kinds, i, tabular)))
                    {
                        if (kinds[i] == Kind.Blank)
                        {
                            i++;
                            continue;
                        }
                        if (kinds[i] == Kind.Text && !ContinuesLabel(lines, kinds, i, tabular))
                        {
                            // A block title inside the table (第二十条第（八）项), printed without separators.
                            rows.Add(Row([lines[i].Trim()], i));
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
                            rows.Add(Row(SpaceRun().Split(lines[i].Trim()), i));
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

    /// <summary>A short line of text with table rows right before and after it belongs to the table.</summary>
    private static bool InnerTitle(string[] lines, Kind[] kinds, int i, Kind tabular)
    {
        if (tabular is Kind.CellLine || kinds[i] != Kind.Text || lines[i].Trim().Length > 30)
        {
            return false;
        }
        var next = i + 1;
        while (next < lines.Length && kinds[next] == Kind.Blank)
        {
            next++;
        }
        return next < lines.Length && kinds[next] == tabular;
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
        // Cells aligned with spaces: two or more parts separated by runs of two or more spaces, the last a number.
        var parts = SpaceRun().Split(line.Trim());
        return parts.Length >= 2 && CellText.Parse(parts[^1], ValueKind.Amount).Value is not null ? Kind.SpaceRow : Kind.Text;
    }

    [System.Text.RegularExpressions.GeneratedRegex("[ \u3000]{2,}")]
    private static partial System.Text.RegularExpressions.Regex SpaceRun();

    private static string Location(int index) => $"第 {index + 1} 行";
}
