using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;

namespace Gongkai.Bench;

/// <summary>
/// Posts generated inputs to every form of a running site, public and staff (issue 25, part 3):
/// the forms are found by reading the pages (the public ones, and every console page a system
/// administrator reaches by links from /console), and each post fills a form's fields with text of
/// random length, control characters, Unicode edge cases (lone surrogates, right-to-left marks,
/// combining marks, emoji, NUL), huge and empty values, numbers and dates out of range, wrong types,
/// unknown fields and missing ones. Any 5xx answer is a failure, written with what was posted. The
/// site is started apart (a throwaway database, rate limits raised) so that this measures the
/// forms, not the limits. Input i is made from (seed, i) alone.
/// </summary>
public static class FuzzForms
{
    /// <summary>Kestrel's MaxRequestBodySize (30,000,000 bytes), which the site keeps; nginx in front refuses at 25 MB.</summary>
    private const long ServerBodyLimit = 30_000_000;

    private sealed record Form(string Page, string Action, IReadOnlyList<(string Name, string Kind, string[] Options)> Fields);

    private static readonly string[] Edges =
    [
        "", " ", "\u0000", "\u000b", "\u001f", "\ud800", "\udfff", "\u202e", "\u200b", "\ufeff", "\uffff", "e\u0301\u0301\u0301", "😀", "𠀀", "零", "Ｆｕｌｌ",
        "<script>alert(1)</script>", "'; DROP TABLE applications; --", "=HYPERLINK(\"http://x\")", "../../etc/passwd", "%00", "{{7*7}}", "${jndi:ldap://x}",
        "-1", "0", "2147483648", "-9223372036854775809", "1e309", "NaN", "0x10", "１２", "0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "true", "null",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var url = Option(args, "--url") ?? throw new ArgumentException("--url http://127.0.0.1:PORT is required");
        var inputs = int.Parse(Option(args, "--inputs") ?? "100000", CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        var user = Option(args, "--user") ?? "sysadmin";
        var password = Option(args, "--password") ?? "Gongkai2026";
        var parallel = int.Parse(Option(args, "--parallel") ?? "8", CultureInfo.InvariantCulture);
        var failures = Option(args, "--failures") ?? Path.Combine(Path.GetTempPath(), "gongkai-form-fuzz");
        Directory.CreateDirectory(failures);

        var anonymous = Client(url);
        var staff = Client(url);
        await SignInAsync(staff, user, password);
        var forms = new List<(HttpClient Client, Form Form, string Token)>();
        foreach (var page in new[] { "/", "/agency/qx-bsz/apply", "/track", "/console/login", "/search?q=%E4%BD%8E%E4%BF%9D" })
        {
            forms.AddRange((await FormsAsync(anonymous, page)).Select(f => (anonymous, f.Form, f.Token)));
        }
        foreach (var page in await ConsolePagesAsync(staff))
        {
            forms.AddRange((await FormsAsync(staff, page)).Where(f => !f.Form.Action.StartsWith("/console/logout", StringComparison.Ordinal)).Select(f => (staff, f.Form, f.Token)));
        }
        Console.WriteLine($"{forms.Count} forms on {forms.Select(f => f.Form.Page).Distinct().Count()} pages; {inputs:N0} inputs, seed {seed}, {parallel} at once");

        var statuses = new ConcurrentDictionary<int, int>();
        var failed = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < inputs; i = Interlocked.Increment(ref next))
            {
                var random = new Random(HashCode.Combine(seed, i));
                var (client, form, token) = forms[random.Next(forms.Count)];
                var fields = Fill(form, token, random);
                int status;
                using var body = Body(fields, random);
                try
                {
                    using var response = await client.PostAsync(form.Action, body);
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException) when (body.Headers.ContentLength > ServerBodyLimit)
                {
                    // The server answers 413 and closes the connection before a body over its limit is
                    // sent (curl shows the 413; HttpClient, still sending, sees the connection close).
                    status = 413;
                }
                catch (HttpRequestException)
                {
                    status = 599; // the connection dropped: the site did not answer
                }
                catch (TaskCanceledException)
                {
                    status = 598; // no answer within the client's time
                }
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status >= 500 && Interlocked.Increment(ref failed) <= 200)
                {
                    await File.WriteAllTextAsync(Path.Combine(failures, $"{i}.txt"),
                        $"{status} POST {form.Action}\n" + string.Join("\n", fields.Select(f => $"{f.Key}={Shown(f.Value)}")));
                }
                if ((i + 1) % 10_000 == 0)
                {
                    Console.WriteLine($"  {i + 1:N0} posted, {failed} × 5xx, {clock.Elapsed.TotalSeconds:N0} s");
                }
            }
        }));
        Console.WriteLine($"{inputs:N0} posts in {clock.Elapsed.TotalSeconds:N0} s: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value:N0}")));
        Console.WriteLine($"{failed} answered 5xx{(failed > 0 ? $" (written to {failures})" : "")}");
        return failed == 0 ? 0 : 1;
    }

    private static HttpClient Client(string url) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(120),
        };

    private static async Task SignInAsync(HttpClient client, string user, string password)
    {
        var (_, token) = (await FormsAsync(client, "/console/login")).First();
        using var response = await client.PostAsync("/console/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["UserName"] = user, ["Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"signing in as {user} answered {(int)response.StatusCode}");
        }
    }

    /// <summary>Every console page reached by links from /console (no downloads, no sign-out), two links deep.</summary>
    private static async Task<IReadOnlyList<string>> ConsolePagesAsync(HttpClient staff)
    {
        var seen = new HashSet<string> { "/console" };
        var frontier = new List<string> { "/console" };
        for (var depth = 0; depth < 2; depth++)
        {
            var found = new List<string>();
            foreach (var page in frontier)
            {
                var html = await staff.GetStringAsync(page);
                foreach (var a in new HtmlParser().ParseDocument(html).QuerySelectorAll("a[href^='/console']"))
                {
                    var href = a.GetAttribute("href")!;
                    if (!href.Contains("/letters/", StringComparison.Ordinal) && !href.Contains("download", StringComparison.Ordinal)
                        && !href.Contains("/attachments/", StringComparison.Ordinal) && !href.StartsWith("/console/logout", StringComparison.Ordinal) && seen.Add(href))
                    {
                        found.Add(href);
                    }
                }
            }
            frontier = found;
        }
        return [.. seen];
    }

    private static async Task<IReadOnlyList<(Form Form, string Token)>> FormsAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return [];
        }
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var forms = new List<(Form, string)>();
        foreach (var form in document.QuerySelectorAll("form[method=post]"))
        {
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
            var fields = form.QuerySelectorAll("input[name], select[name], textarea[name]")
                .Where(e => e.GetAttribute("name") != "__RequestVerificationToken")
                .Select(e => (e.GetAttribute("name")!, e.LocalName == "select" ? "select" : e.GetAttribute("type") ?? e.LocalName,
                    e.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? o.TextContent).ToArray()))
                .DistinctBy(f => f.Item1).ToList();
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page;
            forms.Add((new Form(page, action, fields), token));
        }
        return forms;
    }

    private static List<KeyValuePair<string, string>> Fill(Form form, string token, Random random)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (random.Next(20) != 0)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }
        foreach (var (name, kind, options) in form.Fields)
        {
            if (random.Next(10) == 0)
            {
                continue; // a field left out
            }
            var value = random.Next(4) == 0 && options.Length > 0 ? options[random.Next(options.Length)]
                : random.Next(3) == 0 ? Typed(kind, random)
                : Text(random);
            fields.Add(new(name, value));
            if (random.Next(30) == 0)
            {
                fields.Add(new(name, Text(random))); // the same field twice
            }
        }
        if (random.Next(10) == 0)
        {
            fields.Add(new(random.Next(2) == 0 ? "handler" : $"Unknown{random.Next(100)}", Text(random)));
        }
        return fields;
    }

    private static string Typed(string kind, Random random) => kind switch
    {
        "date" => random.Next(3) switch
        {
            0 => new DateOnly(1, 1, 1).AddDays(random.Next(3_652_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            1 => $"{random.Next(10000)}-{random.Next(20)}-{random.Next(40)}",
            _ => new DateOnly(2026, 1, 1).AddDays(random.Next(-400, 400)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
        "number" => random.Next(3) switch { 0 => random.NextInt64().ToString(CultureInfo.InvariantCulture), 1 => (-random.Next()).ToString(CultureInfo.InvariantCulture), _ => random.NextDouble().ToString("R", CultureInfo.InvariantCulture) },
        "checkbox" => random.Next(2) == 0 ? "true" : "on",
        _ => Edges[random.Next(Edges.Length)],
    };

    /// <summary>Text of a random length (mostly short, sometimes 100,000 characters or 5 MB) from edge cases and random characters of every plane.</summary>
    private static string Text(Random random)
    {
        var length = random.Next(100) switch
        {
            < 60 => random.Next(0, 20),
            < 90 => random.Next(20, 2_000),
            < 99 => random.Next(2_000, 100_000),
            _ => random.Next(1_000_000, 5_000_000),
        };
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append(random.Next(4) switch
            {
                0 => Edges[random.Next(Edges.Length)],
                1 => ((char)random.Next(0x20, 0x7f)).ToString(),
                2 => ((char)random.Next(0x4e00, 0x9fff)).ToString(),
                _ => ((char)random.Next(0, 0x10000)).ToString(),
            });
        }
        return text.ToString();
    }

    /// <summary>Mostly a urlencoded form, sometimes multipart (as an upload form posts).</summary>
    private static HttpContent Body(List<KeyValuePair<string, string>> fields, Random random)
    {
        if (random.Next(8) != 0)
        {
            // Lone surrogates cannot be encoded; they go as the replacement character, as a browser sends them.
            return new FormUrlEncodedContent(fields);
        }
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            multipart.Add(new StringContent(value), name);
        }
        if (random.Next(2) == 0)
        {
            var bytes = new byte[random.Next(0, 100_000)];
            random.NextBytes(bytes);
            multipart.Add(new ByteArrayContent(bytes), random.Next(2) == 0 ? "Upload" : "file", random.Next(2) == 0 ? "年报.pdf" : "x.docx");
        }
        return multipart;
    }

    private static string Shown(string value) => value.Length > 300 ? $"{Escape(value[..300])}… ({value.Length:N0} characters)" : Escape(value);

    private static string Escape(string value) => string.Concat(value.Select(c => c < 0x20 || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? args[i + 1] : null;
}
