namespace Gongkai.Domain.Reports;

public enum Severity
{
    /// <summary>The report is wrong: it cannot be published while this fails.</summary>
    Error,

    /// <summary>Probably wrong, but real reports break it legitimately: shown, not blocking.</summary>
    Warning,
}

/// <summary>How a check's total relates to the sum of its parts.</summary>
public enum Relation
{
    Equal,
    AtMost,
    AtLeast,
}

/// <summary>
/// A declared cross-check (勾稽关系): <c>Σ Left Relation Σ Right</c>, usually a total on the left and
/// its parts on the right. Blank cells count as 0 in a sum that has at least one printed cell; a
/// check whose right side is all blank is not evaluated.
/// </summary>
/// <param name="Code">Stable code of the check, unique in its format.</param>
/// <param name="LeftMayBeBlank">The template leaves the total blank (a heading row), so a blank total is no fault.</param>
/// <param name="Basis">Where the rule comes from, for the clerk: declared in the template, implied by the labels, or our plausibility rule.</param>
public sealed record CrossCheck(
    string Code,
    Severity Severity,
    IReadOnlyList<CellKey> Left,
    Relation Relation,
    IReadOnlyList<CellKey> Right,
    string Basis,
    bool LeftMayBeBlank = false);

/// <summary>A failed check or a malformed value, with the cells it concerns and a sentence a clerk understands.</summary>
/// <param name="Expected">The sum of the right side.</param>
/// <param name="Actual">The sum of the left side as printed; null when it is blank.</param>
public sealed record Violation(
    string CheckCode,
    Severity Severity,
    IReadOnlyList<CellKey> Cells,
    decimal? Expected,
    decimal? Actual,
    string Message);
