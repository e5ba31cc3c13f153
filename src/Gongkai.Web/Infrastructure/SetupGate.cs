using Gongkai.Data.Setup;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Until <c>gongkai setup</c> has made the first agency and administrator, every page answers 503
/// with the page that says how (Pages/NotSetUp) — not an empty portal, and no web form that
/// whoever arrives first could use to claim the first account. Once set up, it stays set up: the
/// database is not asked again.
/// </summary>
public sealed class SetupGate
{
    public const string Page = "/not-set-up";

    private volatile bool _setUp;

    public async Task<bool> IsSetUpAsync(GongkaiDb db, CancellationToken ct) => _setUp || (_setUp = await PlatformSetup.IsSetUpAsync(db, ct));

    public static async Task ShowUntilSetUpAsync(HttpContext context, RequestDelegate next)
    {
        var gate = context.RequestServices.GetRequiredService<SetupGate>();
        // Once set up, no database context is made here: a page served from the output cache needs none.
        if (!gate._setUp && !await gate.IsSetUpAsync(context.RequestServices.GetRequiredService<GongkaiDb>(), context.RequestAborted)
            && !context.Request.Path.StartsWithSegments("/error"))
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
            context.Request.Path = Page;
        }
        await next(context);
    }
}
