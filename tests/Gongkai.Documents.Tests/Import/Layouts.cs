using System.Text;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Tests.Import;

/// <summary>The layouts agencies publish their tables in, written from a report the way their web pages and documents print them.</summary>
public enum Layout
{
    TabRows,
    CellPerLine,
    PipeRows,
    PipeStream,
    SpaceAligned,
    Html,
    Docx,
}

public static class Layouts
{
    /// <summary>Layouts that keep a blank cell visible (space alignment cannot).</summary>
    public static readonly Layout[] KeepBlanks = [Layout.TabRows, Layout.CellPerLine, Layout.PipeRows, Layout.Html, Layout.Docx];

    public static bool Supports(Layout layout, ReportFormat format) =>
        // A stream of cells has no row boundary: only the 统计表, whose header gives its width, is printed so.
        layout != Layout.PipeStream || format.Tables.All(t => t.Layout == LabelLayout.Indented);

    public static byte[] Render(AnnualReport report, Layout layout) => layout switch
    {
        Layout.Html => Encoding.UTF8.GetBytes(ReportHtml.Document(report)),
        Layout.Docx => ReportDocx.Render(report),
        Layout.TabRows => Encoding.UTF8.GetBytes(ReportText.Render(report)),
        _ => Encoding.UTF8.GetBytes(Text(report, layout)),
    };

    private static string Text(AnnualReport report, Layout layout)
    {
        var text = new StringBuilder();
        text.AppendLine(report.Title);
        text.AppendLine($"统计期间：{ReportHtml.Date(report.PeriodStart!.Value)}至{ReportHtml.Date(report.PeriodEnd!.Value)}");
        foreach (var (part, tables) in report.Layout())
        {
            text.AppendLine(part?.Heading ?? "附表");
            foreach (var paragraph in ReportHtml.Paragraphs(part?.Text))
            {
                text.AppendLine(paragraph);
            }
            foreach (var table in tables)
            {
                var grid = TableGrid.Build(table, c => report.Values[c.Key]?.Display() ?? "");
                foreach (var row in grid.Sections.SelectMany(s => s.HeaderRows.Concat(s.BodyRows)))
                {
                    var cells = row.Cells.Select(c => c.Text).ToList();
                    switch (layout)
                    {
                        case Layout.CellPerLine:
                            text.AppendLine();
                            foreach (var cell in cells)
                            {
                                text.Append('\t').AppendLine(cell);
                            }
                            break;
                        case Layout.PipeRows:
                            text.AppendLine("| " + string.Join(" | ", cells) + " |");
                            break;
                        case Layout.PipeStream:
                            foreach (var cell in cells)
                            {
                                text.AppendLine(cell.Length == 0 ? "|" : cell + " |");
                            }
                            break;
                        default:
                            text.AppendLine(string.Join("    ", cells.Where(c => c.Length > 0)));
                            break;
                    }
                }
                text.AppendLine();
            }
        }
        text.AppendLine(report.AgencyName);
        text.AppendLine(ReportHtml.Date(report.PublishedOn!.Value));
        return text.ToString();
    }
}
