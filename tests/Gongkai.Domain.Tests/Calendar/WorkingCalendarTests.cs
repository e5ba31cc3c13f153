using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.National;

    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Theory]
    [InlineData("2020-01-24", DayKind.Holiday, "春节")]          // a weekday of the Spring Festival
    [InlineData("2020-01-31", DayKind.Holiday, "春节")]          // the 2020 extension of the Spring Festival
    [InlineData("2020-02-01", DayKind.Weekend, null)]            // once a working Saturday, cancelled by the extension
    [InlineData("2020-01-19", DayKind.ShiftedWorkingDay, "春节")]
    [InlineData("2025-01-28", DayKind.Holiday, "春节")]          // 除夕 a statutory holiday from 2025
    [InlineData("2024-09-14", DayKind.ShiftedWorkingDay, "中秋节")]
    [InlineData("2015-09-03", DayKind.Holiday, null)]            // the one-off 2015 holiday
    [InlineData("2023-10-09", DayKind.WorkingDay, null)]
    [InlineData("2023-10-14", DayKind.Weekend, null)]
    public void EachDate_HasItsKindOnTheNationalCalendar(string date, DayKind kind, string? holiday)
    {
        var day = Calendar.Describe(D(date));
        Assert.Equal(kind, day.Kind);
        if (holiday is not null)
        {
            Assert.Equal(holiday, day.Holiday);
        }
    }

    [Theory]
    [InlineData("2027-01-04", true)]
    [InlineData("2027-01-01", false)]
    [InlineData("2007-10-02", false)]
    [InlineData("2007-06-01", true)]
    public void AYearWithoutASchedule_IsProvisional_OnTheStatutesDays(string date, bool working)
    {
        var day = Calendar.Describe(D(date));
        Assert.True(day.Provisional);
        Assert.Equal(working, day.IsWorkingDay);
    }

    [Fact]
    public void AYearTheLunarCalendarCannotPlace_IsAnErrorNamingTheYear()
    {
        var error = Assert.Throws<CalendarGapException>(() => Calendar.IsWorkingDay(D("2101-03-01")));
        Assert.Equal(2101, error.Year);
        Assert.Contains("2101 年", error.Message);
    }

    [Fact]
    public void AddingWorkingDays_DoesNotCountTheStartDay()
    {
        Assert.Equal(D("2023-10-10"), Calendar.AddWorkingDays(D("2023-10-09"), 1));
        Assert.Equal(D("2023-10-09"), Calendar.AddWorkingDays(D("2023-10-09"), 0));
        Assert.Equal(D("2023-10-16"), Calendar.AddWorkingDays(D("2023-10-13"), 1)); // Friday → Monday
    }

    [Fact]
    public void CountingWorkingDays_IsTheInverseOfAdding()
    {
        var start = D("2020-01-10");
        for (var n = 0; n <= 60; n++)
        {
            Assert.Equal(n, Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n)));
        }
        Assert.Equal(-5, Calendar.WorkingDaysBetween(D("2023-10-16"), D("2023-10-09")));
    }

    [Fact]
    public void EveryYearFrom2008To2026_IsCovered_WithAboutTheRightNumberOfWorkingDays()
    {
        foreach (var year in Enumerable.Range(2008, 19))
        {
            var days = Calendar.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31));
            Assert.InRange(days, 248, 251);
        }
    }

    [Theory]
    [InlineData("date,is_off_day,name\n2024-09-14,true,中秋节\n", "2024-09-14 是周末，只能列为调休上班（false）")]
    [InlineData("date,is_off_day,name\n2024-09-16,false,中秋节\n", "2024-09-16 是工作日，只能列为放假（true）")]
    [InlineData("date,is_off_day,name\n2024/09/16,true,中秋节\n", "第 2 行格式不对")]
    public void ASchedule_WithAWrongLine_IsRefusedWithTheLine(string csv, string message)
    {
        var error = Assert.Throws<FormatException>(() => WorkingCalendar.Parse(csv, [2024]));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void TheEmbeddedSchedules_CoverTheYearsOfTheirNotices_NotTheDecemberBefore()
    {
        // The 2008 notice moves days of December 2007 for New Year; 2007 itself has no notice here.
        Assert.Equal(Enumerable.Range(2008, 19), Calendar.CoveredYears.Order());
        Assert.True(Calendar.Describe(D("2007-12-30")).Provisional);
        Assert.False(Calendar.Describe(D("2008-01-02")).Provisional);
    }

    [Fact]
    public void ALoadedYear_ReplacesThatYearsDays_AndLeavesTheOthers()
    {
        // A (made-up) corrected 2026 schedule: only New Year's Day off.
        var changed = Calendar.WithYear(2026, [new ScheduledDay(D("2026-01-01"), true, "元旦")]);
        Assert.Equal(DayKind.Holiday, changed.Describe(D("2026-01-01")).Kind);
        Assert.Equal(DayKind.WorkingDay, changed.Describe(D("2026-02-17")).Kind);   // Spring Festival 2026 no longer off
        Assert.Equal(DayKind.Holiday, Calendar.Describe(D("2026-02-17")).Kind);     // the original is unchanged
        Assert.Equal(DayKind.Holiday, changed.Describe(D("2025-01-28")).Kind);      // other years as they were

        var next = Calendar.WithYear(2027, [new ScheduledDay(D("2027-01-01"), true, "元旦")]);
        Assert.Contains(2027, next.CoveredYears);
        Assert.Equal(DayKind.Holiday, next.Describe(D("2027-01-01")).Kind);
    }
}
