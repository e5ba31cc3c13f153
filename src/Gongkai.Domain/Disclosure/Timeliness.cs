using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// Art. 26: information within the proactive scope is published within 20 working days of the
/// day it is formed or changed. Counted on the working-day calendar from 成文日期.
/// </summary>
public static class Timeliness
{
    public const int PublicationPeriod = 20;

    /// <summary>The last day to publish an item formed on <paramref name="written"/>.</summary>
    public static DateOnly Due(WorkingCalendar calendar, DateOnly written) => calendar.AddWorkingDays(written, PublicationPeriod);

    /// <summary>Working days from formation to publication (or to <paramref name="today"/> while unpublished).</summary>
    public static int WorkingDaysTaken(WorkingCalendar calendar, DateOnly written, DateOnly? published, DateOnly today) =>
        calendar.WorkingDaysBetween(written, published ?? today);

    /// <summary>Whether the item was (or, unpublished, already is) past Art. 26's period.</summary>
    public static bool Late(WorkingCalendar calendar, DateOnly written, DateOnly? published, DateOnly today) =>
        (published ?? today) > Due(calendar, written);

    /// <summary>Whether an item of <paramref name="status"/> is late: a withdrawn item is no longer judged (it left the column).</summary>
    public static bool Late(WorkingCalendar calendar, ItemStatus status, DateOnly written, DateOnly? published, DateOnly today) =>
        status != ItemStatus.Withdrawn && Late(calendar, written, published, today);
}
