namespace Gongkai.Domain.Reports.Import.TextLayout;

/// <summary>
/// Rule: a line of a label and figures one space apart, next to rows aligned with spaces or to
/// another such line with as many figures, is a row. pdftotext sets a row whose cells are all
/// narrow without a wider gap ("4．保护第三方合法 0 0 0"); on its own such a line is running text
/// (a sheet flattened into a paragraph). Lines of wrapped labels ("权益" under that row, the first
/// line of a label whose figures are beside its second) may stand between such rows.
/// </summary>
public static class FigureLinesAmongRows
{
    /// <param name="LongestRow">The longest line taken for a row: a paragraph of a flattened sheet is far longer (a whole table on one line).</param>
    /// <param name="LongestLabelRest">The longest line taken for a piece of a wrapped label between rows (pdftotext's label cells, 8–20 characters).</param>
    /// <param name="MostLabelRests">How many such pieces may stand between two rows (a group label printed down its column: 三、本 / 年度办 / 理结果).</param>
    public sealed record Options(int LongestRow = 300, int LongestLabelRest = 30, int MostLabelRests = 4)
    {
        public static Options Default { get; } = new();
    }

    public static void Apply(TextLines lines, Options? options = null)
    {
        options ??= Options.Default;
        var kinds = lines.Kinds;
        // A label and figures, or a label, a unit and a figure (统计表: "…等信息 条 12"): how many
        // figures it ends with and whether a unit stands before them; null for any other line.
        // Each line is looked at once.
        var shapes = new (int Figures, bool Unit)?[lines.Count];
        var seen = new bool[lines.Count];
        (int Figures, bool Unit)? Shape(int i)
        {
            if (!seen[i])
            {
                (seen[i], shapes[i]) = (true, ShapeOf(lines[i], options));
            }
            return shapes[i];
        }
        bool LabelRest(int j) => lines.ShortText(j, options.LongestLabelRest)
            && (!lines[j].AsSpan().ContainsAnyInRange('0', '9') || !SpaceCells.Split(lines[j]).Any(CellText.IsFigure));
        int Neighbour(int i, int step)
        {
            var rests = 0;
            for (var j = i + step; j >= 0 && j < lines.Count; j += step)
            {
                if (kinds[j] != LineKind.Blank && (++rests > options.MostLabelRests || !LabelRest(j)))
                {
                    return j;
                }
            }
            return -1;
        }
        // Two such lines next to each other with as many figures are rows of one table, however
        // narrow its columns (a page of rows one space apart between two page headers).
        for (var i = 0; i < lines.Count; i++)
        {
            if (kinds[i] == LineKind.Text && Shape(i) is { } shape
                && (Neighbour(i, -1) is var above and >= 0 && kinds[above] is LineKind.Text or LineKind.SpaceRow && Shape(above) == shape
                    || Neighbour(i, 1) is var below and >= 0 && kinds[below] == LineKind.Text && Shape(below) == shape))
            {
                kinds[i] = LineKind.SpaceRow;
            }
        }
        for (var pass = 0; pass < 2; pass++)
        {
            var step = pass == 0 ? 1 : -1;
            for (var i = pass == 0 ? 0 : lines.Count - 1; i >= 0 && i < lines.Count; i += step)
            {
                if (kinds[i] == LineKind.Text && Shape(i) is not null && Neighbour(i, -step) is var n and >= 0 && kinds[n] == LineKind.SpaceRow)
                {
                    kinds[i] = LineKind.SpaceRow;
                }
            }
        }
    }

    private static (int Figures, bool Unit)? ShapeOf(string text, Options options)
    {
        var line = text.AsSpan().TrimEnd();
        if (line.Length == 0 || line.Length > options.LongestRow || !char.IsAsciiDigit(line[^1]) || SpaceCells.Split(text) is not { Length: >= 3 } cells || !CellText.IsFigure(cells[^1]))
        {
            return null;
        }
        var figures = 1;
        while (figures < cells.Length - 1 && CellText.IsFigure(cells[^(figures + 1)]))
        {
            figures++;
        }
        var unit = SpaceCells.IsUnit(cells[^(figures + 1)]);
        return unit || figures >= 2 ? (figures, unit) : null;
    }
}
