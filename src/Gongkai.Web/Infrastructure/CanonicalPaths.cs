namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Each page has one address: lowercase, without a trailing slash. Routing alone ignores case and a
/// trailing slash, so /AGENCY/qx-bsz/APPLY or /console/login/ reached the site without matching
/// nginx's rate-limit locations (issue 25). A GET or HEAD elsewhere is redirected (301) to the
/// canonical address, keeping the query; any other method there answers 404, so every post a
/// proxy rule must see is sent to the address the rule names.
/// </summary>
public static class CanonicalPaths
{
    /// <summary>The canonical form of <paramref name="path"/>, or null when it is already canonical.</summary>
    public static string? Of(string path)
    {
        var canonical = path.Length > 1 ? path.TrimEnd('/') : path;
        canonical = canonical.Length == 0 ? "/" : canonical.ToLowerInvariant();
        return canonical == path ? null : canonical;
    }

    public static async Task RedirectAsync(HttpContext context, RequestDelegate next)
    {
        if (Of(context.Request.Path.Value ?? "/") is not { } canonical)
        {
            await next(context);
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = context.Request.PathBase + new PathString(canonical) + context.Request.QueryString;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
