using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Data.Forms;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Every form, public and staff: the same post twice — a double click, a refresh of the answer,
/// the back button and submit again — does its work once. The antiforgery token in the post
/// stands for one showing of the form, so the same token with the same fields is the same
/// intention: the first post runs, a repeat waits for it and gets its redirect (and the cookie
/// with its confirmation), also on another web node (<see cref="FormSubmissions"/>, in the
/// database). A post that ends without a redirect (a message on the form) may be sent again.
/// Pages whose every post must count (sign-in attempts towards the lockout) say
/// <see cref="EachPostCountsAttribute"/>.
/// </summary>
public sealed class RepeatedPosts(TimeProvider clock) : IAsyncPageFilter
{
    /// <summary>How long a repeat waits for the first post to finish before it is told to try later.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static readonly object ClaimKey = new();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        // Items survive a re-execution for an error page, which must not claim the post again.
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || http.Items.ContainsKey(ClaimKey)
            || context.HandlerInstance.GetType().IsDefined(typeof(EachPostCountsAttribute), inherit: true))
        {
            await next();
            return;
        }
        var form = await request.ReadFormAsync(http.RequestAborted);
        if (string.IsNullOrEmpty(form["__RequestVerificationToken"]))
        {
            await next();
            return;
        }
        var hash = Hash(request, form);
        var db = http.RequestServices.GetRequiredService<GongkaiDb>();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await FormSubmissions.ClaimAsync(db, hash, clock.GetUtcNow().UtcDateTime, http.RequestAborted))
            {
                http.Items[ClaimKey] = hash;
                await next();
                return;
            }
            var first = await FormSubmissions.FindAsync(db, hash, http.RequestAborted);
            if (first?.Location is { } location)
            {
                foreach (var cookie in (first.Cookies ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    http.Response.Headers.Append(HeaderNames.SetCookie, cookie);
                }
                context.Result = new RedirectResult(location);
                return;
            }
            if (first is not null)
            {
                if (waited.Elapsed > Wait)
                {
                    context.Result = new StatusCodeResult(StatusCodes.Status409Conflict);
                    return;
                }
                await Task.Delay(100, http.RequestAborted);
            }
            // else the first post ended without a redirect and let go: this one is tried afresh.
        }
    }

    /// <summary>Records the first post's redirect once it is written, or lets the post go when it ended otherwise.</summary>
    public static async Task RecordAnswerAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch when (http.Items.ContainsKey(ClaimKey))
        {
            try
            {
                await LetGoAsync(http);
            }
            catch (Exception)
            {
                // The error being thrown matters more; an unreleased post only makes its repeat wait and fail.
            }
            throw;
        }
        if (http.Items[ClaimKey] is string hash)
        {
            http.Items.Remove(ClaimKey);
            var response = http.Response;
            if (response.StatusCode is >= 300 and < 400 && !response.HasStarted && response.Headers.Location is [{ } location])
            {
                var db = http.RequestServices.GetRequiredService<GongkaiDb>();
                await FormSubmissions.AnsweredAsync(db, hash, location, response.Headers.SetCookie.OfType<string>(), CancellationToken.None);
            }
            else
            {
                http.Items[ClaimKey] = hash;
                await LetGoAsync(http);
            }
        }
    }

    private static async Task LetGoAsync(HttpContext http)
    {
        if (http.Items[ClaimKey] is string hash)
        {
            http.Items.Remove(ClaimKey);
            await FormSubmissions.ReleaseAsync(http.RequestServices.GetRequiredService<GongkaiDb>(), hash, CancellationToken.None);
        }
    }

    private static string Hash(HttpRequest request, IFormCollection form)
    {
        var text = new StringBuilder();
        void Add(string? value) => text.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
        Add(request.Path.Value);
        Add(request.QueryString.Value);
        foreach (var (key, values) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Add(key);
            foreach (var value in values)
            {
                Add(value);
            }
        }
        foreach (var file in form.Files)
        {
            Add(file.Name);
            Add(file.FileName);
            Add(file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>Every post of this page is handled, the same one twice included (each sign-in attempt counts towards the lockout).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EachPostCountsAttribute : Attribute;
