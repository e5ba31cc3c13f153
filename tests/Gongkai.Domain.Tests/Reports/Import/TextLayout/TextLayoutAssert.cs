using Gongkai.Domain.Reports.Import;

namespace Gongkai.Domain.Tests.Reports.Import.TextLayout;

/// <summary>What the text reader makes of a few lines: each block as a row of cell texts ("¶" before a paragraph).</summary>
internal static class TextLayoutAssert
{
    public static List<string> Blocks(params string[] lines) =>
        TextSource.Read("t.txt", string.Join("\n", lines)).Blocks.SelectMany(b => b switch
        {
            SourceTable table => table.Rows.Select(r => string.Join(" | ", r.Cells.Select(c => c.Text))),
            SourceParagraph p => ["¶" + p.Text],
            _ => [],
        }).ToList();
}
