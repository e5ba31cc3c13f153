using Gongkai.Domain.Reports.Import.TableLayout;

namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Lays the rows of printed tables onto the tables of one format: row labels are matched to the
/// official labels with <see cref="LabelText"/>, near the previous matched row first (the same
/// label, e.g. （二）被依法纠错数, stands under several headings), and values are read with the
/// kind of their cell. What a row is decides an ordered list of named rules (<see cref="Rules"/>,
/// docs/import.md); the aligner keeps the state they share and places figures.
/// </summary>
internal sealed class TableAligner(ReportFormat format, TextMemo memo)
{
    /// <summary>The rules, in order: the first that takes a row decides it; a row none takes is kept as not recognised.</summary>
    public static IReadOnlyList<IRowRule> Rules { get; } =
    [
        new ColumnHeaderRow(), new LabelledRow(), new GroupRowAlone(), new RestOfWrappedLabel(),
        new ShortFirstLineJoined(), new LabelDownItsColumn(), new UnlabelledAppealsRow(), new HeaderWrappedInCells(),
    ];

    public ReportValues Values { get; } = new();
    public Dictionary<CellKey, CellSource> Sources { get; } = new();
    public List<UnrecognisedRow> Unrecognised { get; } = new();

    /// <summary>Cells of rows found but not filled, with the reason.</summary>
    public List<BlankCell> Blank { get; } = new();

    /// <summary>Rows left blank whose figures have several possible placements, for the table's sums to decide (<see cref="RowSplits.Settle"/>).</summary>
    public List<RowSplits.Row> Undecided { get; } = new();
    public int MatchedRows { get; set; }
    public int HeaderMatches { get; set; }

    public ReportFormat Format => format;
    public TextMemo Memo => memo;
    public FormatIndex Index { get; } = FormatIndex.For(format);

    /// <summary>The table and section the rows are in now (set by a header, a section title or a matched row).</summary>
    public TableDef? Table { get; set; }
    public SectionDef? Section { get; set; }
    public RowDef? LastRow { get; private set; }

    /// <summary>The label of <see cref="LastRow"/> as printed so far, normalised.</summary>
    public string LastLabel { get; set; } = "";

    /// <summary>Whether the next line may still be the rest of <see cref="LastRow"/>: no unknown row came between.</summary>
    public bool Open { get; private set; }

    /// <summary>
    /// Whether a header came after <see cref="LastRow"/> (a page break): its label may go on after
    /// it, but figures after it are not taken for its own.
    /// </summary>
    public bool AfterHeader { get; set; }

    /// <summary>The figures of the last row when it printed fewer than its columns (left blank).</summary>
    public (RowDef Row, IReadOnlyList<SourceCell> Cells)? ShortRow { get; set; }
    public HashSet<RowDef> Filled { get; } = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, IReadOnlyList<FormatIndex.Entry>> _named = new();

    public IReadOnlyList<FormatIndex.Entry> Named(string label)
    {
        if (!_named.TryGetValue(label, out var entries))
        {
            _named[label] = entries = Index.Named(label);
        }
        return entries;
    }

    /// <summary>Rows matched less rows not recognised: the format whose rows the report prints scores highest.</summary>
    public int Score => MatchedRows - Unrecognised.Count;

