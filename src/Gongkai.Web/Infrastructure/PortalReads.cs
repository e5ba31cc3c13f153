using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Which requests read the PostgreSQL replicas (<c>ConnectionStrings:ReadOnly</c>,
/// <see cref="ReplicaReads"/>): an anonymous GET of a portal page — one the portal cache keeps
/// (<see cref="PortalCache.Policy"/>), or an endpoint marked <see cref="Replica"/> (open data,
/// feeds, site maps). A signed-in user, a form's post, the application form and a citizen's
/// receipt and tracking read the primary: what one just wrote is there at once.
/// </summary>
public static class PortalReads
{
    /// <summary>Endpoint metadata: an anonymous GET of this endpoint may read a replica.</summary>
    public static readonly object Replica = new ReplicaReadable();

    private sealed class ReplicaReadable;

    public static bool MayReadReplica(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && context.GetEndpoint()?.Metadata is { } metadata
        && (metadata.GetMetadata<ReplicaReadable>() is not null
            || metadata.GetOrderedMetadata<OutputCacheAttribute>().Any(a => a.PolicyName == PortalCache.Policy));

    /// <summary>Middleware, after routing and sign-in: points the request's database context at the replicas when it may read them.</summary>
    public static Task ChooseAsync(HttpContext context, RequestDelegate next)
    {
        var database = context.RequestServices.GetRequiredService<DatabaseSettings>();
        if (database.ReadsConnectionString is not null && MayReadReplica(context))
        {
            ReplicaReads.Use(context.RequestServices.GetRequiredService<GongkaiDb>(), database);
        }
        return next(context);
    }
}
