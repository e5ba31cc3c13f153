using System.Globalization;

namespace Gongkai.Web.Infrastructure;

/// <summary>Shows stored UTC instants in Beijing time (UTC+8 all year: China has no daylight saving).</summary>
public static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Today's date in Beijing: the receipt date of an online application, the default publication date.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Offset);

    public static string Format(DateTime utc) =>
        (utc + Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
