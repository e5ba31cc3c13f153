namespace Gongkai.Domain.Reports.Import.TableLayout;

/// <summary>
/// Rule: what a label wrapped in its cell leaves on the next lines (pdftotext -layout) — the rest
/// of the last row's own label, pieces of a group's label printed down its narrow column (三、本 /
/// 年度办 / 理结果), units. The last row's label grows by its rest. Figures on such a line (or on
/// a line of their own) are the last row's when it printed none and they make its width — never
/// after a page's header. A row whose figures stand beside both lines of its label (some beside the
/// first, the rest beside the second) is certain only when they are all the same figure (a row of
/// zeros); otherwise it is blank (<see cref="BlankCode.SplitOverTwoLines"/>).
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
            var cells = split.Cells.Concat(values).ToList();
            if (cells.Select(c => c.Text.Trim()).Distinct().Count() == 1)
            {
                aligner.Filled.Remove(split.Row);
                aligner.Blank.RemoveAll(b => b.Key.Row == split.Row.Code && b.Key.Table == aligner.Table!.Code);
                aligner.Fill(split.Row, section, cells);
            }
            else
            {
                aligner.Unfill(split.Row, section, $"该行的数字分两处印出（{split.Cells.Count} 格与 {values.Count} 格），无法确定各数字所在的栏", BlankCode.SplitOverTwoLines);
            }
            return RowTaken.Yes;
        }
        return RowTaken.No;
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
/// The figures are those beside either line, never both. A first line long enough to be matched as
/// the start of a label (<see cref="LabelText.MinimumPrefix"/>), and the start of none, is left alone.
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
        if (next.Labels.Count == 0 || (figures is null) == (nextFigures is null) || aligner.FindRow(next.Labels, null) is not null)
        {
            return RowTaken.No;
        }
        var pieces = next.Labels.SelectMany(TableAligner.Pieces).Where(t => !CellText.Units.Contains(t)).ToList();
        if (pieces.Count == 0 || pieces.SkipLast(1).Any(t => !aligner.GroupPiece(aligner.Memo.Normalize(t))))
        {
            return RowTaken.No;
        }
        var joined = labels.SkipLast(1).Append(labels[^1] + pieces[^1]).ToList();
        var values = figures ?? nextFigures!;
        if (aligner.FindRow(joined, null) is not { } found || !TableAligner.Whole(found.Item2, values.Count))
        {
            return RowTaken.No;
        }
        aligner.Accept(found, joined[^1], values);
        return RowTaken.WithNext;
    }
}
