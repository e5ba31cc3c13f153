using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Applications;

/// <summary>
/// Limits on the public application and tracking forms, against floods and code guessing, at two
/// levels: each browser (its antiforgery cookie, which every accepted post carries) may post
/// <see cref="RateLimitSettings.SubmissionsPerMinute"/> times a minute, and each address
/// <see cref="RateLimitSettings.SubmissionsPerAddressPerMinute"/> times — a carrier's NAT or an
/// office behind one address puts many honest people on one address, so the address limit is the
/// wider one and stops only a flood (a client that drops its cookies starts a new browser count,
/// but not a new address count).
/// </summary>
public static class ApplicationLimits
{
    public const string Policy = "public-applications";

    /// <summary>Where the refused request's wait is kept for the 429 page (the limiter's own figure, in seconds).</summary>
    public const string RetryAfterItem = "gongkai.retry-after";

    public static RateLimiterOptions AddApplicationLimits(this RateLimiterOptions options, RateLimitSettings rates)
    {
        options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter($"post|{context.Connection.RemoteIpAddress}|{context.Request.Cookies[WebSetup.AntiforgeryCookie]}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = rates.SubmissionsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            // Reading the form is nearly free; the limit only stops a crawler's flood.
            : RateLimitPartition.GetFixedWindowLimiter($"read|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = rates.FormReadsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        // The address level: a global limiter that counts only posts to the forms under the policy above.
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            HttpMethods.IsPost(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy
                // Partitions are cached by key: the keys of the two kinds never meet (an unknown address is "address|").
                ? RateLimitPartition.GetFixedWindowLimiter($"address|{context.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = rates.SubmissionsPerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("unlimited"));
        options.OnRejected = (rejected, _) =>
        {
            // Retry-After (RFC 9110 §10.2.3) from the limiter's window; the 429 page says the same in words.
            var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
            rejected.HttpContext.Items[RetryAfterItem] = seconds;
            rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
        return options;
    }
}
