namespace Gongkai.Domain.Reports.Import.TableLayout;

/// <summary>
/// Rule: a row that names columns, a section or the label column sets the context and holds no
/// values — every printed cell a column label of the format (a header may print a column's whole
/// path, 申请人情况·自然人), or one cell that is a section's title (第二十条第（一）项). The current
/// section is kept when several share the header (第二十条's blocks).
/// </summary>
internal sealed class ColumnHeaderRow : IRowRule
{
    public RowTaken Apply(TableAligner aligner, PrintedRow row)
    {
        if (!IsHeader(aligner, row.Texts))
        {
            return RowTaken.No;
        }
        aligner.AfterHeader = true;
        return RowTaken.Yes;
    }

    private static bool IsHeader(TableAligner aligner, IReadOnlyList<string> texts)
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
        var index = aligner.Index;
        if (printed == 1)
        {
            var only = aligner.Memo.Normalize(first);
            foreach (var titled in index.Sections)
            {
                if (titled.Title is not null && TableAligner.Same(only, titled.Title))
                {
                    (aligner.Table, aligner.Section) = (titled.Table, titled.Section);
                    aligner.HeaderMatches++;
                    return true;
                }
            }
        }
        string Column(string text) => aligner.Memo.Normalize(text.Contains('·') ? text[(text.LastIndexOf('·') + 1)..] : text);
        foreach (var text in texts)
        {
            if (text.Length > 0 && !index.AllHeaderLabels.Contains(Column(text)))
            {
                return false;
            }
        }
        var normalized = texts.Where(t => t.Length > 0).Select(Column).ToList();
        var best = index.Sections
            .Select(c => (Entry: c, Hits: normalized.Count(n => c.HeaderLabels.Contains(n))))
            .OrderByDescending(c => c.Hits)
            .First();
        if (best.Hits == 0 || best.Hits < normalized.Count)
        {
            return false;
        }
        if (aligner.Table == best.Entry.Table && aligner.Section is not null && best.Entry.Table.Sections.Count > 1)
        {
            var same = index.Sections.Where(c => c.Table == best.Entry.Table && normalized.All(n => c.HeaderLabels.Contains(n))).Select(c => c.Section).ToList();
            if (!same.Any(x => ReferenceEquals(x, aligner.Section)))
            {
                aligner.Section = same.First();
            }
        }
        else
        {
            (aligner.Table, aligner.Section) = (best.Entry.Table, best.Entry.Section);
        }
        aligner.HeaderMatches++;
        return true;
    }
}

/// <summary>
/// Rule: labels, then one figure per column of a section. Which cells are labels depends on how
/// many value columns the row's section has: the current section's width first, then every other
/// width of the format. A unit before the first figure (条 | 6481) is a 统计表's value cell, and a
/// trailing empty cell is not a column (<see cref="TrailingEmptyCells"/>).
/// </summary>
internal sealed class LabelledRow : IRowRule
{
    public RowTaken Apply(TableAligner aligner, PrintedRow row)
    {
        var texts = row.Texts;
        var current = aligner.Section?.LeafColumns().Count ?? -1;
        var valueStart = row.LabelEnd > 0 && row.HasFigures && CellText.Units.Contains(texts[row.LabelEnd - 1]) ? row.LabelEnd - 1 : row.LabelEnd;
        var widths = aligner.Index.Widths;
        foreach (var width in widths.Where(w => w == current).Concat(widths.Where(w => w != current)))
        {
            var end = TrailingEmptyCells.End(texts, valueStart, width);
            if (end <= width)
            {
                continue;
            }
            var labels = TableAligner.Labels(texts, Math.Min(row.LabelEnd, end - width));
            if (labels.Count == 0 || aligner.FindRow(labels, width) is not { } found)
            {
                continue;
            }
            aligner.Accept(found, labels[^1], row.Row.Cells.Skip(end - width).Take(width).ToList());
            return RowTaken.Yes;
        }
        return RowTaken.No;
    }
}

/// <summary>Rule: a label row with no values (三、本年度办理结果 on a line of its own), or a row shorter than its section (left blank: <see cref="BlankCode.ShortRow"/>).</summary>
internal sealed class GroupRowAlone : IRowRule
{
    public RowTaken Apply(TableAligner aligner, PrintedRow row)
    {
        if (row.Labels.Count == 0 || aligner.FindRow(row.Labels, null) is not { } group)
        {
            return RowTaken.No;
        }
        aligner.Accept(group, row.Labels[^1], row.Row.Cells.Skip(row.LabelEnd).ToList());
        return RowTaken.Yes;
    }
}

/// <summary>
/// Rule: no label, only figures — the one-row appeals table (15 numbers alone). Blank cells are
/// allowed (a report may leave most of the row blank); text is not. A second such line means a
/// figure too wide for its narrow column wrapped ("118" over "4"): neither line is certain
/// (<see cref="BlankCode.WrappedInColumn"/>).
/// </summary>
internal sealed class UnlabelledAppealsRow : IRowRule
{
    public RowTaken Apply(TableAligner aligner, PrintedRow row)
    {
        if (row.Labels.Count > 0)
        {
            return RowTaken.No;
        }
        var texts = row.Texts;
        var numbers = texts.SkipWhile(t => t.Length == 0).ToList();
        var (table, section) = aligner.Format.Tables.SelectMany(t => t.Sections.Select(s => (t, s)))
            .FirstOrDefault(x => x.s.Rows.Count == 1 && x.s.Rows[0].Label.Length == 0 && x.s.LeafColumns().Count <= texts.Count && x.s.LeafColumns().Count >= numbers.Count);
        if (table is null || !numbers.Any(aligner.IsNumber) || !numbers.Where(t => t.Length > 0).All(aligner.IsNumber))
        {
            return RowTaken.No;
        }
        var width = section.LeafColumns().Count;
        (aligner.Table, aligner.Section) = (table, section);
        if (aligner.Filled.Contains(section.Rows[0]))
        {
            aligner.Unfill(section.Rows[0], section, "该表印出不止一行数字（数字可能在栏内折行），无法确定各栏数字", BlankCode.WrappedInColumn);
            return RowTaken.Yes;
        }
        aligner.Fill(section.Rows[0], section, row.Row.Cells.Skip(row.Row.Cells.Count - width).ToList());
        aligner.MatchedRows++;
        return RowTaken.Yes;
    }
}

/// <summary>Rule: a header whose labels wrapped in their narrow cells (统计指标 | 单 统计 over 位 数): every piece part of a column label, no row's label, no figure.</summary>
internal sealed class HeaderWrappedInCells : IRowRule
{
    public RowTaken Apply(TableAligner aligner, PrintedRow row)
    {
        if (row.HasFigures || !row.Labels.SelectMany(TableAligner.Pieces).All(piece => HeaderPiece(aligner, piece)))
        {
            return RowTaken.No;
        }
        aligner.AfterHeader = true;
        return RowTaken.Yes;
    }

    private static bool HeaderPiece(TableAligner aligner, string piece)
    {
        var text = aligner.Memo.Normalize(piece);
        return text.Length > 0 && aligner.Index.HeaderText.Contains(text, StringComparison.Ordinal) && aligner.Named(text).Count == 0;
    }
}
