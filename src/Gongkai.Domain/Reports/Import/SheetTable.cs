using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports.Formats;
using Gongkai.Domain.Reports.Import.TextLayout;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// A local statistics sheet (<see cref="PrintedSheets"/>) printed as a table whose cells are
/// separated — an HTML or DOCX table, a markdown pipe table, rows aligned with spaces as
/// <c>pdftotext -layout</c> sets them: the header 指标名称 | 计量单位 | value columns (a row of
/// the table, or a line of text right above it), then one row per line: its label (其中：, its
/// number), its unit and one figure per value column. The rows nest as <see cref="SheetReader"/>
/// nests them in running text, so the sheet gets the same format however it was printed.
/// A row with fewer figures than columns (an empty cell a conversion dropped) is left blank.
/// </summary>
public static class SheetTable
{
    /// <summary>The header starts with 指标名称 (<see cref="SheetReader.HeaderColumns"/>): any other text is not it.</summary>
    private static bool MayBeHeader(string text) => text.AsSpan().TrimStart().StartsWith("指");

    public static FlatTable.Reading? Read(SourceDocument source)
    {
        IReadOnlyList<string>? columns = null;
        var rows = new List<(SheetReader.Node Node, IReadOnlyList<SourceCell> Figures)>();
        var (top, path) = (new List<SheetReader.Node>(), new List<SheetReader.Node>());
        var pendingPart = false;
        foreach (var block in source.Blocks)
        {
            var lines = block switch
            {
                SourceTable table => table.Rows,
                // The header set as a line of text above rows aligned with spaces; after the sheet's
                // rows, a row whose figure cell is empty has no figure to make it a row of the table.
                SourceParagraph paragraph when (columns is null ? MayBeHeader(paragraph.Text) : rows.Count > 0) => [new SourceRow(
                    [.. (columns is null ? [paragraph.Text] : SpaceCells.Split(paragraph.Text)).Select(t => new SourceCell(t, paragraph.Location))], paragraph.Location)],
                _ => [],
            };
            foreach (var row in lines)
            {
                if (columns is null)
                {
                    // Every table of every report passes here: nothing is folded before a row can be the header.
                    if (row.Cells.FirstOrDefault(c => c.Text.AsSpan().Trim().Length > 0) is { } first && MayBeHeader(first.Text))
                    {
                        columns = SheetReader.HeaderColumns(string.Join(" ", row.Cells.Select(c => FlatTable.Fold(c.Text).Trim()).Where(t => t.Length > 0)));
                    }
                    continue;
                }
                var cells = row.Cells.Select(c => c with { Text = FlatTable.Fold(c.Text).Trim() }).ToList();
                var unit = cells.FindIndex(1, c => PrintedSheets.Units.Contains(c.Text));
                if (unit < 0 || cells.Take(unit).All(c => c.Text.Length == 0))
                {
                    // 其中： on a line of its own starts the parts of the row above.
                    pendingPart |= cells.Where(c => c.Text.Length > 0).ToList() is [var only] && Numbering.Among().Match(only.Text).Length == only.Text.Length;
                    continue;
                }
                var printed = Regex.Replace(string.Concat(cells.Take(unit).Select(c => c.Text)), @"\s+", "");
                var among = Numbering.Among().Match(printed);
                var rest = printed[among.Length..];
                var lead = Numbering.Lead().Match(rest);
                var number = lead.Groups["arabic"].Success ? int.Parse(lead.Groups["arabic"].Value, CultureInfo.InvariantCulture) : (int?)null;
                var text = number is null ? rest : rest[lead.Length..];
                var node = SheetReader.Node.Printed(text, cells[unit].Text, number, "", 0);
                SheetReader.Place(node, pendingPart || among.Success, top, path);
                pendingPart = false;
                var figures = cells.Skip(unit + 1).ToList();
                while (figures.Count > columns.Count && figures[^1].Text.Length == 0)
                {
                    figures.RemoveAt(figures.Count - 1);
                }
                rows.Add((node, figures));
            }
        }
        if (columns is null || rows.Count < 3)
        {
            return null;
        }
        var format = PrintedSheets.Format(columns, [.. top.Select(t => t.ToRow())]);
        var defs = format.Tables[0].Sections[0].Rows.SelectMany(r => r.SelfAndDescendants()).ToList();
        var values = new ReportValues();
        var sources = new Dictionary<CellKey, CellSource>();
        var blank = new List<BlankCell>();
        // Place only ever adds a row after the last one printed: the format lists the rows in print order.
        foreach (var (def, (node, figures)) in defs.Zip(rows))
        {
            values.Set(new CellKey(PrintedSheets.Table, def.Code, PrintedSheets.Unit), CellValue.OfText(node.Unit!));
            var keys = Enumerable.Range(1, columns.Count).Select(c => new CellKey(PrintedSheets.Table, def.Code, $"c{c}")).ToList();
            if (figures.All(f => f.Text.Length == 0))
            {
                blank.AddRange(keys.Select(k => new BlankCell(k, "该行没有印出数字", BlankCode.NotPrinted)));
                continue;
            }
            if (figures.Count != columns.Count)
            {
                blank.AddRange(keys.Select(k => new BlankCell(k, $"该行印出 {figures.Count} 格数字，表头有 {columns.Count} 栏，无法确定各数字所在的栏", BlankCode.ShortRow)));
                continue;
            }
            var kind = node.Unit is "元" or "万元" ? ValueKind.WanYuan : ValueKind.Count;
            for (var c = 0; c < keys.Count; c++)
            {
                if (figures[c].Text.Length > 0 && CellText.Parse(figures[c].Text, kind).Value is { } value)
                {
                    values.Set(keys[c], value);
                    sources[keys[c]] = new CellSource(figures[c].Location, figures[c].Text);
                }
            }
        }
        return new FlatTable.Reading(format, values, sources, blank, rows.Count, rows.Count * columns.Count);
    }
}
