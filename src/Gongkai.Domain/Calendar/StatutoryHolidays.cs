using System.Globalization;

namespace Gongkai.Domain.Calendar;

/// <summary>
/// The holidays 《全国年节及纪念日放假办法》 gives every citizen, as its revision in force in a year
/// sets them: the statutory minimum of a year for which the State Council's notice is not (yet)
/// loaded. Used only as a provisional calendar (<see cref="CalendarDay.Provisional"/>): the notice
/// usually moves weekends to make longer breaks, so a provisional deadline can only move once the
/// notice is loaded, and every one is marked 暂定 until then.
/// <list type="bullet">
/// <item>Revision of 2024 (国务院令第795号, from 2025): 元旦 1 day; 春节 4 (农历除夕, 正月初一至初三); 清明 1; 劳动节 2 (5-1, 5-2); 端午 1; 中秋 1; 国庆 3 (10-1 to 10-3).</item>
/// <item>Revision of 2013 (国务院令第644号, 2014–2024): 春节 3 (正月初一至初三); 劳动节 1.</item>
/// <item>Revision of 2007 (国务院令第513号, 2008–2013): 春节 3 (除夕, 正月初一, 初二); 劳动节 1; 清明, 端午, 中秋 added.</item>
/// <item>Before 2008 (国务院令第270号): 元旦 1, 春节 3 (正月初一至初三), 劳动节 3, 国庆 3.</item>
/// <item>Art. 6 of every revision: a holiday falling on a Saturday or Sunday is made up on the following working day(s) (补假).</item>
/// </list>
/// </summary>
public static class StatutoryHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The weekdays off of <paramref name="year"/> by statute, each with its holiday's name: statutory days and their 补假.</summary>
    public static IReadOnlyList<ScheduledDay> OffDays(int year)
    {
        var statutory = Days(year);
        var off = statutory.Where(d => !IsWeekend(d.Date)).ToList();
        var taken = statutory.Select(d => d.Date).ToHashSet();
        foreach (var weekend in statutory.Where(d => IsWeekend(d.Date)).OrderBy(d => d.Date))
        {
            // 第六条: made up on the next working day not itself a holiday or already a make-up day.
            var date = weekend.Date.AddDays(1);
            while (IsWeekend(date) || taken.Contains(date))
            {
                date = date.AddDays(1);
            }
            taken.Add(date);
            off.Add(new ScheduledDay(date, true, weekend.Name));
        }
        return off.Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToList();
    }

    /// <summary>The statutory holidays of <paramref name="year"/> themselves, weekends included, before any make-up day.</summary>
    public static IReadOnlyList<ScheduledDay> Days(int year)
    {
        var days = new List<ScheduledDay>();
        void Add(DateOnly date, string name) => days.Add(new ScheduledDay(date, true, name));

        Add(new DateOnly(year, 1, 1), "元旦");
        var newYear = LunarDate(year, 1, 1);
        var (springFrom, springDays) = year switch
        {
            >= 2025 => (-1, 4),
            >= 2014 => (0, 3),
            >= 2008 => (-1, 3),
            _ => (0, 3),
        };
        for (var i = 0; i < springDays; i++)
        {
            Add(newYear.AddDays(springFrom + i), "春节");
        }
        if (year >= 2008)
        {
            Add(Qingming(year), "清明节");
        }
        var mayDays = year switch { >= 2025 => 2, >= 2008 => 1, _ => 3 };
        for (var i = 0; i < mayDays; i++)
        {
            Add(new DateOnly(year, 5, 1 + i), "劳动节");
        }
        if (year >= 2008)
        {
            Add(LunarDate(year, 5, 5), "端午节");
            Add(LunarDate(year, 8, 15), "中秋节");
        }
        for (var i = 0; i < 3; i++)
        {
            Add(new DateOnly(year, 10, 1 + i), "国庆节");
        }
        // 中秋 can fall on 10-1 to 10-3 (2020: 10-1); a day is one holiday however many feasts it has.
        return days.DistinctBy(d => d.Date).Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToList();
    }

    /// <summary>
    /// The Gregorian date of a lunar month and day in the lunar year that starts in <paramref name="year"/>.
    /// .NET numbers a leap month as the month after the one it repeats (GetLeapMonth = 5 for 闰四月),
    /// so a month at or after the leap month is one further on.
    /// </summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// The day of the 清明 solar term (the sun at 15° ecliptic longitude): the usual formula
    /// ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ in April, Y the year's last two digits, C = 4.81 from 2000 and 5.59 in
    /// the 1900s. Checked against every notice of 2008–2026 (StatutoryHolidaysTests).
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        var y = year % 100;
        var c = year >= 2000 ? 4.81 : 5.59;
        var day = (int)Math.Floor(y * 0.2422 + c) - y / 4;
        return new DateOnly(year, 4, day);
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
