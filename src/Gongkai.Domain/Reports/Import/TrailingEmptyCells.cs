namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Layout rule: a trailing empty cell is not a column when the row already has a figure for every
/// value column after its labels. Markdown conversions close a row with an empty cell
/// (<c>| 1.属于国家秘密 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |  |</c>) where the header has two label columns;
/// counted as the 总计 column, it shifts the row one column to the left and the first figure is
/// taken for a second label. An empty cell inside the figures, or one the row needs to reach its
/// width, stays a (blank) column.
/// </summary>
public static class TrailingEmptyCells
{
    /// <summary>
    /// Where the row's cells end for a section of <paramref name="width"/> value columns: empty cells
    /// at the end are dropped while more than <paramref name="width"/> cells remain from the first
    /// figure (<paramref name="labelEnd"/>) on.
    /// </summary>
    public static int End(IReadOnlyList<string> texts, int labelEnd, int width)
    {
        var end = texts.Count;
        while (end > labelEnd + width && texts[end - 1].Length == 0)
        {
            end--;
        }
        return end;
    }
}
