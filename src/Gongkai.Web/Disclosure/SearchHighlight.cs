using System.Net;
using System.Text;

namespace Gongkai.Web.Disclosure;

/// <summary>Search results' text with the query's terms marked, compared as the index compares them (folded width and case).</summary>
public static class SearchHighlight
{
    /// <summary>
    /// HTML of <paramref name="text"/> (or of a window of about <paramref name="window"/>
    /// characters around the first hit when given) with every occurrence of a term in &lt;mark&gt;.
    /// </summary>
    public static string Html(string text, IReadOnlyList<string> terms, int? window = null)
    {
        // Fold character by character, remembering which original character each folded one came from.
        var folded = new StringBuilder();
        var origin = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            foreach (var c in SearchText.Fold(text[i].ToString()))
            {
                folded.Append(c);
                origin.Add(i);
            }
        }
        var marked = new bool[text.Length];
        var foldedText = folded.ToString();
        var first = -1;
        foreach (var term in terms)
        {
            for (var at = foldedText.IndexOf(term, StringComparison.Ordinal); at >= 0; at = foldedText.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                for (var k = origin[at]; k <= origin[at + term.Length - 1]; k++)
                {
                    marked[k] = true;
                }
                first = first < 0 ? origin[at] : Math.Min(first, origin[at]);
            }
        }
        var (start, end) = (0, text.Length);
        if (window is { } w && text.Length > w)
        {
            start = Math.Max(0, Math.Min(first < 0 ? 0 : first - w / 4, text.Length - w));
            end = Math.Min(text.Length, start + w);
        }
        var html = new StringBuilder(start > 0 ? "…" : "");
        for (var i = start; i < end; i++)
        {
            if (marked[i] && (i == start || !marked[i - 1]))
            {
                html.Append("<mark>");
            }
            html.Append(WebUtility.HtmlEncode(text[i].ToString()));
            if (marked[i] && (i == end - 1 || !marked[i + 1]))
            {
                html.Append("</mark>");
            }
        }
        return html.Append(end < text.Length ? "…" : "").ToString();
    }
}
