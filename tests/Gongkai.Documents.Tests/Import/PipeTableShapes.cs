using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Tests.Import;

/// <summary>
/// A report's tables as markdown pipe tables in the shapes conversion tools and LLM pipelines
/// leave them (issue 29): generic headers (数据1 …), a table per row group, a header repeated
/// mid-table, a row cut across two tables, and the shape that misplaced figures before: a row
/// whose label sits in one cell where the header has two label columns, its group's label printed
/// once on a row (or a line between tables) of its own, and a trailing empty cell.
/// </summary>
public static class PipeTableShapes
{
    public sealed record Shape(
        bool TablePerGroup = false,
        bool RepeatHeader = false,
        Func<RowDef, bool>? CutAfter = null,
        bool OneLabelColumn = false,
        bool GroupLabelsBetweenTables = false,
        bool TrailingEmptyCell = false);

    public static readonly IReadOnlyDictionary<string, Shape> Named = new Dictionary<string, Shape>
    {
        ["md-generic"] = new(TablePerGroup: true, RepeatHeader: true),
        ["md-one-label"] = new(OneLabelColumn: true, TrailingEmptyCell: true),
        ["md-group-lines"] = new(OneLabelColumn: true, GroupLabelsBetweenTables: true, TrailingEmptyCell: true),
    };

    public static string Markdown(AnnualReport report, Shape shape)
    {
        var text = new StringBuilder($"# {report.Title}\n\n统计期间：{report.Year}年1月1日至{report.Year}年12月31日\n\n");
        foreach (var table in report.Format.Tables)
        {
            text.Append("## ").Append(table.Title).Append("\n\n");
            foreach (var section in table.Sections)
            {
                var columns = section.LeafColumns();
                var depth = section.Rows.Max(r => r.Depth());
                string Header() => "| " + string.Join(" | ", Enumerable.Range(1, depth).Select(_ => section.LabelHeader ?? "")
                    .Concat(columns.Select((_, i) => $"数据{i + 1}"))) + " |\n|" + string.Concat(Enumerable.Repeat("---|", depth + columns.Count)) + "\n";
                string Figures(RowDef row) => string.Join(" | ", columns.Select(c => report.Values[new CellKey(table.Code, row.Code, c.Code)]?.Display() ?? ""));
                if (section.Title is not null)
                {
                    text.Append(section.Title).Append("\n\n");
                }
                var groups = shape.TablePerGroup || shape.GroupLabelsBetweenTables ? section.Rows.Select(r => new[] { r }).ToList() : [section.Rows.ToArray()];
                foreach (var group in groups)
                {
                    var top = group[0];
                    if (shape.GroupLabelsBetweenTables && top.Children.Count > 0 && depth > 1)
                    {
                        // The group's label on a line of its own between two tables, its rows in the next.
                        text.Append('\n').Append(top.Label).Append("\n\n");
                    }
                    text.Append('\n').Append(Header());
                    var rows = group.SelectMany(r => r.SelfAndDescendants()).Where(r => r.HasCells || (shape.OneLabelColumn && r.Children.Count > 0)).ToList();
                    for (var k = 0; k < rows.Count; k++)
                    {
                        var row = rows[k];
                        var labels = Path(section.Rows, row).Select(r => r.Label).ToList();
                        if (shape.OneLabelColumn && depth > 1 && labels.Count > 1)
                        {
                            // Only the row's own label, in the first label column; the figures follow it at once.
                            var line = "| " + labels[^1] + " | " + Figures(row) + (shape.TrailingEmptyCell ? " |  |" : " |");
                            text.Append(line).Append('\n');
                            continue;
                        }
                        if (!row.HasCells)
                        {
                            if (!shape.GroupLabelsBetweenTables)
                            {
                                text.Append("| ").Append(row.Label).Append(string.Concat(Enumerable.Repeat(" | ", depth + columns.Count - 1))).Append(" |\n");
                            }
                            continue;
                        }
                        var cells = labels.Concat(Enumerable.Repeat("", depth - labels.Count)).ToList();
                        var figures = columns.Select(c => report.Values[new CellKey(table.Code, row.Code, c.Code)]?.Display() ?? "").ToList();
                        if (shape.CutAfter?.Invoke(row) == true)
                        {
                            // The row goes on in the next table: a converter cut it after its third figure.
                            text.Append("| ").Append(string.Join(" | ", cells.Concat(figures.Take(3)))).Append(" |\n\n");
                            text.Append("| ").Append(string.Join(" | ", figures.Skip(3))).Append(" |\n|").Append(string.Concat(Enumerable.Repeat("---|", figures.Count - 3))).Append('\n');
                            continue;
                        }
                        text.Append("| ").Append(string.Join(" | ", cells.Concat(figures))).Append(" |\n");
                        if (shape.RepeatHeader && k == rows.Count / 2)
                        {
                            text.Append(Header());
                        }
                    }
                }
            }
        }
        return text.ToString();
    }

    private static List<RowDef> Path(IEnumerable<RowDef> roots, RowDef target)
    {
        foreach (var root in roots)
        {
            if (ReferenceEquals(root, target))
            {
                return [root];
            }
            if (Path(root.Children, target) is { Count: > 0 } below)
            {
                return [root, .. below];
            }
        }
        return [];
    }
}
