using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Text;

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
    public static string Render(IEnumerable<AnnualReport> reports) => Csv.Write(Header, Rows(reports));

    /// <summary>The same records as an Excel workbook, values as numbers.</summary>
    public static byte[] Workbook(IEnumerable<(string Sheet, IEnumerable<AnnualReport> Reports)> sheets) =>
        Files.Xlsx.Write(sheets.Select(s => new Files.Xlsx.Sheet(s.Sheet, Header, Rows(s.Reports))));

    /// <summary>The file's bytes for download: UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese text as UTF-8.</summary>
    public static byte[] Utf8WithMark(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];

    /// <summary>One record per cell of each report's format: the fields of <see cref="Header"/>, the value a number where it is one.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<AnnualReport> reports)
    {
        foreach (var report in reports)
        {
            foreach (var cell in report.Format.Cells())
            {
                var value = report.Values[cell.Key];
                yield return
                [
                    report.AgencyName, report.Year, report.FormatCode,
                    cell.Table.Code, cell.Row.Code, string.Join(" / ", ReportLabels.RowPath(cell)),
                    cell.Column.Code, string.Join(" / ", ReportLabels.ColumnPath(cell)),
                    value?.Unit ?? cell.Unit ?? "",
                    value is null ? null : value.Number is { } n ? n : value.Text ?? "",
                ];
            }
        }
    }
}
