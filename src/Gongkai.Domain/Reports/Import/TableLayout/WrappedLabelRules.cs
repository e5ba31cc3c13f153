namespace Gongkai.Domain.Reports.Import.TableLayout;

/// <summary>
/// Rule: what a label wrapped in its cell leaves on the next lines (pdftotext -layout) — the rest
/// of the last row's own label, pieces of a group's label printed down its narrow column (三、本 /
/// 年度办 / 理结果), units. The last row's label grows by its rest. Figures on such a line (or on
/// a line of their own) are the last row's when it printed none and they make its width — never
/// after a page's header. A row whose figures stand beside both lines of its label (some beside the
/// first, the rest beside the second) is certain only when they are all the same figure (a row of
/// zeros) — or, after the whole table, when the table's sums leave one placement
/// (<see cref="RowSplits.Settle"/>); otherwise it is blank (<see cref="BlankCode.SplitOverTwoLines"/>).
/// </summary>
internal sealed class RestOfWrappedLabel : IRowRule
{
    public RowTaken Apply(TableAligner aligner, PrintedRow row)
    {
        if (!RestOfLastLabel(aligner, row.Labels))
        {
            return RowTaken.No;
        }
        if (!row.HasFigures)
        {
            return RowTaken.Yes;
        }
        var section = aligner.Section!;
        var values = row.Row.Cells.Skip(row.Texts.FindIndex(t => CellText.Units.Contains(t) || aligner.IsNumber(t))).ToList();
        if (!aligner.AfterHeader && aligner.LastRow is { HasCells: true } pending && !aligner.Filled.Contains(pending)
            && ReferenceEquals(aligner.Index[pending].Section, section) && TableAligner.Whole(section, values.Count))
        {
            aligner.Fill(pending, section, values);
            return RowTaken.Yes;
        }
        if (!aligner.AfterHeader && aligner.ShortRow is { } split && ReferenceEquals(split.Row, aligner.LastRow)
            && ReferenceEquals(aligner.Index[split.Row].Section, section) && TableAligner.Whole(section, split.Cells.Count + values.Count))
        {
            aligner.ShortRow = null;
            BesideBothLines(aligner, split.Row, section, split.Cells, values);
            return RowTaken.Yes;
        }
        return RowTaken.No;
    }

    /// <summary>
    /// A row whose figures stand beside both lines of its wrapped label: its figures when they are
    /// all alike (a row of zeros: every placement gives it); otherwise blank with the reason, and
    /// open for the table's sums when every printed cell is a number of one kind and together they
    /// make the row's value columns.
    /// </summary>
    internal static void BesideBothLines(TableAligner aligner, RowDef rowDef, SectionDef section, IReadOnlyList<SourceCell> first, IReadOnlyList<SourceCell> second)
    {
        if (first.Concat(second).Select(c => c.Text.Trim()).Distinct().Count() == 1)
        {
            aligner.Filled.Remove(rowDef);
            aligner.Blank.RemoveAll(b => b.Key.Row == rowDef.Code && b.Key.Table == aligner.Table!.Code);
            aligner.Fill(rowDef, section, [.. first, .. second]);
            return;
        }
        var reason = $"该行的数字分两处印出（{first.Count} 格与 {second.Count} 格），无法确定各数字所在的栏";
        aligner.Unfill(rowDef, section, reason, BlankCode.SplitOverTwoLines);
        aligner.Filled.Add(rowDef);
        var columns = section.LeafColumns().Where(c => c.Kind != ValueKind.UnitText).ToList();
        var kinds = columns.Select(c => new CellDef(aligner.Table!, section, rowDef, c).Kind).Distinct().ToList();
        if (first.Count + second.Count != columns.Count || kinds.Count > 1)
        {
            return;
        }
        var numbers = first.Concat(second).Select(c => CellText.Parse(c.Text.Trim(), kinds[0]).Value?.Number).ToList();
        if (numbers.Any(n => n is null))
        {
            return;
        }
        var printed = $"{string.Join(" ", first.Select(c => c.Text.Trim()))} / {string.Join(" ", second.Select(c => c.Text.Trim()))}";
        aligner.Undecided.Add(new RowSplits.Row(columns.Select(c => new CellKey(aligner.Table!.Code, rowDef.Code, c.Code)).ToList(), printed, first[0].Location,
            RowSplits.Interleavings([.. numbers.Take(first.Count).Select(n => n!.Value)], [.. numbers.Skip(first.Count).Select(n => n!.Value)]))
        {
            Undecided = (reason, BlankCode.SplitOverTwoLines),
        });
    }

    private static bool RestOfLastLabel(TableAligner aligner, List<string> labels)
    {
        if (aligner.LastRow is null || aligner.Section is null || !aligner.Open)
        {
            return false;
        }
        var official = aligner.Index[aligner.LastRow].Label;
        var printed = aligner.LastLabel;
        foreach (var token in labels.SelectMany(TableAligner.Pieces))
        {
            if (CellText.Units.Contains(token))
            {
                continue;
            }
            var text = aligner.Memo.Normalize(token);
            if (official.StartsWith(printed, StringComparison.Ordinal) && official.AsSpan(printed.Length).StartsWith(text, StringComparison.Ordinal))
            {
                printed += text;
                continue;
            }
            if (!aligner.GroupPiece(text))
            {
                return false;
            }
        }
        aligner.LastLabel = printed;
        return true;
    }
}

