using Gongkai.Data;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// How often one address may act, per minute and per web node (<c>RateLimits:*</c> settings).
/// With several nodes each keeps its own count, so an address gets up to the number of nodes
/// times these figures; deploy/nginx holds the limits that hold across nodes.
/// </summary>
/// <param name="SignInsPerMinute">Sign-in attempts (an account's own limit is its lockout, kept in the database).</param>
/// <param name="SubmissionsPerMinute">Posts of the public application and tracking forms from one browser (its antiforgery cookie) at one address.</param>
/// <param name="FormReadsPerMinute">Reads of those forms.</param>
/// <param name="ParsesPerMinute">Calls of the report parse API, which costs CPU.</param>
/// <param name="SubmissionsPerAddressPerMinute">
/// Posts of those forms from one address, all browsers together: a mobile carrier's NAT or an
/// office network puts many people on one address, and a county receives a few hundred
/// applications a year, so 60 a minute holds every honest case and still stops a flood.
/// </param>
public sealed record RateLimitSettings(int SignInsPerMinute, int SubmissionsPerMinute, int FormReadsPerMinute, int ParsesPerMinute, int SubmissionsPerAddressPerMinute)
{
    public static readonly RateLimitSettings Default = new(20, 10, 600, 60, 60);

    public static RateLimitSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimits");
        int Positive(string key, int fallback) => SettingsCheck.PositiveInt(section, key, fallback, "访问频率限制");
        return new RateLimitSettings(
            Positive(nameof(SignInsPerMinute), Default.SignInsPerMinute),
            Positive(nameof(SubmissionsPerMinute), Default.SubmissionsPerMinute),
            Positive(nameof(FormReadsPerMinute), Default.FormReadsPerMinute),
            Positive(nameof(ParsesPerMinute), Default.ParsesPerMinute),
            Positive(nameof(SubmissionsPerAddressPerMinute), Default.SubmissionsPerAddressPerMinute));
    }
}
