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
        Write(stream, sheets);
        return stream.ToArray();
    }

    /// <summary>
    /// Writes the workbook to <paramref name="output"/> as the rows come: each sheet's rows are read
    /// once and written one at a time (only the first <see cref="WidthSample"/> are held, to size
    /// the columns) into a zip opened for creation, which streams each entry out as it is written.
    /// (The OpenXml SDK's packages open for read and write, and then keep every part in memory until
    /// they are closed; so the package's few fixed parts are written here, and each sheet's XML by
    /// the SDK's <see cref="OpenXmlWriter"/> straight into its entry.) A list of 100,000
    /// applications costs the same memory as one of 100.
    /// </summary>
    public static void Write(Stream output, IEnumerable<Sheet> sheets)
    {
        using var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var written = new List<string>();
        foreach (var sheet in sheets)
        {
            var number = written.Count + 1;
            using (var entry = zip.CreateEntry($"xl/worksheets/sheet{number}.xml", System.IO.Compression.CompressionLevel.Fastest).Open())
            {
                WriteSheet(entry, sheet);
            }
            written.Add(SheetName(sheet.Name, names, (uint)number));
        }
        if (written.Count == 0)
        {
            throw new ArgumentException("A workbook has at least one sheet.", nameof(sheets));
        }
        var numbers = Enumerable.Range(1, written.Count).ToList();
        Entry(zip, "[Content_Types].xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
            + string.Concat(numbers.Select(n => $"""<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""")) + "</Types>");
        Entry(zip, "_rels/.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/_rels/workbook.xml.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
            + string.Concat(numbers.Select(n => $"""<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>""")) + "</Relationships>");
        using (var entry = zip.CreateEntry("xl/workbook.xml", System.IO.Compression.CompressionLevel.Fastest).Open())
        {
            using var writer = OpenXmlWriter.Create(entry);
            writer.WriteStartDocument(true);
            writer.WriteElement(new Workbook(new Sheets(numbers.Select(n => new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = $"rId{n}", SheetId = (uint)n, Name = written[n - 1] }))));
        }
    }

    private static void Entry(System.IO.Compression.ZipArchive zip, string name, string xml)
    {
        using var entry = zip.CreateEntry(name, System.IO.Compression.CompressionLevel.Fastest).Open();
        entry.Write(System.Text.Encoding.UTF8.GetBytes(xml));
    }

    /// <summary>How many rows the column widths are measured on.</summary>
    public const int WidthSample = 2000;

    private static void WriteSheet(Stream part, Sheet sheet)
    {
        using var rows = sheet.Rows.GetEnumerator();
        var sample = new List<IReadOnlyList<object?>>();
        while (sample.Count < WidthSample && rows.MoveNext())
        {
            sample.Add(rows.Current);
        }
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        // The header stays in view while scrolling.
        writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        writer.WriteElement(Widths(sheet.Header, sample));
        writer.WriteStartElement(new SheetData());
        writer.WriteElement(Row(1, sheet.Header.Cast<object?>().ToList()));
        uint index = 2;
        foreach (var row in sample)
        {
            writer.WriteElement(Row(index++, row));
        }
        while (rows.MoveNext())
        {
            writer.WriteElement(Row(index++, rows.Current));
        }
        writer.WriteEndElement();
        if (sheet.Merges is { Count: > 0 } merges)
        {
            // The rows of Rows start under the header, on the sheet's second row.
            writer.WriteElement(new MergeCells(merges.Select(m => new MergeCell
            {
                Reference = $"{Column(m.Column)}{m.Row + 2}:{Column(m.Column + m.Columns - 1)}{m.Row + m.Rows + 1}",
            })));
        }
        writer.WriteEndElement();
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
        var count = Math.Max(header.Count, rows.Select(r => r.Count).DefaultIfEmpty(0).Max());
        for (var c = 0; c < count; c++)
        {
            var longest = rows.Select(r => c < r.Count ? r[c]?.ToString() ?? "" : "").Append(c < header.Count ? header[c] : "").Max(Display);
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