/// <summary>
/// Rule: a label wrapped in its cell whose first line is too short to name its row by itself
/// ("1．属于国家秘" over "密", "5．要求行政机" over "关确认或重新出"): with the next line's last
/// piece it does, the next line's other pieces being its group's label printed down its column.
/// The figures are those beside either line; figures beside both ("果 1．属于国家 0" over "秘密 0 0 0 0
/// 0 0") are the row's when all alike, otherwise left to the table's sums as for
/// <see cref="RestOfWrappedLabel"/>. A first line long enough to be matched as the start of a label
/// (<see cref="LabelText.MinimumPrefix"/>), and the start of none, is left alone.
/// </summary>
internal sealed class ShortFirstLineJoined : IRowRule
{
    public RowTaken Apply(TableAligner aligner, PrintedRow row)
    {
        var labels = row.Labels;
        if (labels.Count == 0 || row.Next is null
            || aligner.Memo.Normalize(labels[^1]) is { Length: >= LabelText.MinimumPrefix } first && aligner.Named(first).Count == 0)
        {
            return RowTaken.No;
        }
        var next = aligner.Read(row.Next, null);
        var figures = row.HasFigures ? row.Row.Cells.Skip(row.LabelEnd).ToList() : null;
        var nextFigures = next.HasFigures ? next.Row.Cells.Skip(next.LabelEnd).ToList() : null;
        if (next.Labels.Count == 0 || (figures is null && nextFigures is null) || aligner.FindRow(next.Labels, null) is not null)
        {
            return RowTaken.No;
        }
        var pieces = next.Labels.SelectMany(TableAligner.Pieces).Where(t => !CellText.Units.Contains(t)).ToList();
        if (pieces.Count == 0 || pieces.SkipLast(1).Any(t => !aligner.GroupPiece(aligner.Memo.Normalize(t))))
        {
            return RowTaken.No;
        }
        var joined = labels.SkipLast(1).Append(labels[^1] + pieces[^1]).ToList();
        var both = figures is not null && nextFigures is not null;
        List<SourceCell> values = both ? [.. figures!, .. nextFigures!] : figures ?? nextFigures!;
        if (aligner.FindRow(joined, null) is not { } found || !TableAligner.Whole(found.Item2, values.Count))
        {
            return RowTaken.No;
        }
        aligner.Accept(found, joined[^1], both ? [] : values);
        if (both)
        {
            RestOfWrappedLabel.BesideBothLines(aligner, found.Item3, found.Item2, figures!, nextFigures!);
        }
        return RowTaken.WithNext;
    }
}

/// <summary>
/// Rule: a numbered label wrapped down a narrow column over several lines before its figures
/// (A5 through pdftotext: "2．申请人逾" / "期未按收费" / "通知要求缴" / "纳费用、行 0 0 0 0 0 0 0"):
/// its first line names no row; with the lines under it, one piece each and none numbered, up to
/// the line with the figures, it does. The lines after the figures are the label's rest
/// (<see cref="RestOfWrappedLabel"/>).
/// </summary>
internal sealed class LabelDownItsColumn(LabelDownItsColumn.Options? options = null) : IRowRule
{
    /// <param name="MostLinesAbove">The most lines of a label above the line with its figures, its first included (2．申请人逾期未按收费通知要求缴纳费用… in Chromium's A5 print through pdftotext: 3).</param>
    public sealed record Options(int MostLinesAbove = 6);

    private readonly Options _options = options ?? new Options();

    public RowTaken Apply(TableAligner aligner, PrintedRow row)
    {
        if (row.HasFigures || row.Labels is not [var first] || !Text.Numbering.StartsLabel(first)
            || aligner.Memo.Normalize(first) is { Length: >= LabelText.MinimumPrefix } whole && aligner.Named(whole).Count > 0)
        {
            return RowTaken.No;
        }
        var label = first;
        for (var k = 0; k < row.After.Count && k < _options.MostLinesAbove; k++)
        {
            var line = aligner.Read(row.After[k], null);
            if (line.Labels is not [var piece] || Text.Numbering.StartsLabel(piece) || TableAligner.Pieces(piece).Length > 1)
            {
                return RowTaken.No;
            }
            label += piece;
            if (!line.HasFigures)
            {
                continue;
            }
            var values = line.Row.Cells.Skip(line.LabelEnd).ToList();
            if (aligner.FindRow([label], null) is not { } found || !TableAligner.Whole(found.Item2, values.Count))
            {
                return RowTaken.No;
            }
            aligner.Accept(found, label, values);
            return RowTaken.With(k + 1);
        }
        return RowTaken.No;
    }
}
