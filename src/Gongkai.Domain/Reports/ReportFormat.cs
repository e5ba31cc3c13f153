namespace Gongkai.Domain.Reports;

/// <summary>
/// A statutory annual-report format as data: the outline of parts, the tables with their official
/// labels and stable codes, and the declared cross-checks. Rendering, checking, import and
/// computation all read this one definition.
/// </summary>
public sealed record ReportFormat(
    string Code,
    string Name,
    string Basis,
    IReadOnlyList<PartDef> Outline,
    IReadOnlyList<TableDef> Tables,
    IReadOnlyList<CrossCheck> Checks)
{
    /// <summary>
    /// Whether the template has every cell filled, 0 where there is nothing (the national templates of
    /// 国办公开办函〔2019〕60号 and 〔2021〕30号): a blank there is an omission, never a figure.
    /// The old statistics sheets were filled partly by design, and are not.
    /// </summary>
    public bool EveryCellRequired { get; init; }

    /// <summary>What the importer recognises the format by (<see cref="FormatMarks"/>); declared with the format, read by every reader.</summary>
    public FormatMarks Marks { get; init; } = FormatMarks.None;

    public TableDef Table(string code) =>
        Tables.FirstOrDefault(t => t.Code == code) ?? throw new KeyNotFoundException($"Format {Code} has no table '{code}'.");

    /// <summary>Every cell the format has, in reading order.</summary>
    public IReadOnlyList<CellDef> Cells() => CellIndex.GetValue(this, Index).List;

    /// <summary>Every cell the format has, by its key.</summary>
    public IReadOnlyDictionary<CellKey, CellDef> CellsByKey() => CellIndex.GetValue(this, Index).ByKey;

    public CellDef? FindCell(CellKey key) => CellsByKey().GetValueOrDefault(key);

    // Beside the record, not in it: a field would take part in the record's equality. Keyed by
    // identity; the import looks up cells for every check and statement of every parse.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ReportFormat, FormatCells> CellIndex = new();

    private sealed record FormatCells(IReadOnlyList<CellDef> List, IReadOnlyDictionary<CellKey, CellDef> ByKey);

    private static FormatCells Index(ReportFormat format)
    {
        var list = format.Tables.SelectMany(t => t.Cells()).ToList();
        var byKey = new Dictionary<CellKey, CellDef>();
        foreach (var cell in list)
        {
            byKey.TryAdd(cell.Key, cell);
        }
        return new FormatCells(list.AsReadOnly(), byKey);
    }
}

/// <summary>A part of the report's outline (一、总体情况 …) and the tables printed in it.</summary>
/// <summary>
/// The printed words that tell the importer a table is of this format: <see cref="Family"/> words
/// its family prints (the 2019 Regulation's 申请人情况 and 第二十条 tables, or the old 统计表's 统计指标)
/// and <see cref="Own"/> words only this format prints (a regional sheet's own rows; none for a
/// national format, which is always tried). Each as it starts a table's cell and as it stands in
/// running text, where cells run together and numbering may be lost (<see cref="LabelText.Normalize"/>
/// is applied to both). Adding a regional format means declaring its marks here, nothing in the importer.
/// </summary>
public sealed record FormatMarks(IReadOnlyList<string> Family, IReadOnlyList<string> FamilyInText, IReadOnlyList<string> Own, IReadOnlyList<string> OwnInText)
{
    public static FormatMarks None { get; } = new([], [], [], []);
}

public sealed record PartDef(string Code, string Heading, IReadOnlyList<string> TableCodes);

/// <summary>How the row labels of a table are laid out.</summary>
public enum LabelLayout
{
    /// <summary>One label column per level, group labels spanning their rows (the 2019/2021 templates).</summary>
    Nested,

    /// <summary>One label column, levels shown by indentation (the pre-2019 统计表).</summary>
    Indented,
}

