using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Documents.Files;
using Gongkai.Domain.Reports.Import;
using Gongkai.Domain.Reports.Import.TextLayout;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gongkai.Documents.Import;

/// <summary>
/// Reads a report as conversion tools and LLM pipelines write it in markdown (pandoc -t gfm of a
/// web page or a Word file): parsed by Markdig, not by hand. A GFM pipe table is a table, its cells
/// as plain text (**bold** and links dropped); a raw HTML block — pandoc's output for a table with
/// spanned cells — goes to <see cref="HtmlSource"/>; headings are paragraphs; any other paragraph
/// goes through <see cref="TextSource"/>'s rules, so a table the converter left as aligned text
/// (or as pipe rows with no delimiter row) is still a table.
/// </summary>
public static partial class MarkdownSource
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>A GFM delimiter row (|---|:--:|) or an ATX heading (# 标题): the signs of a markdown file.</summary>
    [GeneratedRegex(@"^(?:[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*\r?|#{1,6}[ \t]+\S.*)$", RegexOptions.Multiline)]
    private static partial Regex MarkdownLine();

    /// <summary>Whether a text that is not a web page is markdown: a table's delimiter row or a heading on a line of its own.</summary>
    public static bool LooksLikeMarkdown(string text) => MarkdownLine().IsMatch(text);

    public static SourceDocument Read(string name, string text, ReadLimits limits)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's own bound: "Markdown elements in the input are too deeply nested".
            throw new ReportImportException($"{name}：文件结构嵌套过深（Markdown 的嵌套层数超出限制）。");
        }
        var blocks = new List<SourceBlock>();
        void Walk(Block block, int depth)
        {
            if (depth > limits.MaxNesting)
            {
                throw new ReportImportException($"{name}：文件结构嵌套过深（超过 {limits.MaxNesting} 层）。");
            }
            switch (block)
            {
                case Table table:
                    blocks.Add(new SourceTable(table.OfType<TableRow>().Select(row => new SourceRow(
                        Printed(row).Select((cell, k) => new SourceCell(CellText(cell), $"第 {row.Line + 1} 行，第 {k + 1} 格")).ToList(),
                        $"第 {row.Line + 1} 行")).ToList()));
                    break;
                case HtmlBlock html:
                    // Its own document: its tables and text, with the HTML reader's limits.
                    blocks.AddRange(HtmlSource.Read(name, html.Lines.ToString(), limits).Blocks);
                    break;
                case HeadingBlock heading:
                    blocks.Add(new SourceParagraph(heading.Inline is null ? "" : Plain(heading.Inline).Trim(), $"第 {heading.Line + 1} 行"));
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    blocks.AddRange(TextSource.Blocks(new TextLines(Plain(leaf.Inline), leaf.Line + 1)));
                    break;
                case LeafBlock leaf:
                    // A code block: its lines as they are (a converter's fixed-width table).
                    blocks.AddRange(TextSource.Blocks(new TextLines(leaf.Lines.ToString(), leaf.Line + 1)));
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Walk(child, depth + 1);
                    }
                    break;
            }
        }
        Walk(document, 0);
        return new SourceDocument(name, blocks);
    }

    /// <summary>
    /// The cells a row prints: Markdig pads every row to the widest row's width with cells of no
    /// source (no content, no span); a row short of cells must stay short (its figures are not certain).
    /// </summary>
    private static List<TableCell> Printed(TableRow row)
    {
        var cells = row.OfType<TableCell>().ToList();
        while (cells.Count > 0 && cells[^1] is { Count: 0, Span.End: < 0 })
        {
            cells.RemoveAt(cells.Count - 1);
        }
        return cells;
    }

    /// <summary>A cell's text: its paragraphs' plain text, one line each.</summary>
    private static string CellText(TableCell cell) =>
        string.Join("\n", cell.OfType<LeafBlock>().Where(b => b.Inline is not null).Select(b => Plain(b.Inline!))).Trim();

    /// <summary>Inline markdown as the text it prints: emphasis and links dropped, line breaks kept.</summary>
    private static string Plain(ContainerInline inline)
    {
        var text = new StringBuilder();
        // Iterative: emphasis nested thousands deep is text, not recursion.
        var stack = new Stack<Inline>();
        for (var child = inline.LastChild; child is not null; child = child.PreviousSibling)
        {
            stack.Push(child);
        }
        while (stack.TryPop(out var item))
        {
            switch (item)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case HtmlInline html when html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase):
                    text.Append('\n');
                    break;
                case ContainerInline container:
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
                    {
                        stack.Push(child);
                    }
                    break;
            }
        }
        return text.ToString();
    }
}
