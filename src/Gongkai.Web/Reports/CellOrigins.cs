using System.Net;

namespace Gongkai.Web.Reports;

/// <summary>How the console shows where a figure came from: a link to the records counted, or the clerk's note.</summary>
public static class CellOrigins
{
    /// <summary>The cells of a format the records can give (application, appeals and proactive figures).</summary>
    public static IReadOnlySet<CellKey> Computable(ReportFormat format) =>
        ApplicationTables.Computable(format.Code)
            ? ApplicationTables.OwnedCells(format).Concat(ProactiveTables.OwnedCells(format.Code)).ToHashSet()
            : new HashSet<CellKey>();

    public static string DrillDownUrl(int reportId, CellKey key) => $"/console/reports/{reportId}/cell?key={Uri.EscapeDataString(key.ToString())}";

    /// <summary>The mark after a figure: 记录 (linked to the records behind it), 已改 with the counted figure, or the note on a typed figure.</summary>
    public static string Marker(AnnualReport report, int reportId, CellDef cell)
    {
        var note = report.Sources.NoteOf(cell.Key);
        return RecordsLink(report.Sources, report.Values, reportId, cell.Key) + (note is null ? "" : $"<span class=\"cell-note\">{WebUtility.HtmlEncode(note)}</span>");
    }

    /// <summary>The link to the records behind a counted figure, saying what they gave if the figure was changed since; empty for a typed figure.</summary>
    public static string RecordsLink(CellSources sources, ReportValues values, int reportId, CellKey key)
    {
        var url = WebUtility.HtmlEncode(DrillDownUrl(reportId, key));
        return sources.OriginOf(key, values) switch
        {
            CellOrigin.FromRecords => $"<a class=\"origin origin-records\" href=\"{url}\" title=\"来自办理记录，点击查看统计的记录\">记录</a>",
            CellOrigin.ChangedFromRecords => $"<a class=\"origin origin-changed\" href=\"{url}\" title=\"与办理记录不同\">记录为 {CellValue.FormatNumber(sources.FromRecords[key])}</a>",
            _ => "",
        };
    }
}
