using System.Globalization;
using System.Text;

namespace Gongkai.Domain.Text;

/// <summary>
/// The one way Gongkai writes CSV (open data, roll-ups, the CLI's summaries, calendar schedules):
/// RFC 4180 quoting, and text that a spreadsheet would run as a formula made inert. Text fields
/// reach these files from imported reports and pasted notices, so a label like
/// <c>=HYPERLINK("http://…","主动公开信息数")</c> would otherwise be a live link in Excel or WPS.
/// </summary>
public static class Csv
{
    /// <summary>The characters a spreadsheet reads as the start of a formula (OWASP's CSV injection rule).</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// One record with its line end (CRLF). Numbers (<see cref="decimal"/>, <see cref="int"/>,
    /// <see cref="long"/>) are written as numbers, so a negative figure stays one; everything else
    /// is text: made inert (<see cref="Inert"/>) and quoted where it must be.
    /// </summary>
    public static string Record(IEnumerable<object?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    /// <summary>The header and the records as one file's text.</summary>
    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> records)
    {
        var csv = new StringBuilder(Record(header));
        foreach (var record in records)
        {
            csv.Append(Record(record));
        }
        return csv.ToString();
    }

    public static string Field(object? value) => value switch
    {
        null => "",
        decimal n => Reports.CellValue.FormatNumber(n),
        int n => n.ToString(CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        _ => Quote(Inert(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
    };

    /// <summary>Text starting like a formula, with an apostrophe before it: spreadsheets show it as text and do not run it.</summary>
    public static string Inert(string text) => text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;

    /// <summary>RFC 4180 quoting of one field.</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
