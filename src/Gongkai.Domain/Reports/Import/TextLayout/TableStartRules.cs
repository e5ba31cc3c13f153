namespace Gongkai.Domain.Reports.Import.TextLayout;

/// <summary>
/// A rule that takes lines of text right above a table's first row into the table: they were
/// read as paragraphs, but are pieces of its first row. Returns the rows they make, one per
/// paragraph taken (the reader removes that many paragraphs), or none.
/// </summary>
public interface ITableStartRule
{
    IReadOnlyList<SourceRow> Take(TextLines lines, int first, IReadOnlyList<SourceBlock> blocks);
}

/// <summary>
/// Rule: the table goes on after a page break with the start of a wrapped label (or the end of
/// one) above its first figures — pdftotext -layout of a label wrapped in its cell ("（三）不予" /
/// "公开" over "1．属于国家秘密 0 0 …"). The lines right above the first row (no blank line
/// between) are its first rows when they are narrow, indented into the table, not a part's heading
/// and hold no figure — unless the first row starts a label of its own (then they are the
/// table's caption or header).
/// </summary>
public sealed class LabelPiecesAbove(LabelPiecesAbove.Options options) : ITableStartRule
{
    /// <param name="LongestPiece">The longest line taken for a piece (a piece of a label wrapped in its cell, as pdftotext -layout sets it).</param>
    /// <param name="MostPieces">How many lines at most (a group label printed down its column).</param>
    public sealed record Options(int LongestPiece = 16, int MostPieces = 4);

    public IReadOnlyList<SourceRow> Take(TextLines lines, int first, IReadOnlyList<SourceBlock> blocks)
    {
        if (lines.Kinds[first] != LineKind.SpaceRow || lines.Numbered(first))
        {
            return [];
        }
        var count = 0;
        for (var j = first - 1; j >= 0 && count < options.MostPieces && lines.Kinds[j] == LineKind.Text && lines[j].StartsWith("  ", StringComparison.Ordinal)
            && lines[j].Trim() is var text && text.Length <= options.LongestPiece && !Text.Numbering.IsPartHeading(text) && !SpaceCells.Split(lines[j]).Any(CellText.IsFigure)
            && blocks.Count > count && blocks[^(count + 1)] is SourceParagraph paragraph && paragraph.Location == lines.Location(j); j--)
        {
            count++;
        }
        return [.. Enumerable.Range(first - count, count).Select(k => lines.Row(SpaceCells.Split(lines[k]), k))];
    }
}

/// <summary>
/// Rule: the table's first row has only a unit and figures; its label is the short line right
/// above, wrapped round them (统计表 in pdftotext -layout: "主动公开政府信息数" over "条 12").
/// </summary>
public sealed class LabelAboveFigures(LabelAboveFigures.Options options) : ITableStartRule
{
    /// <param name="LongestLabel">The longest paragraph taken for the label (a 统计表 label is at most about 30 characters).</param>
    public sealed record Options(int LongestLabel = 30);

    public IReadOnlyList<SourceRow> Take(TextLines lines, int first, IReadOnlyList<SourceBlock> blocks)
    {
        if (lines.Kinds[first] == LineKind.SpaceRow && blocks.Count > 0 && blocks[^1] is SourceParagraph above && above.Text.Length <= options.LongestLabel
            && SpaceCells.Split(lines[first]) is [var cell, ..] && (CellText.IsFigure(cell) || CellText.Units.Contains(cell)))
        {
            return [new SourceRow([new SourceCell(above.Text, above.Location)], above.Location)];
        }
        return [];
    }
}
