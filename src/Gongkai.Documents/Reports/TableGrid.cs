using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reports;

public enum GridCellKind
{
    /// <summary>The top-left cell: the label column's header (信息内容, 统计指标) or the table's note.</summary>
    Corner,

    /// <summary>A block title spanning the whole table (第二十条第（一）项).</summary>
    SectionTitle,

    ColumnHeader,
    ColumnGroupHeader,
    RowHeader,
    RowGroupHeader,
    Value,
}

/// <param name="Indent">Nesting level of a row label in the indented layout of the 统计表.</param>
public sealed record GridCell(GridCellKind Kind, string Text, int RowSpan = 1, int ColSpan = 1, CellKey? Key = null, int Indent = 0);

public sealed record GridRow(IReadOnlyList<GridCell> Cells);

public sealed record GridSection(IReadOnlyList<GridRow> HeaderRows, IReadOnlyList<GridRow> BodyRows);

/// <summary>
/// A table laid out as the official template prints it: header rows for the column tree, label
/// cells spanning their rows, a block title row per section. HTML, DOCX and the console's entry
/// form all draw from this one layout.
/// </summary>
public sealed record TableGrid(TableDef Table, int Width, int LabelColumns, IReadOnlyList<GridSection> Sections)
{
    /// <summary>
    /// The column each cell starts in, every row of every section in order: the first column not
    /// covered by a cell above that spans down to it. The page keeps the label column in view with
    /// it; the Excel layout puts each cell in its place. Keyed by the cell itself (by reference).
    /// </summary>
    public IReadOnlyDictionary<GridCell, int> Placement()
    {
        var placed = new Dictionary<GridCell, int>(ReferenceEqualityComparer.Instance);
        var covered = new int[Width + 1];
        foreach (var row in Sections.SelectMany(s => s.HeaderRows.Concat(s.BodyRows)))
        {
            var column = 0;
            foreach (var cell in row.Cells)
            {
                while (column < Width && covered[column] > 0)
                {
                    column++;
                }
                placed[cell] = column;
                for (var k = column; k < Math.Min(Width, column + cell.ColSpan); k++)
                {
                    covered[k] = cell.RowSpan;
                }
                column += cell.ColSpan;
            }
            for (var k = 0; k < Width; k++)
            {
                covered[k] = Math.Max(0, covered[k] - 1);
            }
        }
        return placed;
    }

    public static TableGrid Build(TableDef table, Func<CellDef, string> valueText)
    {
        var labelColumns = table.Layout == LabelLayout.Indented
            ? 1
            : table.Sections.SelectMany(s => s.Rows.SelectMany(r => r.SelfAndDescendants())).Any(r => r.Label.Length > 0)
                ? table.Sections.Max(s => s.Rows.Max(r => r.Depth()))
                : 0;
        var valueColumns = table.Sections.Max(s => s.LeafColumns().Count);
        var width = labelColumns + valueColumns;
        var sections = table.Sections.Select(s => BuildSection(table, s, labelColumns, valueColumns, width, valueText)).ToList();
        return new TableGrid(table, width, labelColumns, sections);
    }

    private static GridSection BuildSection(TableDef table, SectionDef section, int labelColumns, int valueColumns, int width, Func<CellDef, string> valueText)
    {
        var header = new List<GridRow>();
        if (section.Title is not null)
        {
            header.Add(new GridRow([new GridCell(GridCellKind.SectionTitle, section.Title, ColSpan: width)]));
        }
        var depth = section.Columns.Max(c => c.Depth());
        var extra = valueColumns - section.LeafColumns().Count;
        var lastLeaf = section.LeafColumns()[^1];
        for (var level = 0; level < depth; level++)
        {
            var cells = new List<GridCell>();
            if (level == 0 && labelColumns > 0)
            {
                cells.Add(new GridCell(GridCellKind.Corner, table.CornerNote ?? section.LabelHeader ?? "", RowSpan: depth, ColSpan: labelColumns));
            }
            foreach (var column in ColumnsAt(section.Columns, level))
            {
                var leaves = column.Leaves().ToList();
                var span = leaves.Count + (leaves.Contains(lastLeaf) ? extra : 0);
                cells.Add(column.Children.Count == 0
                    ? new GridCell(GridCellKind.ColumnHeader, column.Label, RowSpan: depth - level, ColSpan: span)
                    : new GridCell(GridCellKind.ColumnGroupHeader, column.Label, ColSpan: span));
            }
            header.Add(new GridRow(cells));
        }

        var body = new List<GridRow>();
        var leafColumns = section.LeafColumns();
        List<GridCell> Values(RowDef row) => leafColumns.Select(c =>
        {
            var cell = new CellDef(table, section, row, c);
            return new GridCell(GridCellKind.Value, valueText(cell), ColSpan: c == lastLeaf ? 1 + extra : 1, Key: cell.Key);
        }).ToList();

        if (table.Layout == LabelLayout.Indented)
        {
            void Indented(RowDef row, int level)
            {
                body.Add(new GridRow([new GridCell(GridCellKind.RowHeader, row.Label, Indent: level), .. Values(row)]));
                foreach (var child in row.Children)
                {
                    Indented(child, level + 1);
                }
            }
            foreach (var row in section.Rows)
            {
                Indented(row, 0);
            }
        }
        else
        {
            var pending = new List<GridCell>();
            void Nested(RowDef row, int level)
            {
                if (row.HasCells)
                {
                    var labels = labelColumns == 0 ? [] : new List<GridCell>(pending) { new(GridCellKind.RowHeader, row.Label, ColSpan: labelColumns - level) };
                    pending.Clear();
                    body.Add(new GridRow([.. labels, .. Values(row)]));
                    return;
                }
                pending.Add(new GridCell(GridCellKind.RowGroupHeader, row.Label, RowSpan: row.SelfAndDescendants().Count(r => r.HasCells)));
                foreach (var child in row.Children)
                {
                    Nested(child, level + 1);
                }
            }
            foreach (var row in section.Rows)
            {
                Nested(row, 0);
            }
        }
        return new GridSection(header, body);
    }

    private static IEnumerable<ColumnDef> ColumnsAt(IEnumerable<ColumnDef> roots, int level) =>
        level == 0 ? roots : ColumnsAt(roots.SelectMany(c => c.Children), level - 1);

    /// <summary>
    /// The grid as a matrix: for every row and grid column, the cell that covers it and whether it
    /// starts there. DOCX needs this to write the continuation of vertically merged cells.
    /// </summary>
    public static IReadOnlyList<(GridCell Cell, bool Start)?[]> Matrix(IReadOnlyList<GridRow> rows, int width)
    {
        var matrix = rows.Select(_ => new (GridCell, bool)?[width]).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (c < width && matrix[r][c] is not null)
                {
                    c++;
                }
                for (var dr = 0; dr < cell.RowSpan && r + dr < rows.Count; dr++)
                {
                    for (var dc = 0; dc < cell.ColSpan && c + dc < width; dc++)
                    {
                        matrix[r + dr][c + dc] = (cell, dr == 0 && dc == 0);
                    }
                }
                c += cell.ColSpan;
            }
        }
        return matrix;
    }
}
