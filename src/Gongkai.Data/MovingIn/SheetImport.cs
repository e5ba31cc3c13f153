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
/// <param name="Columns">Which column of the sheet each field was read from, where the import lets the office choose (the ledger).</param>
public sealed record ImportPreview(IReadOnlyList<ImportRow> Rows, string? Problem = null, IReadOnlyList<ColumnUse>? Columns = null)
{
    public int Count(RowFate fate) => Rows.Count(r => r.Fate == fate);

    public bool HasWork => Problem is null && Rows.Any(r => r.Fate is RowFate.New or RowFate.Changed);
}

/// <summary>One field of an import and the sheet's column it is read from (<see cref="Header"/> null: none).</summary>
/// <param name="Column">The column's letter as Excel shows it (A, B, … AA).</param>
/// <param name="Skipped">The office chose not to import the field, whatever column has its name.</param>
public sealed record ColumnUse(string Field, bool Required, string? Header, string? Column, bool Skipped = false);

/// <summary>
/// The header row of a sheet, read by the columns' Chinese names (and their common variants), so
/// the columns may come in any order and unknown ones are ignored. Where an office names a column
/// its own way (登记日期 for 收到日期), a chosen mapping says which header a field is read from;
/// <see cref="NotImported"/> leaves a field unread even when a column has its name.
/// </summary>
public sealed class SheetColumns
{
    /// <summary>The header chosen for a field that is not to be read.</summary>
    public const string NotImported = "-";

    private readonly Dictionary<string, int> _index;

    private SheetColumns(Dictionary<string, int> index) => _index = index;

    /// <param name="known">Each column's name and the other names offices write for it.</param>
    /// <param name="chosen">A field's header as the office chose it (field → header); a header the sheet lacks is ignored.</param>
    /// <returns>The columns, or the names of the required ones missing.</returns>
    public static (SheetColumns? Columns, string? Problem) Read(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyDictionary<string, string[]> known,
        IReadOnlyCollection<string> required, IReadOnlyDictionary<string, string>? chosen = null)
    {
        if (rows.Count == 0)
        {
            return (null, "表格是空的：第一行应为列名。");
        }
        var index = Map(rows[0], known, chosen);
        var missing = required.Where(r => !index.ContainsKey(r)).ToList();
        return missing.Count > 0
            ? (null, $"第一行缺少必需的列：{string.Join("、", missing)}（列名见 docs/moving-in.md）。")
            : (new SheetColumns(index), null);
    }

    /// <summary>Each known field, in order, with the column it is read from under <paramref name="chosen"/> (for the preview to show and change).</summary>
    public static IReadOnlyList<ColumnUse> Uses(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyDictionary<string, string[]> known,
        IReadOnlyCollection<string> required, IReadOnlyDictionary<string, string>? chosen = null)
    {
        var header = rows.Count > 0 ? rows[0] : [];
        var index = Map(header, known, chosen);
        return known.Keys.Select(field => index.TryGetValue(field, out var i)
            ? new ColumnUse(field, required.Contains(field), header[i].Trim(), Letter(i))
            : new ColumnUse(field, required.Contains(field), null, null, chosen?.GetValueOrDefault(field) == NotImported)).ToList();
    }

    private static Dictionary<string, int> Map(IReadOnlyList<string> header, IReadOnlyDictionary<string, string[]> known, IReadOnlyDictionary<string, string>? chosen)
    {
        var index = new Dictionary<string, int>();
        var names = header.Select(Normalize).ToList();
        var skipped = new HashSet<string>();
        foreach (var (field, wanted) in chosen ?? new Dictionary<string, string>())
        {
            if (!known.ContainsKey(field) || string.IsNullOrWhiteSpace(wanted))
            {
                continue;
            }
            if (wanted == NotImported)
            {
                skipped.Add(field);
            }
            else if (names.IndexOf(Normalize(wanted)) is var i and >= 0 && !index.ContainsValue(i))
            {
                index[field] = i;
            }
        }
        for (var i = 0; i < names.Count; i++)
        {
            if (index.ContainsValue(i))
            {
                continue;
            }
            if (known.FirstOrDefault(k => Normalize(k.Key) == names[i] || k.Value.Any(v => Normalize(v) == names[i])) is { Key: { } name }
                && !index.ContainsKey(name) && !skipped.Contains(name))
            {
                index[name] = i;
            }
        }
        return index;
    }

    /// <summary>The cell of <paramref name="column"/> in <paramref name="row"/>, trimmed; empty when the column or the cell is absent.</summary>
    public string Cell(IReadOnlyList<string> row, string column) => _index.TryGetValue(column, out var i) && i < row.Count ? row[i].Trim() : "";

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>A date as offices type it (2026-03-02, 2026/3/2, 2026.3.2; a time after it ignored), or null.</summary>
    public static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Replace('/', '-').Replace('.', '-').Split(' ')[0], ["yyyy-M-d", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A column's letter as Excel names it: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : Letter(index / 26 - 1) + (char)('A' + index % 26);

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
