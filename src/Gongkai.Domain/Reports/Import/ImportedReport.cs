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
/// <param name="Layout">The layout the table was read from, in words (表格, 连排文字 …).</param>
public sealed record ImportQuality(string Layout, int Expected, int Read, IReadOnlyList<BlankCell> Blank)
{
    public static ImportQuality NoTable { get; } = new("没有统计表", 0, 0, []);
}

public sealed record UnrecognisedRow(string Label, IReadOnlyList<string> Cells, string Location);

/// <summary>A file that cannot be read as a report; the message says why.</summary>
public sealed class ReportImportException(string message) : Exception(message);
