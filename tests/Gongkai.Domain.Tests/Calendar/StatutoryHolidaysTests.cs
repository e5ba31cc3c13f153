using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

/// <summary>The provisional calendar (the statute's days alone) against the State Council's notices it stands in for.</summary>
public sealed class StatutoryHolidaysTests
{
    private static readonly WorkingCalendar Notices = WorkingCalendar.National;

    /// <summary>The embedded calendar with no notices at all: every day provisional.</summary>
    private static readonly WorkingCalendar NoNotices = new([], []);

    private static DateOnly D(string s) => DateOnly.Parse(s);

    public static TheoryData<int> NoticeYears() => [.. Enumerable.Range(2008, 19)];

    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void EveryStatutoryDay_IsOffInThatYearsNotice(int year)
    {
        // A notice may add days off (调休) but never takes away a statutory one: each statutory
        // day the provisional calendar computes — lunar feasts, 清明, fixed dates — is off there.
        foreach (var day in StatutoryHolidays.Days(year))
        {
            Assert.False(Notices.IsWorkingDay(day.Date), $"{day.Date:yyyy-MM-dd} {day.Name} is a working day in the {year} notice");
            var inNotice = Notices.Describe(day.Date);
            if (inNotice.Kind == DayKind.Holiday)
            {
                Assert.Contains(day.Name[..2], inNotice.Holiday!);
            }
        }
    }

    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void EveryMakeUpDay_IsOffInThatYearsNotice(int year)
    {
        // 补假 (Art. 6): the notices give the same weekday off after a weekend holiday, or more —
        // but twice in 19 years they did otherwise, and a provisional date may then move by a day:
        // 2012's 端午 (Sat 23 June) was made up on the Friday before, 2015's 中秋 (Sun 27 Sept) not at all.
        DateOnly[] notFollowed = [D("2012-06-25"), D("2015-09-28")];
        foreach (var day in StatutoryHolidays.OffDays(year).Where(d => !notFollowed.Contains(d.Date)))
        {
            Assert.False(Notices.IsWorkingDay(day.Date), $"{day.Date:yyyy-MM-dd} {day.Name} is a working day in the {year} notice");
        }
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void UnderThe2024Revision_EachStatutoryHolidayHasItsDays(int year)
    {
        var days = StatutoryHolidays.Days(year).GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, days["元旦"]);
        Assert.Equal(4, days["春节"]);      // 除夕 and 正月初一至初三
        Assert.Equal(1, days["清明节"]);
        Assert.Equal(2, days["劳动节"]);
        Assert.Equal(1, days["端午节"]);
        Assert.Equal(1, days["中秋节"]);
        Assert.Equal(3, days["国庆节"]);
        Assert.Equal(13, days.Values.Sum());
    }

    [Theory]
    [InlineData(2008, "2008-04-04")]
    [InlineData(2010, "2010-04-05")]
    [InlineData(2019, "2019-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    [InlineData(2028, "2028-04-04")]
    public void Qingming_IsTheDayOfTheSolarTerm(int year, string date) => Assert.Equal(D(date), StatutoryHolidays.Qingming(year));

    [Fact]
    public void LunarFeasts_AreOnTheirDates_AcrossLeapMonths()
    {
        Assert.Equal(D("2027-02-05"), StatutoryHolidays.LunarDate(2027, 1, 1).AddDays(-1)); // 除夕 2027
        Assert.Equal(D("2023-06-22"), StatutoryHolidays.LunarDate(2023, 5, 5));            // 闰二月 before 端午
        Assert.Equal(D("2020-06-25"), StatutoryHolidays.LunarDate(2020, 5, 5));            // 闰四月 before 端午
        Assert.Equal(D("2025-10-06"), StatutoryHolidays.LunarDate(2025, 8, 15));           // 闰六月 before 中秋
        Assert.Equal(D("2028-05-28"), StatutoryHolidays.LunarDate(2028, 5, 5));            // 闰五月 after 端午
    }

    [Fact]
    public void AWeekendHoliday_IsMadeUpOnTheFollowingWorkingDays()
    {
        // 2027: 春节 runs 除夕 Fri 5 Feb to 初三 Mon 8 Feb; the Saturday and Sunday are made up Tue 9 and Wed 10.
        var off = StatutoryHolidays.OffDays(2027).Where(d => d.Name == "春节").Select(d => d.Date).ToList();
        Assert.Equal([D("2027-02-05"), D("2027-02-08"), D("2027-02-09"), D("2027-02-10")], off);
        // 2026 (with its notice): 清明 on Sunday 5 April, the notice's day off is Monday 6 April — the same.
        Assert.Contains(D("2026-04-06"), StatutoryHolidays.OffDays(2026).Select(d => d.Date));
    }

    [Fact]
    public void AYearWithoutItsNotice_IsProvisional_NeverAGap()
    {
        var day = Notices.Describe(D("2027-01-01"));
        Assert.True(day.Provisional);
        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.False(Notices.Describe(D("2026-12-31")).Provisional);
        Assert.True(Notices.Describe(D("2027-12-20")).Provisional);
        Assert.True(Notices.IsProvisional(2027));
    }

    [Fact]
    public void ADeadlineRunningIntoAYearWithoutItsNotice_IsProvisional_AndSaysWhy()
    {
        // The check: received 2026-12-20, 20 working days from 21 Dec, 1 Jan off → 18 Jan 2027.
        var deadline = ReplyDeadline.Compute(Notices, new DeadlineFacts(D("2026-12-20")));
        Assert.Equal(D("2027-01-18"), deadline.Due);
        Assert.True(deadline.Provisional);
        Assert.Contains("暂定", deadline.Note);
        Assert.Contains("2027年节假日安排尚未载入", deadline.Note);
        Assert.Contains("2027-01-01（周五）元旦放假，不计", deadline.Explanation);

        var inside = ReplyDeadline.Compute(Notices, new DeadlineFacts(D("2026-11-02")));
        Assert.False(inside.Provisional);
        Assert.Null(inside.Note);
    }

    [Fact]
    public void ALoadedNotice_EndsTheProvisionalMark()
    {
        var loaded = Notices.WithYear(2027, [new ScheduledDay(D("2027-01-01"), true, "元旦")]);
        var deadline = ReplyDeadline.Compute(loaded, new DeadlineFacts(D("2026-12-20")));
        Assert.False(deadline.Provisional);
        Assert.Equal(D("2027-01-18"), deadline.Due);
    }

    [Fact]
    public void WithNoNoticeAtAll_EveryYearStillHasWorkingDays()
    {
        foreach (var year in Enumerable.Range(2008, 40))
        {
            var days = NoNotices.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31));
            Assert.InRange(days, 246, 252);
        }
    }
}
