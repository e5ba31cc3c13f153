namespace Gongkai.Domain.Reports;

/// <summary>
/// Once an agency has submitted its report for a year, the records the figures were counted from
/// are the evidence the superior reviews (Art. 49): a change that would alter that year's figures
/// is a correction, made with a stated reason and shown to the supervisor, never a silent edit.
/// A change that leaves the year's figures as they were (a reply in the new year to an application
/// carried forward, say) is not a correction of that year.
/// </summary>
public static class RecordLock
{
    /// <summary>The statuses in which a report locks its year's records: from submission on.</summary>
    public static readonly IReadOnlyList<ReportStatus> LockingStatuses = [ReportStatus.Submitted, ReportStatus.Accepted, ReportStatus.Published, ReportStatus.Superseded];

    public static bool Locks(ReportStatus status) => LockingStatuses.Contains(status);

    /// <summary>Whether a record counting in <paramref name="before"/> and then in <paramref name="after"/> alters a year's figures.</summary>
    public static bool AltersFigures(IEnumerable<CellKey> before, IEnumerable<CellKey> after) =>
        !before.Select(k => k.ToString()).Order(StringComparer.Ordinal).SequenceEqual(after.Select(k => k.ToString()).Order(StringComparer.Ordinal));

    /// <summary>
    /// Policy <c>ALateApplication_IsAcceptedAndFlagged</c>: an application received in a year whose
    /// report is already submitted (a letter found late, a walk-in registered afterwards) is never
    /// refused — Art. 27 gives the citizen the right to apply whatever the report's state. It is
    /// stored, and listed as a late record that the year's report must be corrected for.
    /// </summary>
    public static string LateRecordReason(int year) => $"{LatePrefix}收到日期在已报送的 {year} 年度内，该年度报告需要更正";

    /// <summary>How a late record's correction reason begins (<see cref="LateRecordReason"/>): how such records are found again.</summary>
    public const string LatePrefix = "补登：";
}
