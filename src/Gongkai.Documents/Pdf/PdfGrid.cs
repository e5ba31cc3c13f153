using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Gongkai.Documents.Pdf;

/// <summary>A rule of a page, top-down coordinates: where it stands, and from where to where it runs.</summary>
internal sealed record Rule(double At, double From, double To);

/// <summary>A cell closed by rules, top-down coordinates.</summary>
internal sealed record GridCell(double Left, double Top, double Right, double Bottom);

/// <summary>
/// The cells a page's rules close: the strokes along an axis and the thin filled rectangles
/// browsers draw as borders, cut into the cells of each band between two horizontal rules.
/// </summary>
internal static class PdfGrid
{
    /// <summary>A rule is a stroke or a filled rectangle thinner than this (points).</summary>
    private const double RuleWidth = 2.5;

    /// <summary>The page's rules, top-down coordinates: strokes along an axis, and thin filled rectangles (how browsers draw borders).</summary>
    internal static (List<Rule> Horizontal, List<Rule> Vertical) Rules(Page page)
    {
        var (horizontal, vertical) = (new List<Rule>(), new List<Rule>());
        foreach (var path in page.Paths.Where(p => p.IsFilled || p.IsStroked))
        {
            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is not { } box)
                {
                    continue;
                }
                var (top, bottom) = (page.Height - box.Top, page.Height - box.Bottom);
                if (path.IsFilled && box.Height < RuleWidth && box.Width > box.Height)
                {
                    horizontal.Add(new Rule((top + bottom) / 2, box.Left, box.Right));
                }
                else if (path.IsFilled && box.Width < RuleWidth && box.Height > box.Width)
                {
                    vertical.Add(new Rule(box.Left + box.Width / 2, top, bottom));
                }
                else if (path.IsStroked)
                {
                    foreach (var line in subpath.Commands.OfType<PdfSubpath.Line>())
                    {
                        Add(line.From, line.To);
                    }
                    if (subpath.IsDrawnAsRectangle)
                    {
                        horizontal.Add(new Rule(top, box.Left, box.Right));
                        horizontal.Add(new Rule(bottom, box.Left, box.Right));
                        vertical.Add(new Rule(box.Left, top, bottom));
                        vertical.Add(new Rule(box.Right, top, bottom));
                    }
                }
            }
        }
        return (horizontal, vertical);

        void Add(PdfPoint from, PdfPoint to)
        {
            if (Math.Abs(from.Y - to.Y) < 0.5)
            {
                horizontal.Add(new Rule(page.Height - from.Y, Math.Min(from.X, to.X), Math.Max(from.X, to.X)));
            }
            else if (Math.Abs(from.X - to.X) < 0.5)
            {
                vertical.Add(new Rule(from.X, page.Height - Math.Max(from.Y, to.Y), page.Height - Math.Min(from.Y, to.Y)));
            }
        }
    }

    /// <summary>
    /// The cells the rules close, empty ones too: for each band between two horizontal rules, the
    /// vertical rules crossing it; a cell starts in the band where a rule runs along its top (a
    /// merged cell has none inside it) and ends at the next rule below that runs along it.
    /// </summary>
    internal static List<GridCell> Grid(List<Rule> horizontal, List<Rule> vertical)
    {
        const double touch = 1.0;
        var cells = new List<GridCell>();
        var edges = Distinct(horizontal.Select(h => h.At));
        bool Along(double y, double x) => horizontal.Any(h => Math.Abs(h.At - y) <= touch && h.From - touch <= x && x <= h.To + touch);
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            var middle = (edges[i] + edges[i + 1]) / 2;
            var xs = Distinct(vertical.Where(v => v.From - touch <= middle && middle <= v.To + touch).Select(v => v.At));
            for (var j = 0; j + 1 < xs.Count; j++)
            {
                var x = (xs[j] + xs[j + 1]) / 2;
                if (!Along(edges[i], x))
                {
                    continue;
                }
                var bottom = edges.Skip(i + 1).FirstOrDefault(y => Along(y, x), double.NaN);
                if (!double.IsNaN(bottom))
                {
                    cells.Add(new GridCell(xs[j], edges[i], xs[j + 1], bottom));
                }
            }
        }
        return cells;
    }

    private static List<double> Distinct(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var v in values.Order())
        {
            if (result.Count == 0 || v - result[^1] > 1.0)
            {
                result.Add(v);
            }
        }
        return result;
    }

    /// <summary>The cells in rows, top to bottom; rows whose edges touch belong to one table.</summary>
    internal static List<List<IGrouping<double, GridCell>>> Groups(IEnumerable<GridCell> cells)
    {
        var tables = new List<List<IGrouping<double, GridCell>>>();
        var bottom = 0.0;
        foreach (var row in cells.GroupBy(c => Math.Round(c.Top)).OrderBy(g => g.Key))
        {
            if (tables.Count == 0 || row.Key > bottom + 3)
            {
                tables.Add([]);
            }
            tables[^1].Add(row);
            bottom = Math.Max(bottom, row.Max(c => c.Bottom));
        }
        return tables;
    }

    /// <summary>A frame around the page or a box around a paragraph is not a table: a table has a row of several cells.</summary>
    internal static List<GridCell> Kept(List<GridCell> grid) =>
        Groups(grid).Where(t => t.Any(r => r.Count() >= 2)).SelectMany(t => t.SelectMany(r => r)).ToList();
}
