using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Gongkai.Web.Tests;

/// <summary>One browser: keeps its cookies, reads pages, fills in and submits their forms.</summary>
public sealed class Visitor(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public sealed record Page(HttpStatusCode Status, IDocument Document, HttpResponseMessage Response)
    {
        public string Text => Document.Body?.TextContent ?? "";

        /// <summary>The message shown next to a field, or the empty string.</summary>
        public string FieldError(string field) =>
            Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

        /// <summary>Where a redirect points, as a local path and query.</summary>
        public string? Location => Response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;

        /// <summary>The error summary's messages, one a line (without its heading).</summary>
        public string Summary => Document.QuerySelector(".error-summary") is { } summary
            ? summary.QuerySelectorAll("li") is { Length: > 0 } items ? string.Join("\n", items.Select(i => i.TextContent.Trim())) : summary.TextContent.Trim()
            : "";
    }

    public async Task<Page> GetAsync(string url)
    {
        var response = await client.GetAsync(url);
        return await ReadAsync(response);
    }

    /// <summary>
    /// Submits the page's post form as a browser would: the form's own fields and its antiforgery
    /// token, with <paramref name="fields"/> typed over them.
    /// </summary>
    public async Task<Page> SubmitAsync(string url, IReadOnlyDictionary<string, string?> fields, string? handler = null)
    {
        var (target, values) = await FillInAsync(url, fields, handler);
        return await PostAsync(target, values);
    }

    /// <summary>The post <see cref="SubmitAsync"/> would send: where to, and the fields with the form's token.</summary>
    public async Task<(string Target, Dictionary<string, string?> Values)> FillInAsync(string url, IReadOnlyDictionary<string, string?> fields, string? handler = null)
    {
        var page = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // The form a person would use: the one posting to the handler, or else the page's own (no handler).
        var forms = page.Document.QuerySelectorAll("main form[method=post]").ToList();
        var form = (handler is null
                ? forms.FirstOrDefault(f => !(f.GetAttribute("action") ?? "").Contains("handler=", StringComparison.Ordinal))
                : forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase)))
            ?? forms.LastOrDefault()
            ?? throw new InvalidOperationException($"No form on {url}");
        var values = Values(form);
        foreach (var (key, value) in fields)
        {
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }
        // Where a browser would post: the form's action, else the page's own address.
        var target = form.GetAttribute("action") is { Length: > 0 } action ? action
            : handler is null ? url : $"{url}{(url.Contains('?') ? '&' : '?')}handler={handler}";
        return (target, values);
    }

    /// <summary>What a form sends untouched: its fields' values, a checkbox only when checked.</summary>
    public static Dictionary<string, string?> Values(IElement form)
    {
        var values = new Dictionary<string, string?>();
        foreach (var input in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = input.GetAttribute("name")!;
            var type = input.GetAttribute("type");
            if (type == "checkbox")
            {
                if (input.HasAttribute("checked"))
                {
                    values[name] = input.GetAttribute("value") ?? "true";
                }
                continue;
            }
            if (type == "hidden" && values.ContainsKey(name))
            {
                continue; // the hidden "false" that follows a checked checkbox
            }
            values[name] = input.LocalName == "select"
                ? (input.QuerySelector("option[selected]") ?? input.QuerySelector("option"))?.GetAttribute("value")
                : input.LocalName == "textarea" ? input.TextContent : input.GetAttribute("value");
        }
        return values;
    }

    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string?>> values)
    {
        var content = new FormUrlEncodedContent(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Key, v.Value!)));
        return await ReadAsync(await client.PostAsync(url, content));
    }

    /// <summary>The antiforgery token of a page's form, to forge requests that carry a real one.</summary>
    public async Task<string> TokenFromAsync(string url)
    {
        var page = await GetAsync(url);
        return page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {url}");
    }

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var page = await SubmitAsync("/console/login", new Dictionary<string, string?> { ["UserName"] = userName, ["Password"] = password });
        return page.Response;
    }

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return new Page(response.StatusCode, await Parser.ParseDocumentAsync(html), response);
    }

    public void Dispose() => client.Dispose();
}
