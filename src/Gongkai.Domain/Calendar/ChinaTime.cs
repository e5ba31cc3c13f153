using System.Globalization;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// Dates and times as they are in Beijing (UTC+8 all year: China has no daylight saving). Every
/// date the law counts — receipt, reply, publication — is a Beijing date, whatever the server's zone.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Today's date in Beijing, from the injected clock: the receipt date of an online application, the default publication date.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Offset);

    /// <summary>A stored UTC instant as Beijing time, to the second.</summary>
    public static string Format(DateTime utc) =>
        (utc + Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The weekday as a Chinese office writes it: 周一 … 周日.</summary>
    public static string Weekday(DateOnly date) => "周" + "一二三四五六日"[((int)date.DayOfWeek + 6) % 7];
}
