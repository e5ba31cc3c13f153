using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reports;

/// <summary>
/// The report as open data: one CSV record per cell of its format (blank cells with an empty
/// value), with the codes and the label paths, so that reports of different agencies and years
/// line up by code.
/// </summary>
public static class ReportCsv
{
    public static readonly string[] Header = ["agency", "year", "format", "table", "row", "row_labels", "column", "column_labels", "unit", "value"];

    public static string Render(AnnualReport report) => Render([report]);

    /// <summary>One file for many reports (open data, a roll-up): the header once, then every report's cells.</summary>
    public static string Render(IEnumerable<AnnualReport> reports)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Header)).Append("\r\n");
        foreach (var report in reports)
        {
            AppendCells(csv, report);
        }
        return csv.ToString();
    }

    /// <summary>The file's bytes for download: UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese text as UTF-8.</summary>
    public static byte[] Utf8WithMark(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];

    private static void AppendCells(StringBuilder csv, AnnualReport report)
    {
        foreach (var cell in report.Format.Cells())
        {
            var value = report.Values[cell.Key];
            string[] fields =
            [
                report.AgencyName, report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), report.FormatCode,
                cell.Table.Code, cell.Row.Code, string.Join(" / ", ReportLabels.RowPath(cell)),
                cell.Column.Code, string.Join(" / ", ReportLabels.ColumnPath(cell)),
                value?.Unit ?? cell.Unit ?? "",
                value is null ? "" : value.Number is { } n ? CellValue.FormatNumber(n) : value.Text ?? "",
            ];
            csv.Append(string.Join(',', fields.Select(Quote))).Append("\r\n");
        }
    }

    /// <summary>RFC 4180 quoting of one field.</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
