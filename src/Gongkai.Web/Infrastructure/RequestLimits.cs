using Microsoft.AspNetCore.Http.Features;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// A posted form is read once, here, before anything binds it: a field over the form reader's limit
/// (4 MB, FormOptions.ValueLengthLimit), too many fields, or a body over the server's limit answers
/// 413 with the site's page (problem JSON under /api) — not an exception in model binding, which
/// answered 500 on the apply form, /track, the sign-in and the parse API (issue 25).
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
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                // The error page is shown for this request with an empty form: nothing after reads the body again.
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await Results.Problem(title: "提交的内容过大", detail: "某个字段或整个请求超过了允许的大小。", statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
                }
                return;
            }
        }
        await next(context);
    }
}
