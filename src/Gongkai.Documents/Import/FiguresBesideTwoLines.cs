using Gongkai.Documents.Pdf;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Text;

namespace Gongkai.Documents.Import;

/// <summary>
/// Layout rule of an unruled PDF table: a row whose label wraps, with some of its figures beside
/// the label's first line and the rest beside its last — the figure cells aligned differently
/// (top and bottom), as in "2．其他法律行政法规禁 0" over "止公开 0 0 0 0 0 0". Without the page's
/// x-positions the two lines are two rows of too few figures each (left blank); with them they
/// are one row: it is joined when a row printed whole nearby has exactly as many figures as the
/// two lines together and each of their figures stands in a different one of its columns. The
/// label's pieces join in the cell they stand under, the figures go in column order. Where every
/// row nearby wraps, none printed whole, the two lines are one row when no figure of one stands
/// over a figure of the other (two rows' figures share their columns).
/// </summary>
public static class FiguresBesideTwoLines
{
    /// <param name="MostLinesBetween">Lines of the label between its first and last (a label over four lines in a narrow A5 column).</param>
    /// <param name="MostGap">The most space between two lines of one label, in line heights (Chromium's A5 print: about 0.3).</param>
    /// <param name="MostRowsAway">How far (in lines with figures) the row printed whole may be whose columns decide.</param>
    public sealed record Options(int MostLinesBetween = 2, double MostGap = 1.0, int MostRowsAway = 12);

    public static List<PdfLine> Join(IReadOnlyList<PdfLine> lines, Options? options = null)
    {
        options ??= new Options();
        var result = lines.ToList();
        for (var i = 0; i < result.Count; i++)
        {
            if (Split(result[i]) is not { Figures.Count: > 0, Label.Count: > 0 } first)
            {
                continue;
            }
            var j = i + 1;
            while (j < result.Count && j - i - 1 <= options.MostLinesBetween && Split(result[j]) is { Figures.Count: 0 })
            {
                j++;
            }
            if (j >= result.Count || j - i - 1 > options.MostLinesBetween
                || Split(result[j]) is not { Figures.Count: > 0 } last || (last.Label.Count > 0 && Numbering.StartsLabel(last.Label[0].Text))
                || Enumerable.Range(i, j - i).Any(k => result[k + 1].Top - result[k].Bottom > options.MostGap * result[k].Height))
            {
                continue;
            }
            var all = first.Figures.Concat(last.Figures).ToList();
            var figures = Columns(result, i, j, all.Count, options.MostRowsAway) is { } columns ? Placed(all, columns) : Apart(first.Figures, last.Figures);
            if (figures is null)
            {
                continue;
            }
            var label = first.Label.ToList();
            foreach (var piece in result.Skip(i + 1).Take(j - i - 1).SelectMany(l => l.Cells).Concat(last.Label))
            {
                var at = label.FindIndex(c => piece.Left < c.Right && piece.Right > c.Left);
                if (at < 0)
                {
                    label.Insert(label.Count(c => c.Right <= piece.Left), piece);
                }
                else
                {
                    label[at] = new PdfCell(Math.Min(label[at].Left, piece.Left), Math.Max(label[at].Right, piece.Right), label[at].Text + piece.Text);
                }
            }
            result[i] = result[i] with { Bottom = result[j].Bottom, Cells = [.. label, .. figures] };
            result.RemoveRange(i + 1, j - i);
        }
        return result;
    }

    /// <summary>A line as a row: its label cells, then only figures; null when text follows a figure.</summary>
    private static (List<PdfCell> Label, List<PdfCell> Figures)? Split(PdfLine line)
    {
        var start = line.Cells.ToList().FindIndex(c => CellText.IsFigure(c.Text));
        if (start < 0)
        {
            return line.Text.Contains('。') ? null : ([.. line.Cells], []);
        }
        var figures = line.Cells.Skip(start).ToList();
        return figures.TrueForAll(c => CellText.IsFigure(c.Text)) ? ([.. line.Cells.Take(start)], figures) : null;
    }

    /// <summary>The columns of the nearest row printed whole with <paramref name="width"/> figures, outside lines <paramref name="from"/>..<paramref name="to"/>.</summary>
    private static List<PdfCell>? Columns(List<PdfLine> lines, int from, int to, int width, int mostAway)
    {
        for (var away = 1; away <= mostAway; away++)
        {
            foreach (var k in new[] { from - away, to + away })
            {
                if (k >= 0 && k < lines.Count && Split(lines[k]) is { } row && row.Figures.Count == width && row.Label.Count > 0)
                {
                    return row.Figures;
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Without a row printed whole nearby (a narrow page where every row wraps): the figures in the
    /// order they stand across the page, when none of the first line's stands over one of the
    /// last line's — two rows' figures stand in the same columns; one row's figures never do.
    /// </summary>
    private static List<PdfCell>? Apart(List<PdfCell> first, List<PdfCell> last) =>
        first.Any(a => last.Any(b => a.Left < b.Right && a.Right > b.Left)) ? null : [.. first.Concat(last).OrderBy(c => c.Left)];

    /// <summary>The figures in column order when each stands over exactly one column and no two over the same.</summary>
    private static List<PdfCell>? Placed(List<PdfCell> figures, List<PdfCell> columns)
    {
        var placed = new PdfCell?[columns.Count];
        foreach (var figure in figures)
        {
            var over = columns.Select((c, k) => (c, k)).Where(x => figure.Left < x.c.Right && figure.Right > x.c.Left).ToList();
            if (over is not [var only] || placed[only.k] is not null)
            {
                return null;
            }
            placed[only.k] = figure;
        }
        return [.. placed.Select(p => p!)];
    }
}
