using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reports;

/// <summary>
/// The report as HTML: semantic tables with the template's spans and header scopes. The fragment
/// goes into the portal's page; <see cref="Document"/> is a standalone file for the CLI.
/// </summary>
public static class ReportHtml
{
    public static string Fragment(AnnualReport report)
    {
        var html = new StringBuilder();
        html.Append("<article class=\"annual-report\">\n");
        html.Append($"<h1>{E(report.Title)}</h1>\n");
        html.Append("<dl class=\"report-meta\">");
        Meta(html, "机关", report.AgencyName);
        Meta(html, "年度", report.Year.ToString(CultureInfo.InvariantCulture));
        if (report.PeriodStart is { } start && report.PeriodEnd is { } end)
        {
            Meta(html, "统计期间", $"{Date(start)}至{Date(end)}");
        }
        if (report.PublishedOn is { } published)
        {
            Meta(html, "发布日期", Date(published));
        }
        Meta(html, "报告格式", report.Format.Name);
        html.Append("</dl>\n");
        foreach (var (part, tables) in report.Layout())
        {
            html.Append("<section>\n");
            html.Append($"<h2>{E(part?.Heading ?? "附表")}</h2>\n");
            foreach (var paragraph in Paragraphs(part?.Text))
            {
                html.Append($"<p>{E(paragraph)}</p>\n");
            }
            foreach (var table in tables)
            {
                html.Append(Table(table, report.Values, report.Year));
            }
            html.Append("</section>\n");
        }
        html.Append("</article>\n");
        return html.ToString();
    }

    public static string Document(AnnualReport report) => $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(report.Title)}}</title>
        <style>
        body { font-family: "Noto Serif CJK SC", "SimSun", serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.8; }
        h1 { text-align: center; font-size: 1.6em; }
        .report-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em; color: #555; }
        .report-meta dt { font-weight: bold; }
        .report-meta dd { margin: 0; }
        table.report-table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 0.95em; }
        table.report-table caption { font-weight: bold; margin-bottom: 0.4em; }
        table.report-table th, table.report-table td { border: 1px solid #000; padding: 4px 6px; vertical-align: middle; }
        table.report-table th { font-weight: normal; text-align: left; }
        table.report-table thead th, table.report-table th[scope=col], table.report-table th[scope=colgroup], table.report-table th.section-title { text-align: center; font-weight: bold; }
        table.report-table td.num { text-align: center; }
        table.report-table .indent-1 { padding-left: 2em; } table.report-table .indent-2 { padding-left: 3.5em; } table.report-table .indent-3 { padding-left: 5em; }
        </style>
        </head>
        <body>
        {{Fragment(report)}}</body>
        </html>
        """;

    /// <summary>One table of the report as an HTML table.</summary>
    public static string Table(TableDef table, ReportValues values, int year)
    {
        var grid = TableGrid.Build(table, cell => E(ValueText(values, cell)));
        var html = new StringBuilder();
        // The box scrolls on a narrow screen and takes keyboard focus to be scrolled without a mouse.
        html.Append($"<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{E(Caption(table, year))}\"><table class=\"report-table\">");
        html.Append($"<caption>{E(Caption(table, year))}</caption>\n");
        var single = grid.Sections.Count == 1;
        foreach (var section in grid.Sections)
        {
            if (single)
            {
                html.Append("<thead>\n");
                Rows(html, section.HeaderRows);
                html.Append("</thead>\n<tbody>\n");
            }
            else
            {
                html.Append("<tbody>\n");
                Rows(html, section.HeaderRows);
            }
            Rows(html, section.BodyRows);
            html.Append("</tbody>\n");
        }
        html.Append("</table></div>\n");
        return html.ToString();
    }

    /// <summary>A cell's value as printed: blank when blank, the row's unit in a unit column.</summary>
    public static string ValueText(ReportValues values, CellDef cell) =>
        values[cell.Key]?.Display() ?? (cell.Kind == ValueKind.UnitText ? cell.Row.Unit ?? "" : "");

    public static string Caption(TableDef table, int year) =>
        table.Layout == LabelLayout.Indented ? $"{year}年度{table.Title}" : table.Title;

    private static void Rows(StringBuilder html, IEnumerable<GridRow> rows)
    {
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row.Cells)
            {
                var spans = (cell.RowSpan > 1 ? $" rowspan=\"{cell.RowSpan}\"" : "") + (cell.ColSpan > 1 ? $" colspan=\"{cell.ColSpan}\"" : "");
                // Value cells arrive encoded (see Table); labels are encoded here.
                var text = cell.Kind == GridCellKind.Value ? cell.Text : E(cell.Text);
                html.Append(cell.Kind switch
                {
                    GridCellKind.Corner when cell.Text.StartsWith('（') => $"<td class=\"corner\"{spans}>{text}</td>",
                    GridCellKind.Corner => $"<th scope=\"col\"{spans}>{text}</th>",
                    GridCellKind.SectionTitle => $"<th scope=\"colgroup\" class=\"section-title\"{spans}>{text}</th>",
                    GridCellKind.ColumnHeader => $"<th scope=\"col\"{spans}>{text}</th>",
                    GridCellKind.ColumnGroupHeader => $"<th scope=\"colgroup\"{spans}>{text}</th>",
                    GridCellKind.RowHeader => $"<th scope=\"row\"{spans}{(cell.Indent > 0 ? $" class=\"indent-{cell.Indent}\"" : "")}>{text}</th>",
                    GridCellKind.RowGroupHeader => $"<th scope=\"rowgroup\"{spans}>{text}</th>",
                    _ => $"<td class=\"num\" data-cell=\"{E(cell.Key.ToString()!)}\"{spans}>{text}</td>",
                });
            }
            html.Append("</tr>\n");
        }
    }

    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static void Meta(StringBuilder html, string term, string value) => html.Append($"<dt>{E(term)}</dt><dd>{E(value)}</dd>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
