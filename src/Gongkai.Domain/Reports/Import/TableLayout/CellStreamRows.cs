namespace Gongkai.Domain.Reports.Import.TableLayout;

/// <summary>
/// Rule: a table printed one cell per line with nothing marking a row's end (each line ending in
/// "|", <see cref="SourceTable.CellStream"/>) is cut into rows as wide as its header, from the
/// format's label header (统计指标 | 单位 | 统计数) on; without that header it stays as printed.
/// </summary>
internal static class CellStreamRows
{
    public static IReadOnlyList<SourceRow> Cut(TableAligner aligner, SourceTable table)
    {
        var cells = table.Rows.SelectMany(r => r.Cells).ToList();
        var width = aligner.Index.Widths.Max() + 1;
        var header = aligner.Index.LabelHeader is { } h ? aligner.Memo.Normalize(h) : null;
        var start = header is null ? -1 : cells.FindIndex(c => aligner.Memo.Normalize(c.Text) == header);
        if (start < 0)
        {
            return table.Rows;
        }
        var rows = new List<SourceRow>();
        for (var i = start; i < cells.Count; i += width)
        {
            rows.Add(new SourceRow(cells.Skip(i).Take(width).ToList(), cells[i].Location));
        }
        aligner.HeaderMatches += 1;
        return rows;
    }
}
