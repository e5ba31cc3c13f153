using Gongkai.Data.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Notifications;

namespace Gongkai.Data.Tests;

/// <summary>The console list's filters are decided in the query: what they take must be what the dashboard counts.</summary>
public sealed class ApplicationListTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.National;

    [Theory]
    [InlineData("2026-03-02", "2026-03-05")]   // a Monday: Tuesday, Wednesday, Thursday
    [InlineData("2026-09-29", "2026-10-09")]   // before 国庆: 1–7 October off, Saturday the 10th worked
    [InlineData("2026-02-13", "2026-02-25")]   // before 春节 2026: Saturday the 14th worked, 15–23 February off
    public void DueSoonUntil_IsTheLastDayWithinThreeWorkingDays(string today, string until)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);
        var last = ApplicationList.DueSoonUntil(Calendar, day);
        Assert.Equal(DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), last);
        // The rule it stands for: a due date is “due soon” when the working days left are 0 to 3.
        for (var due = day; due <= day.AddDays(40); due = due.AddDays(1))
        {
            Assert.Equal(StaffDigest.WorkingDaysLeft(Calendar, day, due) <= StaffDigest.DueSoonWorkingDays, due <= last);
        }
    }
}
