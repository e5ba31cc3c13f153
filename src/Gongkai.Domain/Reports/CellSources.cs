namespace Gongkai.Domain.Reports;

/// <summary>Where a figure came from.</summary>
public enum CellOrigin
{
    /// <summary>Typed by the clerk (the only way for figures the records cannot give).</summary>
    Typed,
    /// <summary>Counted from the records when the report was generated, and unchanged since.</summary>
    FromRecords,
    /// <summary>Counted from the records, then changed by hand: the note must say why.</summary>
    ChangedFromRecords,
}

/// <summary>
/// The provenance of a report's figures: what the records gave when the report was generated from
/// them, and the clerk's notes (where a typed figure came from, why a counted one was changed).
/// The origin of a cell is derived from these and its present value, never stored separately, so
/// it cannot fall out of step with the figure.
/// </summary>
public sealed record CellSources(IReadOnlyDictionary<CellKey, decimal> FromRecords, IReadOnlyDictionary<CellKey, string> Notes)
{
    public static CellSources None { get; } = new(new Dictionary<CellKey, decimal>(), new Dictionary<CellKey, string>());

    public CellOrigin OriginOf(CellKey key, ReportValues values) =>
        !FromRecords.TryGetValue(key, out var counted) ? CellOrigin.Typed
        : values.Number(key) == counted ? CellOrigin.FromRecords
        : CellOrigin.ChangedFromRecords;

    public string? NoteOf(CellKey key) => Notes.GetValueOrDefault(key);

    /// <summary>After generating from the records: <paramref name="counted"/> replaces what earlier generations gave.</summary>
    public CellSources Counted(ReportValues counted) => this with
    {
        FromRecords = counted.All.Where(c => c.Value.Number is not null).ToDictionary(c => c.Key, c => c.Value.Number!.Value),
    };

    /// <summary>The notes typed with the values; blank notes are dropped.</summary>
    public CellSources WithNotes(IEnumerable<KeyValuePair<CellKey, string?>> notes) => this with
    {
        Notes = notes.Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary(n => n.Key, n => n.Value!.Trim()),
    };

    /// <summary>
    /// A counted figure changed by hand without a note is a warning: the supervisor and the public
    /// are owed the reason a figure differs from the agency's own records.
    /// </summary>
    public IReadOnlyList<Violation> Check(ReportFormat format, ReportValues values) =>
        format.Cells()
            .Where(c => OriginOf(c.Key, values) == CellOrigin.ChangedFromRecords && NoteOf(c.Key) is null)
            .Select(c => new Violation("sources.changed", Severity.Warning, [c.Key], FromRecords[c.Key], values.Number(c.Key),
                $"{ReportChecks.Name(c)}：办理记录统计为 {CellValue.FormatNumber(FromRecords[c.Key])}，现填 {values[c.Key]?.Display() ?? "空"}，请在“修改原因”中说明为何与记录不同。"))
            .ToList();
}
