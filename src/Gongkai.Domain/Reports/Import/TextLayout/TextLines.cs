using Gongkai.Domain.Text;

namespace Gongkai.Domain.Reports.Import.TextLayout;

/// <summary>What a line of plain text is, as the text reader sees it.</summary>
public enum LineKind
{
    Blank,

    /// <summary>Running text, a heading, or a piece of a table the rules may still take in.</summary>
    Text,

    /// <summary>Cells apart by tabs.</summary>
    TabRow,

    /// <summary>Cells between "|".</summary>
    PipeRow,

    /// <summary>Cells aligned with runs of spaces (<see cref="SpaceCells"/>), ending with a figure.</summary>
    SpaceRow,

    /// <summary>One cell on a line that starts with a tab; rows apart by blank lines.</summary>
    CellLine,

    /// <summary>One cell on a line that ends with "|"; no row boundary at all.</summary>
    PipeCell,
}

/// <summary>
/// The lines of a text, each with its kind (<see cref="Classify"/>, then <see cref="FigureLinesAmongRows"/>)
/// and where it is (its line number, counted from <paramref name="firstLine"/>: a markdown
/// paragraph's lines keep the file's numbers).
/// </summary>
public sealed class TextLines
{
    private readonly string[] _lines;

    public TextLines(string text, int firstLine = 1, FigureLinesAmongRows.Options? rows = null)
    {
        _lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        Kinds = _lines.Select(Classify).ToArray();
        FirstLine = firstLine;
        FigureLinesAmongRows.Apply(this, rows);
    }

    public int FirstLine { get; }

    public int Count => _lines.Length;

    public string this[int i] => _lines[i];

    public LineKind[] Kinds { get; }

    public string Location(int i) => $"第 {i + FirstLine} 行";

    /// <summary>Line <paramref name="i"/> is text no longer than <paramref name="length"/> once trimmed.</summary>
    public bool ShortText(int i, int length) => Kinds[i] == LineKind.Text && _lines[i].Trim().Length <= length;

    /// <summary>A row of cells: each cell with its place, the row with its line.</summary>
    public SourceRow Row(IEnumerable<string> parts, int i) =>
        new(parts.Select((p, k) => new SourceCell(p.Trim(), $"{Location(i)}，第 {k + 1} 格")).ToList(), Location(i));

    public static LineKind Classify(string line)
    {
        if (line.Trim().Length == 0)
        {
            return line.StartsWith('\t') ? LineKind.CellLine : LineKind.Blank;
        }
        var pipes = line.Count(c => c == '|');
        if (pipes >= 2 && (line.TrimStart().StartsWith('|') || line.Split('|').Count(p => p.Trim().Length > 0) >= 2))
        {
            return LineKind.PipeRow;
        }
        if (line.TrimEnd().EndsWith('|'))
        {
            return LineKind.PipeCell;
        }
        if (line.StartsWith('\t') && line.IndexOf('\t', 1) < 0)
        {
            return LineKind.CellLine;
        }
        if (line.Trim('\t', ' ').Contains('\t') || (line.Contains('\t') && !line.StartsWith('\t')))
        {
            return LineKind.TabRow;
        }
        // Cells aligned with spaces: two or more parts separated by runs of two or more spaces, ending
        // with a number (one space apart from others in narrow columns). Single spaces alone are running
        // text, but for a line of figures only (a row whose label is the header above it).
        var trimmed = line.Trim();
        var spaced = SpaceCells.Spaced(trimmed);
        if (!spaced && trimmed.AsSpan().ContainsAnyExcept(FigureLineChars))
        {
            return LineKind.Text;
        }
        var cells = SpaceCells.Split(line);
        if (cells.Length >= 3 && cells.All(CellText.IsFigure))
        {
            return LineKind.SpaceRow;
        }
        return spaced && cells.Length >= 2 && CellText.IsFigure(cells[^1]) ? LineKind.SpaceRow : LineKind.Text;
    }

    private static readonly System.Buffers.SearchValues<char> FigureLineChars = System.Buffers.SearchValues.Create("0123456789 .,-+%");

    /// <summary>A line that starts a label of its own or a part (一、 （三） 2．): never the rest of another.</summary>
    public bool Numbered(int i) => Numbering.IsNumbered(_lines[i].Trim());
}
