namespace Gongkai.Domain.Reports.Import;

/// <summary>What the parser read from a published report.</summary>
/// <param name="Report">The report in its detected format; without a table, in the format of its year with no values.</param>
/// <param name="HasTable">False when the report prints no statistical table at all (its figures are only in the text).</param>
/// <param name="Sources">For each cell read, where in the source it was found and what was printed.</param>
/// <param name="Unrecognised">Table rows no row of the format matched: kept and reported, never dropped.</param>
/// <param name="Problems">Cross-checks, text-versus-table and text-internal findings.</param>
public sealed record ImportedReport(
    AnnualReport Report,
    bool HasTable,
    IReadOnlyDictionary<CellKey, CellSource> Sources,
    IReadOnlyList<UnrecognisedRow> Unrecognised,
    IReadOnlyList<Violation> Problems);

public sealed record CellSource(string Location, string Printed);

public sealed record UnrecognisedRow(string Label, IReadOnlyList<string> Cells, string Location);

/// <summary>A file that cannot be read as a report; the message says why.</summary>
public sealed class ReportImportException(string message) : Exception(message);
