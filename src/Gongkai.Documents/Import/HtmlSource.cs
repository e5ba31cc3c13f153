using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Documents.Files;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Documents.Import;

/// <summary>
/// Reads a report published as a web page: the text of headings and paragraphs in document
/// order, and each table's rows with the text of their cells (spanned cells appear once, where
/// they start, as in the page's source).
/// </summary>
public static class HtmlSource
{
    private static readonly HashSet<string> TextElements = ["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "DT", "DD", "CAPTION", "PRE", "BLOCKQUOTE"];

    public static SourceDocument Read(string name, string html, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        // The HTML parser checks its open elements at every tag: 100,000 unclosed <div>s cost it a
        // minute. The tags are counted first, without building anything.
        if (NestsDeeperThan(html, 4 * limits.MaxNesting))
        {
            throw new ReportImportException($"{name}：文件结构嵌套过深（超过 {limits.MaxNesting} 层）。");
        }
        var document = new HtmlParser().ParseDocument(html);
        // The walk below follows the page's nesting: a page nested deeper than any report is refused first.
        if (Depth(document) > limits.MaxNesting)
        {
            throw new ReportImportException($"{name}：文件结构嵌套过深（超过 {limits.MaxNesting} 层）。");
        }
        var blocks = new List<SourceBlock>();
        var tableIndex = 0;
        var paragraphIndex = 0;
        void Walk(IElement element)
        {
            if (element.LocalName is "script" or "style" or "noscript" or "template")
            {
                return;
            }
            if (element.LocalName == "table")
            {
                tableIndex++;
                var rows = element.QuerySelectorAll("tr")
                    .Where(tr => tr.Closest("table") == element)
                    .Select((tr, r) => new SourceRow(
                        tr.Children.Where(c => c.LocalName is "td" or "th")
                            .Select((c, k) => new SourceCell(Text(c), $"表格 {tableIndex}，第 {r + 1} 行第 {k + 1} 格")).ToList(),
                        $"表格 {tableIndex}，第 {r + 1} 行"))
                    .ToList();
                blocks.Add(new SourceTable(rows));
                return;
            }
            if (TextElements.Contains(element.TagName) || (element.LocalName is "div" or "span" or "td" && !element.Children.Any(IsBlock)))
            {
                foreach (var line in Text(element).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    blocks.Add(new SourceParagraph(line, $"段落 {++paragraphIndex}"));
                }
                return;
            }
            foreach (var child in element.Children)
            {
                Walk(child);
            }
        }
        if (document.Body is { } body)
        {
            Walk(body);
        }
        return new SourceDocument(name, blocks);
    }

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    // Elements a page often leaves open: the next one of their kind closes them, as browsers do.
    private static readonly HashSet<string> ClosedBySibling = new(StringComparer.OrdinalIgnoreCase) { "p", "li", "td", "th", "tr", "dt", "dd", "option" };

    /// <summary>
    /// Whether the page's tags nest deeper than <paramref name="max"/>, counted from the tags alone:
    /// start tags open (but void elements and self-closed tags), end tags close back to their start
    /// tag, a sibling closes an open p, li, td, tr …; comments, scripts and styles are skipped. As
    /// deep as a browser would build it, give or take the elements browsers close on their own.
    /// Linear in the page: it stops at <paramref name="max"/>, and an end tag looks for its start
    /// among the last 64 open elements only.
    /// </summary>
    private static bool NestsDeeperThan(string html, int max)
    {
        var open = new List<string>();
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var stop = start;
            while (stop < html.Length && (char.IsAsciiLetterOrDigit(html[stop]) || html[stop] is '-' or ':'))
            {
                stop++;
            }
            var gt = html.IndexOf('>', stop);
            if (stop == start || gt < 0)
            {
                i++;
                continue;
            }
            var tag = html[start..stop];
            if (closing)
            {
                var at = open.Count == 0 ? -1 : open.FindLastIndex(open.Count - 1, Math.Min(64, open.Count), t => t.Equals(tag, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }
            }
            else if (tag.Equals("script", StringComparison.OrdinalIgnoreCase) || tag.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                var end = html.IndexOf("</" + tag, gt, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }
            else if (!Void.Contains(tag) && html[gt - 1] != '/')
            {
                if (ClosedBySibling.Contains(tag) && open.Count > 0)
                {
                    var at = open.FindLastIndex(open.Count - 1, Math.Min(3, open.Count), t => t.Equals(tag, StringComparison.OrdinalIgnoreCase));
                    if (at >= 0)
                    {
                        open.RemoveRange(at, open.Count - at);
                    }
                }
                open.Add(tag);
                if (open.Count > max)
                {
                    return true;
                }
            }
            i = gt + 1;
        }
        return false;
    }

    private static int Depth(IDocument document)
    {
        var deepest = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        if (document.DocumentElement is { } root)
        {
            stack.Push((root, 1));
        }
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }
        return deepest;
    }

    private static bool IsBlock(IElement e) => e.LocalName is "p" or "div" or "table" or "ul" or "ol" or "section" or "article" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "dl";

    /// <summary>An element's text with line breaks kept where the page breaks lines.</summary>
    private static string Text(IElement element)
    {
        var parts = new System.Text.StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            switch (node)
            {
                case IElement { LocalName: "br" }:
                    parts.Append('\n');
                    break;
                case IElement e when IsBlock(e):
                    parts.Append('\n').Append(Text(e)).Append('\n');
                    break;
                case IElement e:
                    parts.Append(Text(e));
                    break;
                default:
                    parts.Append(node.TextContent);
                    break;
            }
        }
        return parts.ToString().Replace('\u00a0', ' ').Trim();
    }
}
