namespace Gongkai.Data.MovingIn;

/// <summary>What an import does with one row of the sheet.</summary>
public enum RowFate
{
    New,
    Changed,
    Unchanged,

    /// <summary>Not imported; the reason says why, in Chinese.</summary>
    Refused,
}

/// <param name="Line">The row's line in the sheet (the header is line 1), as the office sees it in Excel.</param>
/// <param name="Key">What the row is about (a short code, a user name).</param>
/// <param name="Detail">The reason of a refusal, or what changes.</param>
public sealed record ImportRow(int Line, string Key, RowFate Fate, string Detail);

/// <summary>
/// What an import would do, row by row, before anything is written; <see cref="Problem"/> when the
/// sheet itself cannot be read (a column missing). Applying writes the new and changed rows in one
/// transaction; refused rows are left out, nothing is ever deleted, and a second run of the same
/// sheet finds every row unchanged.
/// </summary>
public sealed record ImportPreview(IReadOnlyList<ImportRow> Rows, string? Problem = null)
{
    public int Count(RowFate fate) => Rows.Count(r => r.Fate == fate);

    public bool HasWork => Problem is null && Rows.Any(r => r.Fate is RowFate.New or RowFate.Changed);
}

/// <summary>
/// The header row of a sheet, read by the columns' Chinese names (and their common variants), so
/// the columns may come in any order and unknown ones are ignored.
/// </summary>
public sealed class SheetColumns
{
    private readonly Dictionary<string, int> _index;

    private SheetColumns(Dictionary<string, int> index) => _index = index;

    /// <param name="known">Each column's name and the other names offices write for it.</param>
    /// <returns>The columns, or the names of the required ones missing.</returns>
    public static (SheetColumns? Columns, string? Problem) Read(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyDictionary<string, string[]> known, IReadOnlyCollection<string> required)
    {
        if (rows.Count == 0)
        {
            return (null, "表格是空的：第一行应为列名。");
        }
        var index = new Dictionary<string, int>();
        for (var i = 0; i < rows[0].Count; i++)
        {
            var header = Normalize(rows[0][i]);
            if (known.FirstOrDefault(k => Normalize(k.Key) == header || k.Value.Any(v => Normalize(v) == header)) is { Key: { } name } && !index.ContainsKey(name))
            {
                index[name] = i;
            }
        }
        var missing = required.Where(r => !index.ContainsKey(r)).ToList();
        return missing.Count > 0
            ? (null, $"第一行缺少必需的列：{string.Join("、", missing)}（列名见 docs/moving-in.md）。")
            : (new SheetColumns(index), null);
    }

    /// <summary>The cell of <paramref name="column"/> in <paramref name="row"/>, trimmed; empty when the column or the cell is absent.</summary>
    public string Cell(IReadOnlyList<string> row, string column) => _index.TryGetValue(column, out var i) && i < row.Count ? row[i].Trim() : "";

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>A date as offices type it (2026-03-02, 2026/3/2, 2026.3.2; a time after it ignored), or null.</summary>
    public static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Replace('/', '-').Replace('.', '-').Split(' ')[0], ["yyyy-M-d", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    private static string Normalize(string header) => new(header.Where(c => !char.IsWhiteSpace(c) && c is not ('*' or '＊' or '（' or '）' or '(' or ')')).ToArray());
}

public static class ImportText
{
    public static string Label(RowFate fate) => fate switch
    {
        RowFate.New => "新增",
        RowFate.Changed => "修改",
        RowFate.Unchanged => "不变",
        RowFate.Refused => "拒绝",
        _ => throw new ArgumentOutOfRangeException(nameof(fate), fate, null),
    };
}
