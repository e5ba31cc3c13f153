namespace Gongkai.Domain.Reports;

/// <summary>The label paths of rows and columns, as the open-data files and messages print them.</summary>
public static class ReportLabels
{
    public static IReadOnlyList<string> RowPath(TableDef table, string rowCode)
    {
        foreach (var section in table.Sections)
        {
            foreach (var root in section.Rows)
            {
                if (PathTo(root, rowCode, r => r.Children, r => r.Code) is { } path)
                {
                    var labels = path.Select(r => r.Label).ToList();
                    return section.Title is null ? labels : [section.Title, .. labels];
                }
            }
        }
        throw new KeyNotFoundException($"Table {table.Code} has no row '{rowCode}'.");
    }

    public static IReadOnlyList<string> ColumnPath(SectionDef section, string columnCode)
    {
        foreach (var root in section.Columns)
        {
            if (PathTo(root, columnCode, c => c.Children, c => c.Code) is { } path)
            {
                return path.Select(c => c.Label).ToList();
            }
        }
        throw new KeyNotFoundException($"No column '{columnCode}'.");
    }

    public static IReadOnlyList<string> RowPath(CellDef cell) => RowPath(cell.Table, cell.Row.Code);

    public static IReadOnlyList<string> ColumnPath(CellDef cell) => ColumnPath(cell.Section, cell.Column.Code);

    private static List<T>? PathTo<T>(T node, string code, Func<T, IReadOnlyList<T>> children, Func<T, string> codeOf)
    {
        if (codeOf(node) == code)
        {
            return [node];
        }
        foreach (var child in children(node))
        {
            if (PathTo(child, code, children, codeOf) is { } path)
            {
                path.Insert(0, node);
                return path;
            }
        }
        return null;
    }
}
