namespace Gongkai.Domain.Reports.Formats;

/// <summary>Short constructors that keep the format definitions readable as data.</summary>
internal static class Build
{
    /// <summary>A row holding values, with child rows.</summary>
    public static RowDef Row(string code, string label, params RowDef[] children) => new(code, label, children, null, true);

    /// <summary>A row of the 统计表 with its unit (null for a heading row).</summary>
    public static RowDef Stat(string code, string label, string? unit, params RowDef[] children) => new(code, label, children, unit, true);

    /// <summary>A merged group label with no values of its own.</summary>
    public static RowDef Group(string code, string label, params RowDef[] children) => new(code, label, children, null, false);

    public static ColumnDef Col(string code, string label, ValueKind kind = ValueKind.Count, string? unit = null) => new(code, label, [], kind, unit);

    public static ColumnDef ColGroup(string code, string label, params ColumnDef[] children) => new(code, label, children, ValueKind.Count);

    /// <summary><c>total = Σ parts</c> over one column.</summary>
    public static CrossCheck Sum(string code, string table, string column, string total, IEnumerable<string> parts, string basis,
        Severity severity = Severity.Error, bool totalMayBeBlank = false) =>
        new(code, severity, [new CellKey(table, total, column)], Relation.Equal,
            parts.Select(p => new CellKey(table, p, column)).ToList(), basis, totalMayBeBlank);

    /// <summary><c>part ≤ whole</c> over one column (其中 rows).</summary>
    public static CrossCheck AtMost(string code, string table, string column, string part, string whole, string basis, Severity severity = Severity.Error) =>
        new(code, severity, [new CellKey(table, part, column)], Relation.AtMost, [new CellKey(table, whole, column)], basis);

    public const string Declared = "模板载明的勾稽关系";
    public const string Implied = "由栏目含义推出的勾稽关系";
    public const string Plausibility = "合理性检查";
}
