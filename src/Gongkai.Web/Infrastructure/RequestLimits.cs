using Microsoft.AspNetCore.Http.Features;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// A posted form is read once, here, before anything binds it: a field over the form reader's limit
/// (4 MB, FormOptions.ValueLengthLimit), too many fields, or a body over the server's limit answers
/// 413 with the site's page (problem JSON under /api) — not an exception in model binding, which
/// answered 500 on the apply form, /track, the sign-in and the parse API (issue 25). A malformed
/// body answers the site's 400 page (an API answers it itself, as a form with no fields).
/// </summary>
public static class RequestLimits
{
    public static async Task RefuseOversizedFormsAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                // Whatever runs after (the error page, an endpoint) sees an empty form and never reads the body again.
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
                var api = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
                if (IsOverLimit(e))
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    if (api)
                    {
                        await Results.Problem(title: "提交的内容过大", detail: "某个字段或整个请求超过了允许的大小。", statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
                    }
                    return;
                }
                if (!api)
                {
                    // A malformed body is nothing a browser sends: the site's 400 page.
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                // An API answers a malformed body itself, as one with no fields (the parse API: 400 缺少报告文件).
            }
        }
        await next(context);
    }

    /// <summary>
    /// A form over one of the reader's limits (value, key, count, multipart body or line length, the
    /// server's body size), as against one that is merely malformed (an empty multipart body).
    /// </summary>
    private static bool IsOverLimit(Exception e) =>
        e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        || e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
}
