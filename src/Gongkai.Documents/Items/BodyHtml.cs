using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Gongkai.Documents.Items;

/// <summary>
/// An item's body as staff paste it (often from Word) made safe to publish: only structural tags
/// survive, links only to http(s) and mailto, every attribute but href/colspan/rowspan dropped,
/// scripts, styles and event handlers gone. Also the body's plain text for search and the guard.
/// </summary>
public static class BodyHtml
{
    private static readonly HashSet<string> Allowed =
        ["p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h2", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "a", "blockquote", "span", "div", "sub", "sup"];

    private static readonly HashSet<string> Dropped = ["script", "style", "iframe", "object", "embed", "form", "input", "button", "textarea", "select", "svg", "math", "template", "noscript", "link", "meta"];

    public static string Sanitize(string? html)
    {
        var document = new HtmlParser().ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html ?? "";
        Clean(body);
        return body.InnerHtml.Trim();
    }

    private static void Clean(IElement parent)
    {
        foreach (var node in parent.ChildNodes.ToList())
        {
            switch (node)
            {
                case IElement element when Dropped.Contains(element.LocalName):
                    element.Remove();
                    break;
                case IElement element when !Allowed.Contains(element.LocalName):
                    Clean(element);
                    // Unknown wrapper (font, o:p …): keep its content, lose the tag.
                    foreach (var child in element.ChildNodes.ToList())
                    {
                        parent.InsertBefore(child, element);
                    }
                    element.Remove();
                    break;
                case IElement element:
                    foreach (var attribute in element.Attributes.ToList())
                    {
                        var keep = attribute.Name switch
                        {
                            "href" => element.LocalName == "a" && SafeLink(attribute.Value),
                            "colspan" or "rowspan" => int.TryParse(attribute.Value, out var n) && n is > 0 and < 100,
                            _ => false,
                        };
                        if (!keep)
                        {
                            element.RemoveAttribute(attribute.Name);
                        }
                    }
                    Clean(element);
                    break;
                case IComment comment:
                    comment.Remove();
                    break;
            }
        }
    }

    private static bool SafeLink(string href)
    {
        var value = href.Trim();
        return value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal));
    }

    /// <summary>The text of sanitised HTML, a line per block.</summary>
    public static string Text(string html)
    {
        var document = new HtmlParser().ParseDocument("<body></body>");
        document.Body!.InnerHtml = html.Replace("<br>", "\n", StringComparison.OrdinalIgnoreCase);
        foreach (var block in document.Body.QuerySelectorAll("p, li, h2, h3, h4, tr, div, blockquote"))
        {
            block.AppendChild(document.CreateTextNode("\n"));
        }
        return string.Join("\n", document.Body.TextContent.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    /// <summary>Text typed without any markup becomes paragraphs (a clerk's plain text, or a form posted without the editor).</summary>
    public static string FromPlainText(string text) =>
        string.Concat(text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => "<p>" + System.Net.WebUtility.HtmlEncode(l) + "</p>"));
}
