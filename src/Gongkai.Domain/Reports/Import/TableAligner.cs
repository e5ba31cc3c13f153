namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Lays the rows of printed tables onto the tables of one format: row labels are matched to the
/// official labels with <see cref="LabelText"/>, near the previous matched row first (the same
/// label, e.g. （二）被依法纠错数, stands under several headings), and values are read with the
/// kind of their cell.
/// </summary>
internal sealed class TableAligner(ReportFormat format)
{
    public ReportValues Values { get; } = new();
    public Dictionary<CellKey, CellSource> Sources { get; } = new();
    public List<UnrecognisedRow> Unrecognised { get; } = new();
    public int MatchedRows { get; private set; }
    public int HeaderMatches { get; private set; }

    private TableDef? _table;
    private SectionDef? _section;
    private RowDef? _lastRow;
    private readonly Dictionary<RowDef, RowDef?> _parentOf = BuildParents(format);
    private readonly HashSet<RowDef> _filled = new();

    private static Dictionary<RowDef, RowDef?> BuildParents(ReportFormat format)
    {
        var parents = new Dictionary<RowDef, RowDef?>(ReferenceEqualityComparer.Instance);
        void Walk(RowDef row, RowDef? parent)
        {
            parents[row] = parent;
            foreach (var child in row.Children)
            {
                Walk(child, row);
            }
        }
        foreach (var row in format.Tables.SelectMany(t => t.Sections).SelectMany(s => s.Rows))
        {
            Walk(row, null);
        }
        return parents;
    }

    public void Add(SourceTable table)
    {
        var rows = table.CellStream ? Chunk(table) : table.Rows;
        foreach (var row in rows)
        {
            AddRow(row);
        }
    }

