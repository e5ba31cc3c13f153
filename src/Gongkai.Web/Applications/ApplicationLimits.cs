using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Applications;

/// <summary>Limits on the public application and tracking forms, against floods and code guessing.</summary>
public static class ApplicationLimits
{
    public const string Policy = "public-applications";

    public static RateLimiterOptions AddApplicationLimits(this RateLimiterOptions options, RateLimitSettings rates) => options.AddPolicy(Policy, context =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{context.Connection.RemoteIpAddress}|{context.Request.Method}",
            // Reading the form is free; each address may submit or look up a few times a minute.
            _ => HttpMethods.IsPost(context.Request.Method)
                ? new FixedWindowRateLimiterOptions { PermitLimit = rates.SubmissionsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }
                : new FixedWindowRateLimiterOptions { PermitLimit = rates.FormReadsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}
