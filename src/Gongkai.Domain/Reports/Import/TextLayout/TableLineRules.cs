namespace Gongkai.Domain.Reports.Import.TextLayout;

/// <summary>
/// A rule that takes a line of text inside a run of table rows into the table: as a row of its
/// own (a block title, the rest of a wrapped label), or joined with the next line
/// (<see cref="JoinsNext"/>).
/// </summary>
public interface ITableLineRule
{
    bool Takes(TextLines lines, int i, LineKind tabular);

    bool JoinsNext { get; }
}

/// <summary>
/// Rule: among rows with tab-separated cells, a label broken over two lines: the short line of text
/// is the label's start, the next line (starting with a tab) the rest of the row.
/// </summary>
public sealed class LabelBrokenBeforeTabs(LabelBrokenBeforeTabs.Options options) : ITableLineRule
{
    /// <param name="LongestStart">The longest line taken for a label's start (a whole label is at most about 60 characters).</param>
    public sealed record Options(int LongestStart = 60);

    public bool JoinsNext => true;

    public bool Takes(TextLines lines, int i, LineKind tabular) =>
        tabular == LineKind.TabRow && lines.Kinds[i] == LineKind.Text && i + 1 < lines.Count && lines.Kinds[i + 1] == LineKind.TabRow
        && lines[i + 1].StartsWith('\t') && lines[i].Trim().Length < options.LongestStart;
}

/// <summary>
/// Rule: a short line of text with table rows right before and after it belongs to the table (a
/// block title such as 第二十条第（八）项 printed without separators); so do two such lines
/// together (pdftotext: the end of one row's wrapped label and the start of the next one's, around
/// the next row's figures), and several narrow ones (the pieces of labels wrapped in their cells,
/// a group's label printed down its column). A part's heading (四、) is never narrow.
/// </summary>
public sealed class TitleInsideTable(TitleInsideTable.Options options) : ITableLineRule
{
    /// <param name="LongestShort">A short line: a block title or a wrapped label's piece.</param>
    /// <param name="LongestNarrow">A narrow line: about a label cell's width in pdftotext -layout.</param>
    /// <param name="MostShort">How many short lines may stand together.</param>
    /// <param name="MostNarrow">
    /// How many narrow lines may stand together: a group label down its column beside two wrapped
    /// labels; on A5 (Chromium's print of a 2021 report through pdftotext) the end of
    /// 1．申请人无正当理由逾期不补正… (5 lines) and the start of 2．申请人逾期未按收费通知要求缴纳费用…
    /// (4 lines before its figures) stand together, 9 lines.
    /// </param>
    public sealed record Options(int LongestShort = 30, int LongestNarrow = 24, int MostShort = 2, int MostNarrow = 12);

    public bool JoinsNext => false;

    public bool Takes(TextLines lines, int i, LineKind tabular)
    {
        bool Narrow(int j) => lines.ShortText(j, options.LongestNarrow) && !Text.Numbering.IsPartHeading(lines[j].Trim());
        if (tabular is LineKind.CellLine || !lines.ShortText(i, options.LongestShort))
        {
            return false;
        }
        var (texts, narrow) = (1, Narrow(i));
        for (var next = i + 1; next < lines.Count; next++)
        {
            if (lines.Kinds[next] == tabular)
            {
                return true;
            }
            if (lines.Kinds[next] == LineKind.Blank)
            {
                continue;
            }
            narrow &= Narrow(next);
            if (!lines.ShortText(next, options.LongestShort) || ++texts > (narrow ? options.MostNarrow : options.MostShort))
            {
                return false;
            }
        }
        return false;
    }
}

/// <summary>
/// Rule: the rest of the last row's wrapped label, on the line right under it: narrow, indented into
/// the label column as pdftotext -layout sets a cell, and not numbered (a numbered line starts a label).
/// </summary>
public sealed class LabelEndBelowRow(LabelEndBelowRow.Options options) : ITableLineRule
{
    /// <param name="LongestEnd">The longest line taken for a label's end: about a label cell's width.</param>
    public sealed record Options(int LongestEnd = 24);

    public bool JoinsNext => false;

    public bool Takes(TextLines lines, int i, LineKind tabular) =>
        tabular == LineKind.SpaceRow && lines.Kinds[i] == LineKind.Text && i > 0 && lines.Kinds[i - 1] == LineKind.SpaceRow
        && lines[i].StartsWith("  ", StringComparison.Ordinal) && lines[i].Trim().Length <= options.LongestEnd && !lines.Numbered(i);
}