    /// <summary>Cuts a stream of cells into rows as wide as its header (统计指标 | 单位 | 统计数).</summary>
    private IReadOnlyList<SourceRow> Chunk(SourceTable table)
    {
        var cells = table.Rows.SelectMany(r => r.Cells).ToList();
        var width = format.Tables.SelectMany(t => t.Sections).Max(s => s.LeafColumns().Count) + 1;
        var start = cells.FindIndex(c => format.Tables.Any(t => t.Sections.Any(s => s.LabelHeader is { } h && LabelText.Normalize(c.Text) == LabelText.Normalize(h))));
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

    private void AddRow(SourceRow row)
    {
        var texts = row.Cells.Select(c => c.Text.Trim()).ToList();
        if (texts.All(t => t.Length == 0))
        {
            return;
        }
        if (IsHeader(texts))
        {
            return;
        }
        // Which cells are labels depends on how many value columns the row's section has: try the
        // current section's width first, then every other width of the format.
        var widths = format.Tables.SelectMany(t => t.Sections).Select(s => s.LeafColumns().Count).Distinct()
            .OrderBy(w => _section is not null && w == _section.LeafColumns().Count ? 0 : 1).ToList();
        foreach (var width in widths)
        {
            if (texts.Count <= width)
            {
                continue;
            }
            var leading = texts.Take(texts.Count - width).TakeWhile(t => !IsNumber(t)).ToList();
            var labels = leading.Where(t => t.Length > 0).ToList();
            if (labels.Count == 0 || FindRow(labels, width) is not { } found)
            {
                continue;
            }
            Accept(found, row.Cells.Skip(texts.Count - width).ToList());
            return;
        }

        // A label row with no values (三、本年度办理结果 on a line of its own), or a row shorter than its section.
        var alone = texts.TakeWhile(t => !IsNumber(t)).Where(t => t.Length > 0).ToList();
        if (alone.Count > 0 && FindRow(alone, null) is { } group)
        {
            var rest = row.Cells.Skip(texts.TakeWhile(t => !IsNumber(t)).Count()).ToList();
            Accept(group, rest);
            return;
        }
        if (alone.Count == 0)
        {
            // No label: the one-row appeals table, its 15 numbers alone.
            var numbers = texts.SkipWhile(t => t.Length == 0).ToList();
            var unlabelled = format.Tables.SelectMany(t => t.Sections.Select(s => (t, s)))
                .FirstOrDefault(x => x.s.Rows.Count == 1 && x.s.Rows[0].Label.Length == 0 && x.s.LeafColumns().Count <= texts.Count && x.s.LeafColumns().Count >= numbers.Count);
            if (unlabelled.t is not null && numbers.Count(t => IsNumber(t)) * 2 >= numbers.Count)
            {
                var width = unlabelled.s.LeafColumns().Count;
                (_table, _section) = (unlabelled.t, unlabelled.s);
                Fill(unlabelled.s.Rows[0], unlabelled.s, row.Cells.Skip(row.Cells.Count - width).ToList());
                MatchedRows++;
                return;
            }
        }
        Unrecognised.Add(new UnrecognisedRow(string.Join(" / ", alone), texts, row.Location));
    }

    private void Accept((TableDef Table, SectionDef Section, RowDef Row) match, IReadOnlyList<SourceCell> values)
    {
        (_table, _section, _lastRow) = match;
        if (match.Row.HasCells && values.Count > 0)
        {
            Fill(match.Row, match.Section, values);
        }
        MatchedRows++;
    }

    private void Fill(RowDef rowDef, SectionDef section, IReadOnlyList<SourceCell> cells)
    {
        var columns = section.LeafColumns();
        // Fewer cells than columns (a short row, e.g. no unit printed): they belong to the last columns.
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
        var nonEmpty = texts.Where(t => t.Length > 0).ToList();
        foreach (var table in format.Tables)
        {
            foreach (var section in table.Sections)
            {
                if (section.Title is { } title && nonEmpty.Count == 1 && LabelText.Matches(nonEmpty[0], title))
                {
                    (_table, _section) = (table, section);
                    HeaderMatches++;
                    return true;
                }
            }
        }
        var columnLabels = format.Tables.SelectMany(t => t.Sections.Select(s => (t, s)))
            .Select(x => (x.t, x.s, Labels: Flatten(x.s.Columns).Concat([x.s.LabelHeader, x.t.CornerNote]).OfType<string>().Select(LabelText.Normalize).ToHashSet()))
            .ToList();
        // A header may print a column's whole path (申请人情况·自然人): its last part names the column.
        var normalized = nonEmpty.Select(t => LabelText.Normalize(t.Split('·')[^1])).ToList();
        var best = columnLabels
            .Select(c => (c.t, c.s, Hits: normalized.Count(n => c.Labels.Contains(n))))
            .OrderByDescending(c => c.Hits)
            .First();
        if (best.Hits == 0 || best.Hits < normalized.Count)
        {
            return false;
        }
        // Prefer the section after the current one when several share their headers (第二十条 blocks).
        if (_table == best.t && _section is not null && best.t.Sections.Count > 1)
        {
            var same = columnLabels.Where(c => c.t == best.t && normalized.All(n => c.Labels.Contains(n))).Select(c => c.s).ToList();
            if (!same.Contains(_section))
            {
                _section = same.First();
            }
        }
        else
        {
            (_table, _section) = (best.t, best.s);
        }
        HeaderMatches++;
        return true;
    }

    private static bool IsNumber(string text) => text.Length > 0 && CellText.Parse(text, ValueKind.SignedCount).Value is not null;

    private static IEnumerable<string> Flatten(IEnumerable<ColumnDef> columns) => columns.SelectMany(c => (IEnumerable<string>)[c.Label, .. Flatten(c.Children)]);

    /// <summary>
    /// The row a printed label chain names. Candidates are tried near the last matched row first:
    /// its children, its siblings, its ancestors' siblings, then anywhere in the current section,
    /// then anywhere in the format; the first place with exactly one match wins.
    /// </summary>
    private (TableDef, SectionDef, RowDef)? FindRow(IReadOnlyList<string> labels, int? width)
    {
        var label = labels[^1];
        var context = labels.Take(labels.Count - 1).ToList();
        foreach (var candidates in CandidateGroups())
        {
            var hits = candidates.Where(c => LabelText.Matches(label, c.Row.Label) && !_filled.Contains(c.Row)
                && (width is null || (c.Row.HasCells && c.Section.LeafColumns().Count == width))).ToList();
            if (hits.Count > 1 && context.Count > 0)
            {
                hits = hits.Where(h => Ancestors(h.Row).Any(a => context.Any(c => LabelText.Matches(c, a.Label)))).ToList();
            }
            if (hits.Count == 1)
            {
                return hits[0];
            }
        }
        return null;
    }

    private IEnumerable<RowDef> Ancestors(RowDef row)
    {
        for (var p = _parentOf[row]; p is not null; p = _parentOf[p])
        {
            yield return p;
        }
    }

    private IEnumerable<IReadOnlyList<(TableDef Table, SectionDef Section, RowDef Row)>> CandidateGroups()
    {
        if (_table is not null && _section is not null)
        {
            var t = _table;
            var s = _section;
            List<(TableDef, SectionDef, RowDef)> Wrap(IEnumerable<RowDef> rows) => rows.Select(r => (t, s, r)).ToList();
            if (_lastRow is not null)
            {
                yield return Wrap(_lastRow.Children);
                for (RowDef? level = _lastRow; level is not null; level = _parentOf[level])
                {
                    var parent = _parentOf[level];
                    yield return Wrap(parent is null ? s.Rows : parent.Children);
                }
            }
            yield return Wrap(s.Rows.SelectMany(r => r.SelfAndDescendants()));
        }
        yield return format.Tables.SelectMany(t => t.Sections.SelectMany(s => s.Rows.SelectMany(r => r.SelfAndDescendants()).Select(r => (t, s, r)))).ToList();
    }
}
