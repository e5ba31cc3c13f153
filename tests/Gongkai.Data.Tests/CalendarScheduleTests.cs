using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Applications;
using Gongkai.Data.Calendar;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

/// <summary>Loading the next year's schedule: versioned, checked, and never moving a deadline silently.</summary>
public sealed class CalendarScheduleTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    // A made-up 2027 schedule for the test: New Year's Day on Friday, one Saturday worked.
    /// <summary>A complete 2027 schedule: the statutory days with their make-up days, and one weekend worked.</summary>
    private static readonly string Schedule2027 = HolidayNotice.Template(2027) + "2027-02-20,false,春节\n";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ANewYear_IsLoadedAsAVersion_AndThenCovered(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database);
        Assert.DoesNotContain(2027, (await new WorkingCalendars().CurrentAsync(db)).CoveredYears);

        var first = await new WorkingCalendars().ImportAsync(db, 2027, Schedule2027, "admin", TimeProvider.System);
        var second = await new WorkingCalendars().ImportAsync(db, 2027, Schedule2027.Replace("2027-02-20,false", "2027-02-21,false"), "admin", TimeProvider.System);

        Assert.Equal((1, 2), (first.Version, second.Version));
        var calendar = await new WorkingCalendars().CurrentAsync(db);
        Assert.Equal(DayKind.Holiday, calendar.Describe(new DateOnly(2027, 1, 1)).Kind);
        Assert.Equal(DayKind.ShiftedWorkingDay, calendar.Describe(new DateOnly(2027, 2, 21)).Kind);
        Assert.Equal(DayKind.Weekend, calendar.Describe(new DateOnly(2027, 2, 20)).Kind);
        Assert.Equal(DayKind.Holiday, calendar.Describe(new DateOnly(2026, 10, 1)).Kind);
        Assert.Equal(2, await db.CalendarSchedules.CountAsync());
    }

    [Theory]
    [InlineData("date,is_off_day,name\n2027-01-02,true,元旦\n", "是周末")]
    [InlineData("date,is_off_day,name\n2026-12-31,true,元旦\n", "其他年份的日期")]
    [InlineData("date,is_off_day,name\n", "是空的")]
    [InlineData("date,is_off_day,name\n2027-01-01,true,元旦\n", "2027 年的安排不完整：2027-02-05（春节）是法定节假日")]
    public async Task AWrongSchedule_IsRefused_AndNothingIsLoaded(string csv, string message)
    {
        await using var database = await Contexts.MigratedDatabaseAsync("sqlite");
        await using var db = Contexts.Open(database);
        var error = await Assert.ThrowsAsync<FormatException>(() => new WorkingCalendars().ImportAsync(db, 2027, csv, "admin", TimeProvider.System));
        Assert.Contains(message, error.Message);
        Assert.Equal(0, await db.CalendarSchedules.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OpenApplications_WhoseDeadlineMoves_AreUpdatedAndLogged(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database);
        var agency = new Agency { Name = "某镇人民政府", ShortCode = "town", OfficeName = "党政办", OfficeAddress = "某路", OfficePhone = "0571-1234567" };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        // Received 2026-12-21: 20 working days reach into January 2027, which no schedule covers yet.
        var received = new DateOnly(2026, 12, 21);
        db.Applications.Add(new DisclosureApplication
        {
            AgencyId = agency.Id, TrackingNumber = "T1", AccessCodeHash = "x", Received = received, Channel = Channel.InPerson, Rules = ReplyRules.Regulation2019,
            ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = "某人", Phone = "13800000000", Description = "某信息", FormWanted = "电子邮件",
            Status = CaseStatus.InProgress, DueDate = new DateOnly(2027, 1, 15), CreatedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();

        var result = await new WorkingCalendars().ImportAsync(db, 2027, Schedule2027, "admin", TimeProvider.System);

        Assert.Equal(1, result.ApplicationsMoved);
        // 2026-12-22…31 are 8 working days; 2027-01-01 is off; 12 more: 01-04…01-19.
        Assert.Equal(new DateOnly(2027, 1, 19), (await db.Applications.AsNoTracking().SingleAsync()).DueDate);
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "DisclosureApplication").OrderBy(e => e.Id).LastAsync();
        Assert.Contains("载入 2027 年节假日安排第 1 版", entry.Changes);
        Assert.Contains("DueDate", entry.Changes);
    }
}
