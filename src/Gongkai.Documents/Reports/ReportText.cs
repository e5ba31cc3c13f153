using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Reports;

/// <summary>
/// The report as plain text: the narrative, then each table as tab-separated rows — the layout
/// many agencies paste into their web pages.
/// </summary>
public static class ReportText
{
    public static string Render(AnnualReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(report.Title);
        if (report.PeriodStart is { } start && report.PeriodEnd is { } end)
        {
            text.AppendLine($"统计期间：{ReportHtml.Date(start)}至{ReportHtml.Date(end)}");
        }
        text.AppendLine();
        foreach (var (part, tables) in report.Layout())
        {
            text.AppendLine(part?.Heading ?? "附表");
            foreach (var paragraph in ReportHtml.Paragraphs(part?.Text))
            {
                text.AppendLine(paragraph);
            }
            foreach (var table in tables)
            {
                text.AppendLine();
                Table(text, table, report.Values, report.Year, skipCaption: ReportHtml.Caption(table, report.Year) == part?.Heading);
            }
            text.AppendLine();
        }
        if (report.PublishedOn is { } date)
        {
            text.AppendLine(report.AgencyName);
            text.AppendLine(ReportHtml.Date(date));
        }
        return text.ToString();
    }

    public static void Table(StringBuilder text, TableDef table, ReportValues values, int year, bool skipCaption = false)
    {
        if (!skipCaption)
        {
            text.AppendLine(ReportHtml.Caption(table, year));
        }
        foreach (var section in table.Sections)
        {
            if (section.Title is not null)
            {
                text.AppendLine(section.Title);
            }
            var leaves = section.LeafColumns();
            var labels = leaves.Select(c => string.Join("·", ReportLabels.ColumnPath(section, c.Code)));
            text.AppendLine(string.Join('\t', [section.LabelHeader ?? "", .. labels]));
            foreach (var row in section.Rows.SelectMany(r => r.SelfAndDescendants()))
            {
                if (!row.HasCells)
                {
                    text.AppendLine(row.Label);
                    continue;
                }
                var cells = leaves.Select(c => new CellDef(table, section, row, c))
                    .Select(c => values[c.Key]?.Display() ?? (c.Kind == ValueKind.UnitText ? c.Row.Unit ?? "" : ""));
                text.AppendLine(string.Join('\t', [row.Label, .. cells]));
            }
        }
    }
}