    /// <summary>
    /// Lays every row of <paramref name="tables"/> onto the format — unless its score can no longer
    /// reach <paramref name="toBeat"/> (another format's): a row adds at most one to the score, so a
    /// format further behind than it has rows left cannot be the report's, and false says so.
    /// </summary>
    public bool AddAll(IReadOnlyList<SourceTable> tables, int? toBeat)
    {
        var unread = tables.Sum(MostRows);
        foreach (var table in tables)
        {
            unread -= MostRows(table);
            var rows = (table.CellStream ? CellStreamRows.Cut(this, table) : table.Rows).ToArray();
            for (var i = 0; i < rows.Length; i++)
            {
                i += AddRow(rows, i);
                if (Score + (rows.Length - i - 1) + unread < toBeat)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The most rows a table can give: a stream of cells is cut into rows of at least one cell.</summary>
    private static int MostRows(SourceTable table) => table.CellStream ? table.Rows.Sum(r => r.Cells.Count) : table.Rows.Count;

    /// <summary>A row's cells trimmed, where its labels end (the cells before the first figure are labels), and the labels printed.</summary>
    public PrintedRow Read(SourceRow row, SourceRow? next)
    {
        var texts = new List<string>(row.Cells.Count);
        foreach (var cell in row.Cells)
        {
            texts.Add(cell.Text.Trim());
        }
        var figures = texts.FindIndex(IsNumber);
        var labelEnd = figures < 0 ? texts.Count : figures;
        return new PrintedRow(row, next, texts, labelEnd, Labels(texts, labelEnd));
    }

    /// <summary>Lays row <paramref name="at"/> onto the format; how many rows after it it took with it (the rest of its wrapped label).</summary>
    private int AddRow(SourceRow[] rows, int at)
    {
        var row = rows[at];
        var printed = Read(row, at + 1 < rows.Length ? rows[at + 1] : null);
        printed.Table = (rows, at);
        if (printed.Texts.All(t => t.Length == 0))
        {
            return 0;
        }
        foreach (var rule in Rules)
        {
            if (rule.Apply(this, printed) is { Taken: true } taken)
            {
                return taken.Following;
            }
        }
        Open = false;
        Unrecognised.Add(new UnrecognisedRow(string.Join(" / ", printed.Labels.Where(t => !CellText.Units.Contains(t))), printed.Texts, row.Location));
        return 0;
    }

    /// <summary>The pieces of a printed label set one space apart (a group label's piece beside a row's label).</summary>
    public static string[] Pieces(string label) => label.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A piece of a group's label (年度办, 予公开): no row's label of its own, part of a group row's.</summary>
    public bool GroupPiece(string normalized) =>
        normalized.Length > 0 && (Section is null ? Index.AllGroupText : Index.GroupText(Section)).Contains(normalized, StringComparison.Ordinal)
        && Named(normalized).Count == 0;

    /// <summary>Whether a row's printed cells are one to each of the section's columns (its unit printed or not).</summary>
    public static bool Whole(SectionDef section, int count) =>
        count == section.LeafColumns().Count || count == section.LeafColumns().Count(c => c.Kind != ValueKind.UnitText);

    /// <summary>Takes back the figures placed in a row: they are not certain after all.</summary>
    public void Unfill(RowDef rowDef, SectionDef section, string reason, BlankCode code)
    {
        foreach (var column in section.LeafColumns().Where(c => c.Kind != ValueKind.UnitText))
        {
            var key = new CellKey(Table!.Code, rowDef.Code, column.Code);
            Values.Set(key, null);
            Sources.Remove(key);
            Blank.RemoveAll(b => b.Key == key);
            Blank.Add(new BlankCell(key, reason, code));
        }
    }

    /// <summary>The cells before <paramref name="end"/> that print something.</summary>
    public static List<string> Labels(List<string> texts, int end)
    {
        var labels = new List<string>(end);
        for (var i = 0; i < end; i++)
        {
            if (texts[i].Length > 0)
            {
                labels.Add(texts[i]);
            }
        }
        return labels;
    }

    /// <summary>A row found: it is the last row now, its figures (if it has cells) placed.</summary>
    public void Accept((TableDef Table, SectionDef Section, RowDef Row) match, string label, IReadOnlyList<SourceCell> values)
    {
        (Table, Section, LastRow) = match;
        (LastLabel, Open, AfterHeader) = (memo.Normalize(label), true, false);
        if (match.Row.HasCells && values.Count > 0)
        {
            Fill(match.Row, match.Section, values);
        }
        MatchedRows++;
    }

    public void Fill(RowDef rowDef, SectionDef section, IReadOnlyList<SourceCell> cells)
    {
        var columns = section.LeafColumns();
        var values = columns.Count(c => c.Kind != ValueKind.UnitText);
        if (cells.Count < columns.Count && cells.Count != values)
        {
            // A row short of figures (cells lost in a conversion, a row split across tables): which
            // column each figure is in is not certain, so none is placed.
            Blank.AddRange(columns.Where(c => c.Kind != ValueKind.UnitText).Select(c => new BlankCell(new CellKey(Table!.Code, rowDef.Code, c.Code),
                $"该行只印出 {cells.Count} 格，少于 {values} 栏，无法确定各数字所在的栏", BlankCode.ShortRow)));
            Filled.Add(rowDef);
            ShortRow = (rowDef, cells);
            return;
        }
        // Only the unit was not printed: the figures are the value columns.
        var offset = Math.Max(0, columns.Count - cells.Count);
        for (var i = 0; i < Math.Min(columns.Count, cells.Count); i++)
        {
            var cell = new CellDef(Table!, section, rowDef, columns[offset + i]);
            var printed = cells[i].Text.Trim();
            var (value, problem) = CellText.Parse(printed, cell.Kind);
            if (problem is not null)
            {
                value = CellValue.OfText(printed);
            }
            if (value is not null)
            {
                Values.Set(cell.Key, value);
            }
            Sources[cell.Key] = new CellSource(cells[i].Location, printed);
        }
        Filled.Add(rowDef);
    }

    public bool IsNumber(string text) => memo.IsNumber(text);

    /// <summary>
    /// The row a printed label chain names: of the rows with that label (not yet filled, of the
    /// right width), the nearest to the last matched row — its child, its sibling, its parent's
    /// sibling …, then the same section, then anywhere; the printed group labels decide a tie.
    /// </summary>
    public (TableDef, SectionDef, RowDef)? FindRow(IReadOnlyList<string> labels, int? width)
    {
        var label = memo.Normalize(labels[^1]);
        var possible = Named(label).Where(c => !Filled.Contains(c.Row) && (width is null || (c.Row.HasCells && c.Width == width))).ToList();
        if (possible.Count <= 1)
        {
            return possible.Count == 0 ? null : (possible[0].Table, possible[0].Section, possible[0].Row);
        }
        var context = labels.Take(labels.Count - 1).Select(memo.Normalize).ToList();
        foreach (var group in possible.GroupBy(Nearness).OrderBy(g => g.Key))
        {
            var hits = group.ToList();
            if (hits.Count > 1 && context.Count > 0)
            {
                hits = hits.Where(h => Ancestors(h.Row).Any(a => context.Any(c => Same(c, Index[a].Label)))).ToList();
            }
            if (hits.Count == 1)
            {
                return (hits[0].Table, hits[0].Section, hits[0].Row);
            }
        }
        return null;
    }

    /// <summary>0 a child of the last matched row, 1 its sibling, 2 its parent's sibling …; then the same section; then anywhere.</summary>
    private int Nearness(FormatIndex.Entry candidate)
    {
        const int sameSection = 100, anywhere = 101;
        if (Section is null || !ReferenceEquals(candidate.Section, Section))
        {
            return anywhere;
        }
        if (LastRow is null || !ReferenceEquals(Index[LastRow].Section, Section))
        {
            return sameSection;
        }
        var parent = Index.ParentOf(candidate.Row);
        var level = 0;
        for (RowDef? up = LastRow; ; up = Index.ParentOf(up), level++)
        {
            if (ReferenceEquals(parent, up))
            {
                return level;
            }
            if (up is null)
            {
                return sameSection;
            }
        }
    }

    /// <summary>The rule of <see cref="LabelText.Matches"/> on labels both already normalised.</summary>
    public static bool Same(string printed, string official) =>
        printed == official || (printed.Length >= LabelText.MinimumPrefix && official.StartsWith(printed, StringComparison.Ordinal));

    private IEnumerable<RowDef> Ancestors(RowDef row)
    {
        for (var p = Index.ParentOf(row); p is not null; p = Index.ParentOf(p))
        {
            yield return p;
        }
    }
}
