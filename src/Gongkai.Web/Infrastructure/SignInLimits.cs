using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Sign-in attempts from one address are limited (an account's own limit is its lockout): a
/// script trying passwords across many accounts is slowed to a few a minute, then answered 429.
/// </summary>
public static class SignInLimits
{
    public const string Policy = "sign-in";

    public static RateLimiterOptions AddSignInLimits(this RateLimiterOptions options, RateLimitSettings rates) => options.AddPolicy(Policy, context =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter($"{context.Connection.RemoteIpAddress}", _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = rates.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read"));
}
