namespace Gongkai.Domain.Reports.Import;

/// <summary>Why the importer left a cell blank, as a code a test and a program can compare; its sentence comes with it.</summary>

/// <summary>
/// Precision before recall, once for every reader (text, markdown, HTML, DOCX, PDF, run-together
/// text), after the layout rules: a row whose placed figures break the row's own declared equality
/// (表三: 总计 = 自然人 + 法人或其他组织's five columns; 表四: each group's 总计 = its four results)
/// in the way a misread layout breaks it is blanked with <see cref="BlankCode.RowCheckBroken"/>,
/// not published. A label column taken for a figure, or a trailing empty pipe cell taken for a
/// column, shifts the row by one: 自然人 gets 商业企业's figure, 其他 the 总计, and 总计 stays blank.
/// So a broken row is taken as misread when (1) its total is blank while its parts add up to more
/// than 0, or (2) its 其他 holds exactly the sum of the parts before it (the row's real total, one
/// column early, and something else in 总计). A row printed
/// whole whose own arithmetic is wrong is neither: it is kept as printed and the format's check
/// reports it (the importer cannot tell which figure is the misprint, and it is what was printed).
/// </summary>
public static class PlacementGuard
{
    public const string Reason = "该行读出的数字不满足本行的合计关系（总计应等于各项之和），且像是栏目错位（总计为空，或最后一项恰为前几项之和），未填入";

    public sealed record Result(ReportValues Values, IReadOnlyDictionary<CellKey, CellSource> Sources, IReadOnlyList<BlankCell> Blanked);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ReportFormat, IReadOnlyList<CrossCheck>> Checks = new();

    /// <summary>The equalities of one total and its parts that all stand in one row of one table: the ones a single row's reading can break.</summary>
    public static IReadOnlyList<CrossCheck> RowChecks(ReportFormat format) => Checks.GetValue(format, f =>
        f.Checks.Where(c => c.Severity == Severity.Error && c.Relation == Relation.Equal && !c.LeftMayBeBlank && c.Left.Count == 1
            && c.Left.Concat(c.Right).Select(k => (k.Table, k.Row)).Distinct().Count() == 1).ToList());

    public static Result Apply(ReportFormat format, ReportValues values, IReadOnlyDictionary<CellKey, CellSource> sources)
    {
        // Every parse passes here: the row's sums are added directly (the format's full check runs once, after).
        List<CrossCheck>? misread = null;
        foreach (var check in RowChecks(format))
        {
            var parts = new decimal?[check.Right.Count];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = values.Number(check.Right[i]);
            }
            var total = values.Number(check.Left[0]);
            if (Array.TrueForAll(parts, p => p is null) || (total ?? 0) == parts.Sum(p => p ?? 0) || !LooksShifted(parts, total))
            {
                continue;
            }
            (misread ??= []).Add(check);
        }
        if (misread is null)
        {
            return new Result(values, sources, []);
        }
        var guarded = values.Copy();
        var kept = sources.ToDictionary();
        var blanked = new List<BlankCell>();
        foreach (var key in misread.SelectMany(c => c.Left.Concat(c.Right)).Distinct().Where(k => !values.IsBlank(k) || sources.ContainsKey(k)))
        {
            guarded.Set(key, null);
            kept.Remove(key);
            blanked.Add(new BlankCell(key, Reason, BlankCode.RowCheckBroken));
        }
        return new Result(guarded, kept, blanked);
    }

    /// <summary>
    /// Whether a row whose <paramref name="parts"/> (in column order, the total's column after them)
    /// do not add up to <paramref name="total"/> looks read one column off.
    /// </summary>
    public static bool LooksShifted(IReadOnlyList<decimal?> parts, decimal? total)
    {
        if (total is null)
        {
            return parts.Sum(p => p ?? 0) > 0;
        }
        // The figures one column to the right: the last part is the total of the ones before it.
        return parts.Count > 1 && parts[^1] is { } last && parts.SkipLast(1).Any(p => p is not null) && parts.SkipLast(1).Sum(p => p ?? 0) == last;
    }
}