/// <summary>A table of the report. Its sections share the table but each has its own columns (the 第二十条 table has five).</summary>
public sealed record TableDef(
    string Code,
    string Title,
    IReadOnlyList<SectionDef> Sections,
    LabelLayout Layout,
    string? CornerNote = null)
{
    public IEnumerable<CellDef> Cells() => Sections.SelectMany(s => s.Cells(this));

    public IEnumerable<RowDef> AllRows() => Sections.SelectMany(s => s.Rows.SelectMany(r => r.SelfAndDescendants()));
}

/// <summary>
/// A block of a table: an optional title row (第二十条第（一）项), the header of the label column
/// (信息内容, 统计指标), its columns and its rows.
/// </summary>
public sealed record SectionDef(
    string? Title,
    string? LabelHeader,
    IReadOnlyList<ColumnDef> Columns,
    IReadOnlyList<RowDef> Rows)
{
    public IReadOnlyList<ColumnDef> LeafColumns() => Leaves.GetValue(this, s => s.Columns.SelectMany(c => c.Leaves()).ToList().AsReadOnly());

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SectionDef, IReadOnlyList<ColumnDef>> Leaves = new();

    public IEnumerable<CellDef> Cells(TableDef table)
    {
        var columns = LeafColumns();
        foreach (var row in Rows.SelectMany(r => r.SelfAndDescendants()).Where(r => r.HasCells))
        {
            foreach (var column in columns)
            {
                yield return new CellDef(table, this, row, column);
            }
        }
    }
}

/// <summary>The kind of value a cell holds.</summary>
public enum ValueKind
{
    /// <summary>A non-negative whole number (件, 条, 次 …).</summary>
    Count,

    /// <summary>A whole number that may be negative (2019 本年增/减).</summary>
    SignedCount,

    /// <summary>A non-negative amount printed with its unit inside the cell (2019 采购总金额: "251000元").</summary>
    Amount,

    /// <summary>A non-negative decimal in 万元.</summary>
    WanYuan,

    /// <summary>Text: the unit column of the pre-2019 统计表.</summary>
    UnitText,
}

/// <summary>A row of a table, with its official label, its stable code and its child rows.</summary>
/// <param name="Unit">The unit the pre-2019 统计表 prints for the row (条, 件, 万元 …), or null.</param>
/// <param name="HasCells">Whether the row holds values; a merged group label (三、本年度办理结果) does not.</param>
public sealed record RowDef(string Code, string Label, IReadOnlyList<RowDef> Children, string? Unit, bool HasCells)
{
    public IEnumerable<RowDef> SelfAndDescendants()
    {
        yield return this;
        foreach (var d in Children.SelectMany(c => c.SelfAndDescendants()))
        {
            yield return d;
        }
    }

    public int Depth() => Children.Count == 0 ? 1 : 1 + Children.Max(c => c.Depth());
}

/// <summary>A column of a table, with its official label, its stable code and its sub-columns.</summary>
public sealed record ColumnDef(string Code, string Label, IReadOnlyList<ColumnDef> Children, ValueKind Kind, string? Unit = null)
{
    public IEnumerable<ColumnDef> Leaves() => Children.Count == 0 ? [this] : Children.SelectMany(c => c.Leaves());

    public int Depth() => Children.Count == 0 ? 1 : 1 + Children.Max(c => c.Depth());
}

/// <summary>One cell of a format: where it is, what its labels are and what kind of value it takes.</summary>
public sealed record CellDef(TableDef Table, SectionDef Section, RowDef Row, ColumnDef Column)
{
    public CellKey Key => new(Table.Code, Row.Code, Column.Code);

    /// <summary>The value kind: a 万元 row of the 统计表 takes decimals though its column is a count column.</summary>
    public ValueKind Kind => Column.Kind == ValueKind.Count && Row.Unit == "万元" ? ValueKind.WanYuan : Column.Kind;

    public string? Unit => Column.Kind == ValueKind.UnitText ? null : Row.Unit ?? Column.Unit;
}
