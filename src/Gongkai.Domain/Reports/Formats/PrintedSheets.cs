using System.Security.Cryptography;
using System.Text;
using static Gongkai.Domain.Reports.Formats.Build;

namespace Gongkai.Domain.Reports.Formats;

/// <summary>A row of a statistics sheet as an agency printed it: its label (with its number), unit and child rows.</summary>
public sealed record SheetRow(string Label, string? Unit, IReadOnlyList<SheetRow> Children);

/// <summary>
/// The local statistics sheets of the years before 2019 that follow no national or provincial
/// layout we define (the Fujian sheet with its YYYY年度 and 历年累计 columns, older county forms
/// with 年末统计 or 数量): a format made from the sheet as printed, rows and columns with their
/// printed labels. Its code names its layout (<c>legacy-sheet-</c> and a digest of the labels), so
/// reports printed on the same sheet share a format and roll up together. A 其中 row is a part of
/// the row above it, and a row that names a total (…总数) is the sum of its parts.
/// </summary>
public static class PrintedSheets
{
    public const string Prefix = "legacy-sheet-";
    public const string Table = "stats";
    public const string Unit = "unit";

    /// <summary>The units a sheet's 计量单位 column prints (SheetReader's row pattern spells the same list).</summary>
    public static IReadOnlySet<string> Units { get; } = new HashSet<string> { "万元", "人次", "条", "件", "元", "个", "人", "次", "篇", "期", "份" };
    public const string Name = "政府信息公开情况统计表（按原表栏目）";

    public static bool IsSheet(string formatCode) => formatCode.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>A sheet's format, made anew each time (the report carries it: <see cref="AnnualReport.Sheet"/>; stored, its cells carry the layout).</summary>
    public static ReportFormat Format(IReadOnlyList<string> columns, IReadOnlyList<SheetRow> rows)
    {
        var rowDefs = rows.Select((r, i) => Row(r, $"r{i + 1}")).ToList();
        var columnDefs = new List<ColumnDef> { Col(Unit, "计量单位", ValueKind.UnitText) };
        columnDefs.AddRange(columns.Select((c, i) => Col($"c{i + 1}", c)));
        var table = new TableDef(Table, "政府信息公开情况统计表", [new SectionDef(null, "指标名称", columnDefs, rowDefs)], LabelLayout.Indented);
        return new ReportFormat(Prefix + Digest(columns, rows), Name, LegacyFormats.Basis, LegacyFormats.Outline, [table],
            [.. rowDefs.SelectMany(r => r.SelfAndDescendants()).Where(r => r.Children.Count > 0).SelectMany(r => Checks(r, columns.Count))]);
    }

    private static RowDef Row(SheetRow row, string code) =>
        Stat(code, row.Label, row.Unit, [.. row.Children.Select((c, i) => Row(c, $"{code}.{i + 1}"))]);

    /// <summary>
    /// A total (受理政府信息公开申请总数, 对申请的答复总数) is the sum of its parts; any other row is at
    /// least the sum of its 其中 rows, and a plausibility warning when it is not equal to it.
    /// </summary>
    private static IEnumerable<CrossCheck> Checks(RowDef row, int columns)
    {
        var total = row.Label.Contains("总数", StringComparison.Ordinal);
        for (var c = 1; c <= columns; c++)
        {
            var parts = row.Children.Select(x => x.Code).ToList();
            if (total)
            {
                yield return Sum($"{row.Code}.c{c}.sum", Table, $"c{c}", row.Code, parts, Implied);
                continue;
            }
            yield return new CrossCheck($"{row.Code}.c{c}.parts", Severity.Error, [new CellKey(Table, row.Code, $"c{c}")], Relation.AtLeast,
                parts.Select(p => new CellKey(Table, p, $"c{c}")).ToList(), "“其中”各项之和不超过总数");
            yield return Sum($"{row.Code}.c{c}.sum", Table, $"c{c}", row.Code, parts, Plausibility, Severity.Warning);
        }
    }

    private static string Digest(IReadOnlyList<string> columns, IReadOnlyList<SheetRow> rows)
    {
        var text = new StringBuilder(string.Join("|", columns)).Append('\n');
        void Add(SheetRow row, int depth)
        {
            text.Append(depth).Append('|').Append(row.Label).Append('|').Append(row.Unit).Append('\n');
            foreach (var child in row.Children)
            {
                Add(child, depth + 1);
            }
        }
        foreach (var row in rows)
        {
            Add(row, 0);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..10];
    }
}
