namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Lays the rows of printed tables onto the tables of one format: row labels are matched to the
/// official labels with <see cref="LabelText"/>, near the previous matched row first (the same
/// label, e.g. （二）被依法纠错数, stands under several headings), and values are read with the
/// kind of their cell.
/// </summary>
internal sealed class TableAligner(ReportFormat format, TextMemo memo)
{
    public ReportValues Values { get; } = new();
    public Dictionary<CellKey, CellSource> Sources { get; } = new();
    public List<UnrecognisedRow> Unrecognised { get; } = new();

    /// <summary>Cells of rows found but not filled, with the reason.</summary>
    public List<BlankCell> Blank { get; } = new();
    public int MatchedRows { get; private set; }
    public int HeaderMatches { get; private set; }

    private readonly FormatIndex _index = FormatIndex.For(format);
    private TableDef? _table;
    private SectionDef? _section;
    private RowDef? _lastRow;

    /// <summary>The label of <see cref="_lastRow"/> as printed so far, normalised.</summary>
    private string _lastLabel = "";

    /// <summary>Whether the next line may still be the rest of <see cref="_lastRow"/>: no unknown row came between.</summary>
    private bool _open;

    /// <summary>
    /// Whether a header came after <see cref="_lastRow"/> (a page break): its label may go on after
    /// it, but figures after it are not taken for its own.
    /// </summary>
    private bool _afterHeader;

    /// <summary>The figures of the last row when it printed fewer than its columns (left blank).</summary>
    private (RowDef Row, IReadOnlyList<SourceCell> Cells)? _short;
    private readonly HashSet<RowDef> _filled = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, IReadOnlyList<FormatIndex.Entry>> _named = new();

