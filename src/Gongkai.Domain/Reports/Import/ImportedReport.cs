namespace Gongkai.Domain.Reports.Import;

/// <summary>What the parser read from a published report.</summary>
/// <param name="Report">The report in its detected format; without a table, in the format of its year with no values.</param>
/// <param name="HasTable">False when the report prints no statistical table at all (its figures are only in the text).</param>
/// <param name="Sources">For each cell read, where in the source it was found and what was printed.</param>
/// <param name="Unrecognised">Table rows no row of the format matched: kept and reported, never dropped.</param>
/// <param name="Problems">Cross-checks, text-versus-table and text-internal findings.</param>
/// <param name="Quality">How much of the table was read, from which layout, and why the rest is blank.</param>
public sealed record ImportedReport(
    AnnualReport Report,
    bool HasTable,
    IReadOnlyDictionary<CellKey, CellSource> Sources,
    IReadOnlyList<UnrecognisedRow> Unrecognised,
    IReadOnlyList<Violation> Problems,
    ImportQuality Quality);

/// <param name="Rule">For a figure split out of cells that ran together: the rule that decided the split.</param>
public sealed record CellSource(string Location, string Printed, string? Rule = null);

/// <summary>
/// How much of its format's tables an import read: the cells the format has, the cells read, and
/// each cell left blank because its row or its split was not certain, with the reason.
/// </summary>
/// <param name="Layout">The layout the table was read from.</param>
public sealed record ImportQuality(ImportLayout Layout, int Expected, int Read, IReadOnlyList<BlankCell> Blank)
{
    public static ImportQuality NoTable { get; } = new(ImportLayout.NoTable, 0, 0, []);
}

/// <summary>The layout an import read a report's tables from.</summary>
public enum ImportLayout
{
    /// <summary>Tables with their cells apart (HTML, DOCX, PDF, markdown, tabs, aligned text), laid onto a format.</summary>
    Table,

    /// <summary>A format's tables out of running text, cells run together (<see cref="FlatTable"/>).</summary>
    RunTogetherText,

    /// <summary>A local sheet out of running text, cells run together (<see cref="SheetReader"/>).</summary>
    PrintedSheetRunTogether,

    /// <summary>A local sheet printed as a table with its cells apart (<see cref="SheetTable"/>).</summary>
    PrintedSheetTable,

    /// <summary>The report prints no statistical table.</summary>
    NoTable,
}

public static class ImportLayouts
{
    /// <summary>The layout in words, as the import preview and the JSON say it.</summary>
    public static string Words(this ImportLayout layout) => layout switch
    {
        ImportLayout.Table => "表格",
        ImportLayout.RunTogetherText => "文字中连排的表格（单元格之间没有分隔）",
        ImportLayout.PrintedSheetRunTogether => "统计表（按原表栏目，单元格连排）",
        ImportLayout.PrintedSheetTable => "统计表（按原表栏目）",
        _ => "没有统计表",
    };
}

public sealed record UnrecognisedRow(string Label, IReadOnlyList<string> Cells, string Location);

/// <summary>A file that cannot be read as a report; the message says why.</summary>
public sealed class ReportImportException(string message) : Exception(message);
