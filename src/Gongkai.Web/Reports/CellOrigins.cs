using Microsoft.AspNetCore.Html;

namespace Gongkai.Web.Reports;

/// <summary>What the console shows after a figure: where it came from (the records counted, or the clerk's note); rendered by _CellMark.</summary>
/// <param name="Url">The drill-down page listing the records behind a counted figure.</param>
/// <param name="Counted">What the records gave, for a figure changed since.</param>
public sealed record CellMark(CellOrigin Origin, string Url, decimal? Counted, string? Note);

/// <summary>A value cell of the console's entry form; rendered by _CellInput.</summary>
/// <param name="Label">The cell's name for screen readers (row and column).</param>
/// <param name="AskNote">The note the clerk is asked for: 数据来源 (a figure the records cannot give) or 修改原因 (a counted figure changed); none when null.</param>
public sealed record CellInput(string Key, string Label, string? Unit, string Value, bool Invalid, CellMark? Mark, string? AskNote, string? Note);

/// <summary>One table of a report, rendered by _ReportTable from the template's grid (<see cref="TableGrid"/>).</summary>
/// <param name="Value">What a value cell shows; its value as text by default.</param>
/// <param name="CellClass">A value cell's mark (cell-error, cell-warning: a failed check names it).</param>
public sealed record ReportTableView(TableDef Table, int Year, ReportValues Values, Func<CellDef, IHtmlContent>? Value = null, Func<CellKey, string?>? CellClass = null);

/// <summary>A whole report as a page shows it (heading, particulars, parts and their tables), rendered by _Report.</summary>
public sealed record ReportView(AnnualReport Report, Func<CellDef, IHtmlContent>? Value = null);

public static class CellOrigins
{
    public static string DrillDownUrl(int reportId, CellKey key) => $"/console/reports/{reportId}/cell?key={Uri.EscapeDataString(key.ToString())}";

    /// <summary>The mark after a figure: 记录 (linked to the records behind it), 记录为 … when changed since, and the clerk's note if any.</summary>
    public static CellMark Mark(CellSources sources, ReportValues values, int reportId, CellKey key) =>
        new(sources.OriginOf(key, values), DrillDownUrl(reportId, key), sources.FromRecords.TryGetValue(key, out var counted) ? counted : null, sources.NoteOf(key));

    /// <summary>
    /// A value cell of the entry form. After a generation from the records a counted figure links
    /// to its records, a changed one asks why, and a figure the records cannot give asks where it
    /// came from (a cell the records could give but did not this time asks nothing).
    /// </summary>
    public static CellInput Input(CellDef cell, string? typed, bool invalid, CellSources sources, ReportValues values, int reportId, IReadOnlySet<CellKey> computable, string? note)
    {
        // Before a generation there is nothing to mark; after it the note is in its own input, not printed after the figure.
        var mark = sources.FromRecords.Count == 0 ? null : Mark(sources, values, reportId, cell.Key) with { Note = null };
        var ask = mark?.Origin switch
        {
            null or CellOrigin.FromRecords => null,
            CellOrigin.ChangedFromRecords => "修改原因",
            _ when computable.Contains(cell.Key) => null,
            _ => "数据来源",
        };
        return new CellInput(cell.Key.ToString(), ReportChecks.Name(cell), cell.Kind == ValueKind.UnitText ? cell.Row.Unit ?? "" : null, typed ?? "", invalid, mark, ask, note);
    }
}
