using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using ExcelDataReader;

namespace Gongkai.Documents.Files;

/// <summary>
/// The first sheet of a spreadsheet an office brings (agencies, staff, a ledger) as rows of text:
/// .xlsx, the old .xls that Excel 97–2003 and many offices still save, or .csv in UTF-8 or GBK
/// (Excel in Chinese saves "CSV" as GBK). Bounded as every upload is: the file's size, the zip's
/// parts (<see cref="OfficeFiles.Check"/>), rows, columns, characters and time.
/// </summary>
public static class Spreadsheets
{
    /// <summary>More rows than a county's agencies, staff or a year's ledger ever has.</summary>
    public const int MaxRows = 20_000;

    public const int MaxColumns = 100;

    public const int MaxBytes = 10 * 1024 * 1024;

    static Spreadsheets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The sheet's rows, trailing empty cells and empty rows dropped; dates as yyyy-MM-dd, numbers as written.</summary>
    /// <exception cref="FileLimitException">A limit is passed, or the file is not a spreadsheet (the message says which, in Chinese).</exception>
    public static IReadOnlyList<IReadOnlyList<string>> Read(string fileName, byte[] content, ReadLimits limits)
    {
        if (content.Length > MaxBytes)
        {
            throw new FileLimitException($"文件超过 {MaxBytes / 1024 / 1024} MB。");
        }
        var clock = Stopwatch.StartNew();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" or ".txt" => Csv(content, limits, clock),
                ".xlsx" => Excel(Checked(content, limits), limits, clock),
                ".xls" => Excel(content, limits, clock),
                _ => throw new FileLimitException("只能读取 .xlsx、.xls 或 .csv 文件。"),
            };
        }
        catch (Exception e) when (e is InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or NotSupportedException or CsvFormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new FileLimitException($"无法读取该文件：它不是有效的 {extension.TrimStart('.').ToUpperInvariant()} 表格。");
        }
    }

    private static byte[] Checked(byte[] content, ReadLimits limits)
    {
        OfficeFiles.Check(content, limits);
        return content;
    }

    /// <summary>
    /// UTF-8 when the bytes are valid UTF-8 (with or without the mark); otherwise GB18030, the
    /// superset of GBK that Chinese Excel and WPS write. A GBK file is almost never valid UTF-8
    /// (its lead bytes 0x81–0xFE are followed by bytes UTF-8 does not allow there), so the strict
    /// decoder tells them apart without guessing from letter frequencies.
    /// </summary>
    public static string Decode(byte[] content)
    {
        var start = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }

    private static List<IReadOnlyList<string>> Csv(byte[] content, ReadLimits limits, Stopwatch clock)
    {
        var rows = new List<IReadOnlyList<string>>();
        // The reader parses UTF-8 bytes; a GBK file is decoded first. No header: the importer reads the header row itself.
        using var reader = CsvReader.Create(new StringReader(Decode(content)), new CsvReaderOptions { HasHeader = false });
        var characters = 0L;
        while (reader.Read())
        {
            Add(rows, Enumerable.Range(0, Math.Min(reader.FieldCount, MaxColumns + 1)).Select(i => reader.GetString(i)), limits, clock, ref characters);
        }
        return rows;
    }

    private static List<IReadOnlyList<string>> Excel(byte[] content, ReadLimits limits, Stopwatch clock)
    {
        var rows = new List<IReadOnlyList<string>>();
        using var reader = ExcelReaderFactory.CreateReader(new MemoryStream(content));
        var characters = 0L;
        while (reader.Read())
        {
            var count = Math.Min(reader.FieldCount, MaxColumns + 1);
            Add(rows, Enumerable.Range(0, count).Select(i => Text(reader.GetValue(i))), limits, clock, ref characters);
        }
        return rows;
    }

    private static void Add(List<IReadOnlyList<string>> rows, IEnumerable<string?> cells, ReadLimits limits, Stopwatch clock, ref long characters)
    {
        if (clock.Elapsed > limits.Budget)
        {
            throw new FileLimitException("读取超时。");
        }
        var row = cells.Select(c => c?.Trim() ?? "").ToList();
        if (row.Count > MaxColumns)
        {
            throw new FileLimitException($"表格超过 {MaxColumns} 列。");
        }
        while (row.Count > 0 && row[^1].Length == 0)
        {
            row.RemoveAt(row.Count - 1);
        }
        if (row.Count == 0)
        {
            return;
        }
        if ((characters += row.Sum(c => c.Length)) > limits.MaxCharacters)
        {
            throw new FileLimitException($"文字超过 {limits.MaxCharacters:N0} 字。");
        }
        if (rows.Count >= MaxRows)
        {
            throw new FileLimitException($"表格超过 {MaxRows:N0} 行。");
        }
        rows.Add(row);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("0.##########", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