    private IReadOnlyList<FormatIndex.Entry> Named(string label)
    {
        if (!_named.TryGetValue(label, out var entries))
        {
            _named[label] = entries = _index.Named(label);
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
            var rows = table.CellStream ? Chunk(table) : table.Rows;
            for (var i = 0; i < rows.Count; i++)
            {
                if (AddRow(rows[i], i + 1 < rows.Count ? rows[i + 1] : null))
                {
                    i++;
                }
                if (Score + (rows.Count - i - 1) + unread < toBeat)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The most rows a table can give: a stream of cells is cut into rows of at least one cell.</summary>
    private static int MostRows(SourceTable table) => table.CellStream ? table.Rows.Sum(r => r.Cells.Count) : table.Rows.Count;

    /// <summary>Cuts a stream of cells into rows as wide as its header (统计指标 | 单位 | 统计数).</summary>
    private IReadOnlyList<SourceRow> Chunk(SourceTable table)
    {
        var cells = table.Rows.SelectMany(r => r.Cells).ToList();
        var width = _index.Widths.Max() + 1;
        var header = _index.LabelHeader is { } h ? memo.Normalize(h) : null;
        var start = header is null ? -1 : cells.FindIndex(c => memo.Normalize(c.Text) == header);
        if (start < 0)
        {
            return table.Rows;
        }
        var rows = new List<SourceRow> { new(cells.Skip(start).Take(width).ToList(), cells[start].Location) };
        for (var i = start + width; i < cells.Count; i += width)
        {
            rows.Add(new SourceRow(cells.Skip(i).Take(width).ToList(), cells[i].Location));
        }
        HeaderMatches += 1;
        return rows;
    }

    /// <summary>A row's cells trimmed, and where its labels end: the cells before the first figure are labels.</summary>
    private (List<string> Texts, int LabelEnd) Read(SourceRow row)
    {
        var texts = new List<string>(row.Cells.Count);
        foreach (var cell in row.Cells)
        {
            texts.Add(cell.Text.Trim());
        }
        var figures = texts.FindIndex(IsNumber);
        return (texts, figures < 0 ? texts.Count : figures);
    }

    /// <summary>Lays one row onto the format; true when it took <paramref name="next"/> with it (the rest of its wrapped label).</summary>
    private bool AddRow(SourceRow row, SourceRow? next)
    {
        var (texts, labelEnd) = Read(row);
        if (texts.All(t => t.Length == 0))
        {
            return false;
        }
        if (IsHeader(texts))
        {
            _afterHeader = true;
            return false;
        }
        // Which cells are labels depends on how many value columns the row's section has: try the
        // current section's width first, then every other width of the format.
        var current = _section?.LeafColumns().Count ?? -1;
        // A unit printed before the first figure (条 | 6481) is a value column's cell of a 统计表.
        var valueStart = labelEnd > 0 && labelEnd < texts.Count && CellText.Units.Contains(texts[labelEnd - 1]) ? labelEnd - 1 : labelEnd;
        foreach (var width in _index.Widths.Where(w => w == current).Concat(_index.Widths.Where(w => w != current)))
        {
            var end = TrailingEmptyCells.End(texts, valueStart, width);
            if (end <= width)
            {
                continue;
            }
            var labels = Labels(texts, Math.Min(labelEnd, end - width));
            if (labels.Count == 0 || FindRow(labels, width) is not { } found)
            {
                continue;
            }
            Accept(found, labels[^1], row.Cells.Skip(end - width).Take(width).ToList());
            return false;
        }

        // A label row with no values (三、本年度办理结果 on a line of its own), or a row shorter than its section.
        var alone = Labels(texts, labelEnd);
        if (alone.Count > 0 && FindRow(alone, null) is { } group)
        {
            Accept(group, alone[^1], row.Cells.Skip(labelEnd).ToList());
            return false;
        }
        if (RestOfLastLabel(alone))
        {
            if (labelEnd == texts.Count)
            {
                return false;
            }
            // The figures of a row whose label was printed without them, on the line of the label's
            // rest or a line of their own (pdftotext -layout of a label wrapped in its cell).
            var values = row.Cells.Skip(texts.FindIndex(t => CellText.Units.Contains(t) || IsNumber(t))).ToList();
            // Figures after a page's header are not the row's before it (_afterHeader).
            if (!_afterHeader && _lastRow is { HasCells: true } pending && !_filled.Contains(pending) && ReferenceEquals(_index[pending].Section, _section) && Whole(_section, values.Count))
            {
                Fill(pending, _section, values);
                return false;
            }
            if (!_afterHeader && _short is { } split && ReferenceEquals(split.Row, _lastRow) && ReferenceEquals(_index[split.Row].Section, _section) && Whole(_section, split.Cells.Count + values.Count))
            {
                // A row's figures on two lines, some beside the label's first line and the rest beside
                // its second: which columns are on which line is not printed, so they are certain only
                // when they are all the same figure (a row of zeros).
                _short = null;
                var cells = split.Cells.Concat(values).ToList();
                if (cells.Select(c => c.Text.Trim()).Distinct().Count() == 1)
                {
                    _filled.Remove(split.Row);
                    Blank.RemoveAll(b => b.Key.Row == split.Row.Code && b.Key.Table == _table!.Code);
                    Fill(split.Row, _section, cells);
                }
                else
                {
                    Unfill(split.Row, _section, $"该行的数字分两处印出（{split.Cells.Count} 格与 {values.Count} 格），无法确定各数字所在的栏", BlankCode.SplitOverTwoLines);
                }
                return false;
            }
        }
        if (alone.Count > 0 && next is not null && JoinNext(alone, labelEnd < texts.Count ? row.Cells.Skip(labelEnd).ToList() : null, next))
        {
            return true;
        }
        if (alone.Count == 0)
        {
            // No label: the one-row appeals table, its 15 numbers alone.
            var numbers = texts.SkipWhile(t => t.Length == 0).ToList();
            var unlabelled = format.Tables.SelectMany(t => t.Sections.Select(s => (t, s)))
                .FirstOrDefault(x => x.s.Rows.Count == 1 && x.s.Rows[0].Label.Length == 0 && x.s.LeafColumns().Count <= texts.Count && x.s.LeafColumns().Count >= numbers.Count);
            // Blank cells are allowed (a report may leave most of the row blank); text is not.
            if (unlabelled.t is not null && numbers.Any(IsNumber) && numbers.Where(t => t.Length > 0).All(IsNumber))
            {
                var width = unlabelled.s.LeafColumns().Count;
                (_table, _section) = (unlabelled.t, unlabelled.s);
                if (_filled.Contains(unlabelled.s.Rows[0]))
                {
                    // A second line of figures for the one-row table: a figure too wide for its
                    // narrow column wraps onto the next line ("118" over "4"), so neither line is certain.
                    Unfill(unlabelled.s.Rows[0], unlabelled.s, "该表印出不止一行数字（数字可能在栏内折行），无法确定各栏数字", BlankCode.WrappedInColumn);
                    return false;
                }
                Fill(unlabelled.s.Rows[0], unlabelled.s, row.Cells.Skip(row.Cells.Count - width).ToList());
                MatchedRows++;
                return false;
            }
        }
        if (labelEnd == texts.Count && alone.SelectMany(Pieces).All(HeaderPiece))
        {
            // A header whose labels wrapped in their narrow cells (统计指标 | 单 统计 over 位 数).
            _afterHeader = true;
            return false;
        }
        _open = false;
        Unrecognised.Add(new UnrecognisedRow(string.Join(" / ", alone.Where(t => !CellText.Units.Contains(t))), texts, row.Location));
        return false;
    }

    /// <summary>The pieces of a printed label set one space apart (a group label's piece beside a row's label).</summary>
    private static string[] Pieces(string label) => label.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Part of a column label of the format, and no row's label.</summary>
    private bool HeaderPiece(string piece)
    {
        var text = memo.Normalize(piece);
        return text.Length > 0 && _index.HeaderText.Contains(text, StringComparison.Ordinal) && Named(text).Count == 0;
    }

    /// <summary>
    /// Whether the labels of a row are what a label wrapped in its cell leaves on the next lines
    /// (pdftotext -layout): the rest of the last row's own label, pieces of a group's label printed
    /// down its narrow column (三、本 / 年度办 / 理结果), units. The last row's label grows by its rest.
    /// </summary>
    private bool RestOfLastLabel(List<string> labels)
    {
        if (_lastRow is null || _section is null || !_open)
        {
            return false;
        }
        var official = _index[_lastRow].Label;
        var printed = _lastLabel;
        foreach (var token in labels.SelectMany(Pieces))
        {
            if (CellText.Units.Contains(token))
            {
                continue;
            }
            var text = memo.Normalize(token);
            if (official.StartsWith(printed, StringComparison.Ordinal) && official.AsSpan(printed.Length).StartsWith(text, StringComparison.Ordinal))
            {
                printed += text;
                continue;
            }
            if (!GroupPiece(text))
            {
                return false;
            }
        }
        _lastLabel = printed;
        return true;
    }

    /// <summary>
    /// A label wrapped in its cell whose first line is too short to name its row by itself
    /// ("1．属于国家秘" over "密", "5．要求行政机" over "关确认或重新出"): with the next line's last
    /// piece it does, the next line's other pieces being its group's label printed down its column.
    /// The figures are those beside either line, never both.
    /// </summary>
    private bool JoinNext(List<string> labels, IReadOnlyList<SourceCell>? figures, SourceRow next)
    {
        if (memo.Normalize(labels[^1]) is { Length: >= LabelText.MinimumPrefix } first && Named(first).Count == 0)
        {
            // Long enough to be matched as the start of a label, and the start of none: no rest makes one.
            return false;
        }
        var (nextTexts, nextEnd) = Read(next);
        var nextLabels = Labels(nextTexts, nextEnd);
        var nextFigures = nextEnd < nextTexts.Count ? next.Cells.Skip(nextEnd).ToList() : null;
        if (nextLabels.Count == 0 || (figures is null) == (nextFigures is null) || FindRow(nextLabels, null) is not null)
        {
            return false;
        }
        var pieces = nextLabels.SelectMany(Pieces).Where(t => !CellText.Units.Contains(t)).ToList();
        if (pieces.Count == 0 || pieces.SkipLast(1).Any(t => !GroupPiece(memo.Normalize(t))))
        {
            return false;
        }
        var joined = labels.SkipLast(1).Append(labels[^1] + pieces[^1]).ToList();
        var values = figures ?? nextFigures!;
        if (FindRow(joined, null) is not { } found || !Whole(found.Item2, values.Count))
        {
            return false;
        }
        Accept(found, joined[^1], values);
        return true;
    }

    /// <summary>Whether a row's printed cells are one to each of the section's columns (its unit printed or not).</summary>
    private static bool Whole(SectionDef section, int count) =>
        count == section.LeafColumns().Count || count == section.LeafColumns().Count(c => c.Kind != ValueKind.UnitText);

    /// <summary>A piece of a group's label (年度办, 予公开): no row's label of its own, part of a group row's.</summary>
    private bool GroupPiece(string normalized) =>
        normalized.Length > 0 && (_section is null ? _index.AllGroupText : _index.GroupText(_section)).Contains(normalized, StringComparison.Ordinal)
        && Named(normalized).Count == 0;

    /// <summary>Takes back the figures placed in a row: they are not certain after all.</summary>
    private void Unfill(RowDef rowDef, SectionDef section, string reason, BlankCode code)
    {
        foreach (var column in section.LeafColumns().Where(c => c.Kind != ValueKind.UnitText))
        {
            var key = new CellKey(_table!.Code, rowDef.Code, column.Code);
            Values.Set(key, null);
            Sources.Remove(key);
            Blank.RemoveAll(b => b.Key == key);
            Blank.Add(new BlankCell(key, reason, code));
        }
    }

    /// <summary>The cells before <paramref name="end"/> that print something.</summary>
    private static List<string> Labels(List<string> texts, int end)
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

    private void Accept((TableDef Table, SectionDef Section, RowDef Row) match, string label, IReadOnlyList<SourceCell> values)
    {
        (_table, _section, _lastRow) = match;
        (_lastLabel, _open, _afterHeader) = (memo.Normalize(label), true, false);
        if (match.Row.HasCells && values.Count > 0)
        {
            Fill(match.Row, match.Section, values);
        }
        MatchedRows++;
    }

    private void Fill(RowDef rowDef, SectionDef section, IReadOnlyList<SourceCell> cells)
    {
        var columns = section.LeafColumns();
        var values = columns.Count(c => c.Kind != ValueKind.UnitText);
        if (cells.Count < columns.Count && cells.Count != values)
        {
            // A row short of figures (cells lost in a conversion, a row split across tables): which
            // column each figure is in is not certain, so none is placed.
            Blank.AddRange(columns.Where(c => c.Kind != ValueKind.UnitText).Select(c => new BlankCell(new CellKey(_table!.Code, rowDef.Code, c.Code),
                $"该行只印出 {cells.Count} 格，少于 {values} 栏，无法确定各数字所在的栏", BlankCode.ShortRow)));
            _filled.Add(rowDef);
            _short = (rowDef, cells);
            return;
        }
        // Only the unit was not printed: the figures are the value columns.
        var offset = Math.Max(0, columns.Count - cells.Count);
        for (var i = 0; i < Math.Min(columns.Count, cells.Count); i++)
        {
            var cell = new CellDef(_table!, section, rowDef, columns[offset + i]);
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
        _filled.Add(rowDef);
    }

    /// <summary>A row that names columns, a section or the label column: it sets the context and holds no values.</summary>
    private bool IsHeader(IReadOnlyList<string> texts)
    {
        // Every row comes here first: nothing is allocated until the row proves to be a header.
        var (printed, first) = (0, "");
        foreach (var text in texts)
        {
            if (text.Length > 0)
            {
                (printed, first) = (printed + 1, printed == 0 ? text : first);
            }
        }
        if (printed == 1)
        {
            var only = memo.Normalize(first);
            foreach (var titled in _index.Sections)
            {
                if (titled.Title is not null && Same(only, titled.Title))
                {
                    (_table, _section) = (titled.Table, titled.Section);
                    HeaderMatches++;
                    return true;
                }
            }
        }
        // A header may print a column's whole path (申请人情况·自然人): its last part names the column.
        string Column(string text) => memo.Normalize(text.Contains('·') ? text[(text.LastIndexOf('·') + 1)..] : text);
        foreach (var text in texts)
        {
            if (text.Length > 0 && !_index.AllHeaderLabels.Contains(Column(text)))
            {
                return false;
            }
        }
        var normalized = texts.Where(t => t.Length > 0).Select(Column).ToList();
        var best = _index.Sections
            .Select(c => (Entry: c, Hits: normalized.Count(n => c.HeaderLabels.Contains(n))))
            .OrderByDescending(c => c.Hits)
            .First();
        if (best.Hits == 0 || best.Hits < normalized.Count)
        {
            return false;
        }
        // Prefer the current section when several share their headers (第二十条 blocks).
        if (_table == best.Entry.Table && _section is not null && best.Entry.Table.Sections.Count > 1)
        {
            var same = _index.Sections.Where(c => c.Table == best.Entry.Table && normalized.All(n => c.HeaderLabels.Contains(n))).Select(c => c.Section).ToList();
            if (!same.Any(x => ReferenceEquals(x, _section)))
            {
                _section = same.First();
            }
        }
        else
        {
            (_table, _section) = (best.Entry.Table, best.Entry.Section);
        }
        HeaderMatches++;
        return true;
    }


    private bool IsNumber(string text) => memo.IsNumber(text);

    /// <summary>
    /// The row a printed label chain names: of the rows with that label (not yet filled, of the
    /// right width), the nearest to the last matched row — its child, its sibling, its parent's
    /// sibling …, then the same section, then anywhere; the printed group labels decide a tie.
    /// </summary>
    private (TableDef, SectionDef, RowDef)? FindRow(IReadOnlyList<string> labels, int? width)
    {
        var label = memo.Normalize(labels[^1]);
        var possible = Named(label).Where(c => !_filled.Contains(c.Row) && (width is null || (c.Row.HasCells && c.Width == width))).ToList();
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
                hits = hits.Where(h => Ancestors(h.Row).Any(a => context.Any(c => Same(c, _index[a].Label)))).ToList();
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
        if (_section is null || !ReferenceEquals(candidate.Section, _section))
        {
            return anywhere;
        }
        if (_lastRow is null || !ReferenceEquals(_index[_lastRow].Section, _section))
        {
            return sameSection;
        }
        var parent = _index.ParentOf(candidate.Row);
        var level = 0;
        for (RowDef? up = _lastRow; ; up = _index.ParentOf(up), level++)
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
    private static bool Same(string printed, string official) =>
        printed == official || (printed.Length >= LabelText.MinimumPrefix && official.StartsWith(printed, StringComparison.Ordinal));

    private IEnumerable<RowDef> Ancestors(RowDef row)
    {
        for (var p = _index.ParentOf(row); p is not null; p = _index.ParentOf(p))
        {
            yield return p;
        }
    }
}
