using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Text;

namespace Gongkai.Documents.Reports;

/// <summary>
/// The report as open data: one CSV record per cell of its format (blank cells with an empty
/// value). A person reads the Chinese columns (the format's and the table's names, the row's and
/// the column's label paths as printed); a program lines reports of different agencies and years
/// up by the code columns after them. The value is last.
/// </summary>
public static class ReportCsv
{
    public static readonly string[] Header = ["机关", "年度", "格式", "表", "行", "列", "单位", "格式代码", "表代码", "行代码", "列代码", "数值"];

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
                    report.AgencyName, report.Year, report.Format.Name, cell.Table.Title,
                    string.Join(" / ", ReportLabels.RowPath(cell)), string.Join(" / ", ReportLabels.ColumnPath(cell)),
                    value?.Unit ?? cell.Unit ?? "",
                    report.FormatCode, cell.Table.Code, cell.Row.Code, cell.Column.Code,
                    value is null ? null : value.Number is { } n ? n : value.Text ?? "",
                ];
            }
        }
    }
}
