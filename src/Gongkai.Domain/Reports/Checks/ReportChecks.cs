using System.Globalization;

namespace Gongkai.Domain.Reports;

/// <summary>Evaluates a format's cross-checks and value kinds on any set of values.</summary>
public static class ReportChecks
{
    public static IReadOnlyList<Violation> Evaluate(ReportFormat format, ReportValues values)
    {
        var cells = format.CellsByKey();
        var violations = new List<Violation>();
        foreach (var (key, value) in values.All)
        {
            if (!cells.TryGetValue(key, out var cell))
            {
                violations.Add(new Violation("cell.unknown", Severity.Error, [key], null, value.Number, $"格式 {format.Code} 中没有单元格 {key}。"));
            }
            else if (KindProblem(cell, value) is { } problem)
            {
                violations.Add(new Violation("cell.kind", Severity.Error, [key], null, value.Number, $"{Name(cell)}：{problem}，实际填报 {value.Display()}。"));
            }
        }
        foreach (var check in format.Checks)
        {
            if (Evaluate(check, values, cells) is { } violation)
            {
                violations.Add(violation);
            }
        }
        return violations;
    }

    /// <summary>
    /// Policy <c>ABlankStatutoryCell_IsAnOmission</c>: in a format whose every cell is required, the
    /// blank cells of each table, as one finding per table. In a report made here it is an error
    /// (the clerk fills 0 where there is nothing); in an imported one a warning — the report printed
    /// it so, and the blank is kept, not guessed. Heading totals the template leaves blank are not asked.
    /// </summary>
    public static IEnumerable<Violation> Blanks(ReportFormat format, ReportValues values, bool imported)
    {
        if (!format.EveryCellRequired)
        {
            yield break;
        }
        var headings = format.Checks.Where(c => c.LeftMayBeBlank).SelectMany(c => c.Left).ToHashSet();
        foreach (var table in format.Tables)
        {
            var blank = format.Cells().Where(c => c.Table.Code == table.Code && c.Kind != ValueKind.UnitText
                && !headings.Contains(c.Key) && values.IsBlank(c.Key)).ToList();
            if (blank.Count == 0)
            {
                continue;
            }
            var names = string.Join("、", blank.Take(3).Select(Name)) + (blank.Count > 3 ? $"等 {blank.Count} 格" : "");
            yield return imported
                ? new Violation("cell.blank", Severity.Warning, blank.Select(c => c.Key).ToList(), null, null, $"{table.Title}：原报告未填写 {names}，保留空白。")
                : new Violation("cell.blank", Severity.Error, blank.Select(c => c.Key).ToList(), null, null, $"{table.Title}：{names}未填写，没有的请填 0。");
        }
    }

    public static bool HasErrors(IEnumerable<Violation> violations) => violations.Any(v => v.Severity == Severity.Error);

    private static string? KindProblem(CellDef cell, CellValue value)
    {
        if (cell.Kind == ValueKind.UnitText)
        {
            return null;
        }
        if (value.Number is not { } n)
        {
            return "应填数字";
        }
        return cell.Kind switch
        {
            ValueKind.Count when n < 0 || n != decimal.Truncate(n) => "应为不小于 0 的整数",
            ValueKind.SignedCount when n != decimal.Truncate(n) => "应为整数（可为负数）",
            ValueKind.Amount or ValueKind.WanYuan when n < 0 => "金额不应为负数",
            _ => null,
        };
    }

    private static Violation? Evaluate(CrossCheck check, ReportValues values, IReadOnlyDictionary<CellKey, CellDef> cells)
    {
        var right = check.Right.Select(values.Number).ToList();
        if (right.All(v => v is null))
        {
            return null;
        }
        var expected = right.Sum(v => v ?? 0);
        var left = check.Left.Select(values.Number).ToList();
        decimal? actual = left.All(v => v is null) ? null : left.Sum(v => v ?? 0);
        if (actual is null && (check.LeftMayBeBlank || check.Relation != Relation.Equal || expected == 0))
        {
            return null;
        }
        var holds = actual is { } a && check.Relation switch
        {
            Relation.Equal => a == expected,
            Relation.AtMost => a <= expected,
            Relation.AtLeast => a >= expected,
            _ => throw new ArgumentOutOfRangeException(nameof(check), check.Relation, null),
        };
        if (holds)
        {
            return null;
        }
        return new Violation(check.Code, check.Severity, [.. check.Left, .. check.Right], expected, actual, Message(check, cells, expected, actual));
    }

    /// <summary>A sentence a clerk understands, e.g. （一）收到申请数 应等于 1.当面申请数至5.其他形式各项之和 2，实际填报 1。</summary>
    private static string Message(CrossCheck check, IReadOnlyDictionary<CellKey, CellDef> cells, decimal expected, decimal? actual)
    {
        var all = check.Left.Concat(check.Right).Select(k => cells[k]).ToList();
        var oneColumn = all.Select(c => c.Column.Code).Distinct().Count() == 1;
        var oneRow = all.Select(c => c.Row.Code).Distinct().Count() == 1;
        var manyColumns = all[0].Section.LeafColumns().Count(c => c.Kind != ValueKind.UnitText) > 1;
        string prefix;
        Func<CellDef, string> name;
        if (oneColumn && manyColumns)
        {
            prefix = $"“{ColumnPath(all[0])}”一列中，";
            name = c => c.Row.Label;
        }
        else if (oneRow && !oneColumn)
        {
            prefix = all[0].Row.Label.Length > 0 ? $"“{all[0].Row.Label}”一行中，" : "";
            name = c => ColumnPath(c);
        }
        else
        {
            prefix = "";
            name = Name;
        }
        var verb = check.Relation switch
        {
            Relation.Equal => "应等于",
            Relation.AtMost => "不应大于",
            _ => "不应小于",
        };
        var printed = actual is { } a ? (check.Left.Count == 1 ? $"实际填报 {Format(a)}" : $"实际为 {Format(a)}") : "实际为空白";
        return $"{prefix}{Describe(check.Left.Select(k => name(cells[k])).ToList())} {verb} {Describe(check.Right.Select(k => name(cells[k])).ToList())} {Format(expected)}，{printed}。";
    }

    private static string Describe(IReadOnlyList<string> names) => names.Count switch
    {
        1 => names[0],
        <= 3 => $"{string.Join("、", names.Take(names.Count - 1))}与{names[^1]}之和",
        _ => $"{names[0]}至{names[^1]}各项之和",
    };

    /// <summary>How a cell is named in messages: its row label, and its column where the section has several.</summary>
    public static string Name(CellDef cell)
    {
        var valueColumns = cell.Section.LeafColumns().Count(c => c.Kind != ValueKind.UnitText);
        if (valueColumns <= 1)
        {
            return cell.Row.Label;
        }
        return cell.Row.Label.Length == 0 ? ColumnPath(cell) : $"{cell.Row.Label}（{ColumnPath(cell)}）";
    }

    private static string ColumnPath(CellDef cell) => string.Join("·", ReportLabels.ColumnPath(cell.Section, cell.Column.Code).Skip(cell.Section.Columns.Count == 1 && cell.Section.Columns[0].Children.Count > 0 ? 1 : 0));

    private static string Format(decimal n) => n.ToString("0.############", CultureInfo.InvariantCulture);
}
