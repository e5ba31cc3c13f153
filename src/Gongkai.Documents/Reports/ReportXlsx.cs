using Gongkai.Domain.Reports;
using Gongkai.Documents.Files;

namespace Gongkai.Documents.Reports;

/// <summary>
/// A report as an Excel sheet in its statutory layout: each table as the official template prints
/// it (the grid the HTML, DOCX and PDF files use), its caption above, spanning headers merged,
/// figures as numbers. A supervisor reads the sum of a county's reports as the reports themselves
/// look; the codes a program needs are in the workbook's data sheet (<see cref="ReportCsv"/>).
/// </summary>
public static class ReportXlsx
{
    public static Xlsx.Sheet Layout(string sheetName, AnnualReport report)
    {
        var rows = new List<IReadOnlyList<object?>>();
        var merges = new List<Xlsx.Merge>();
        foreach (var table in report.Format.Tables)
        {
            var grid = TableGrid.Build(table, _ => "");
            var cells = table.Cells().ToDictionary(c => c.Key);
            rows.Add([ReportHtml.Caption(table, report.Year)]);
            var placement = grid.Placement();
            foreach (var row in grid.Sections.SelectMany(s => s.HeaderRows.Concat(s.BodyRows)))
            {
                var line = new object?[grid.Width];
                foreach (var cell in row.Cells.Where(c => placement[c] < grid.Width))
                {
                    var column = placement[cell];
                    line[column] = cell.Key is { } key && cells.TryGetValue(key, out var def)
                        ? report.Values[key] is { } value ? value.Number is { } n ? n : value.Display() : def.Kind == ValueKind.UnitText ? def.Row.Unit : null
                        : cell.Text;
                    if (cell.RowSpan > 1 || cell.ColSpan > 1)
                    {
                        merges.Add(new Xlsx.Merge(rows.Count, column, cell.RowSpan, Math.Min(cell.ColSpan, grid.Width - column)));
                    }
                }
                rows.Add(line);
            }
            rows.Add([]);
        }
        return new Xlsx.Sheet(sheetName, [report.Title], rows, merges);
    }
}
