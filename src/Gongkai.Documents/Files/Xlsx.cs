using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Domain.Text;

namespace Gongkai.Documents.Files;

/// <summary>
/// Tables as an Excel workbook (.xlsx, written with the OpenXml SDK), for supervisors who work in
/// Excel or WPS: one sheet per table, the header row frozen, numbers as numbers (so that they can
/// be summed), text as inline strings cleaned of what XML cannot hold.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="Rows">Each cell a string, a number (decimal, int, long) or null.</param>
    /// <param name="Merges">Cells merged as printed (a table's spanning headers): 0-based rows of <paramref name="Rows"/> and columns.</param>
    public sealed record Sheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows, IReadOnlyList<Merge>? Merges = null);

    public sealed record Merge(int Row, int Column, int Rows, int Columns);

    public static byte[] Write(IEnumerable<Sheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var rows = sheet.Rows.ToList();
                var data = new SheetData();
                data.Append(Row(1, sheet.Header.Cast<object?>().ToList()));
                for (var r = 0; r < rows.Count; r++)
                {
                    data.Append(Row((uint)r + 2, rows[r]));
                }
                var worksheet = new Worksheet();
                // The header stays in view while scrolling.
                worksheet.Append(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
                worksheet.Append(Widths(sheet.Header, rows));
                worksheet.Append(data);
                if (sheet.Merges is { Count: > 0 } merges)
                {
                    // The rows of Rows start under the header, on the sheet's second row.
                    worksheet.Append(new MergeCells(merges.Select(m => new MergeCell
                    {
                        Reference = $"{Column(m.Column)}{m.Row + 2}:{Column(m.Column + m.Columns - 1)}{m.Row + m.Rows + 1}",
                    })));
                }
                part.Worksheet = worksheet;
                workbook.Workbook.Sheets!.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = SheetName(sheet.Name, names, id) });
                id++;
            }
            if (id == 1)
            {
                throw new ArgumentException("A workbook has at least one sheet.", nameof(sheets));
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<object?> values)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var reference = Column(c) + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            row.Append(values[c] switch
            {
                null => new Cell { CellReference = reference },
                decimal or int or long or double => new Cell
                {
                    CellReference = reference, DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(values[c], System.Globalization.CultureInfo.InvariantCulture)!),
                },
                var other => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(Truncated(WritableText.Clean(other.ToString() ?? ""))) { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }
        return row;
    }

    /// <summary>Excel holds at most 32,767 characters in a cell.</summary>
    private static string Truncated(string s) => s.Length <= 32_767 ? s : s[..32_767];

    /// <summary>Columns as wide as their longest value (a CJK character counts twice), within reason.</summary>
    private static Columns Widths(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        var columns = new Columns();
        var count = Math.Max(header.Count, rows.Take(2000).Select(r => r.Count).DefaultIfEmpty(0).Max());
        for (var c = 0; c < count; c++)
        {
            var longest = rows.Take(2000).Select(r => c < r.Count ? r[c]?.ToString() ?? "" : "").Append(c < header.Count ? header[c] : "").Max(Display);
            columns.Append(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Clamp(longest + 2, 6, 60), CustomWidth = true });
        }
        return columns;
    }

    private static int Display(string s) => s.Sum(ch => ch > '\u2E80' ? 2 : 1);

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    /// <summary>Excel's rules for sheet names: at most 31 characters, none of []:*?/\, unique.</summary>
    private static string SheetName(string wanted, HashSet<string> taken, uint id)
    {
        var name = new string(wanted.Where(ch => "[]:*?/\\".IndexOf(ch) < 0 && WritableText.IsWritable(ch)).ToArray()).Trim('\'').Trim();
        name = name.Length == 0 ? $"Sheet{id}" : name.Length > 28 ? name[..28] : name;
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{name}({n})";
        }
        return unique;
    }
}
