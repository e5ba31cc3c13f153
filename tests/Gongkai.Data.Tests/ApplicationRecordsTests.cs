using Microsoft.EntityFrameworkCore;
using Gongkai.Data.Agencies;
using Gongkai.Data.Applications;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Tests;

namespace Gongkai.Data.Tests;

/// <summary>Applications as stored: the applicant's requests in a natural month, which 按件计收 counts.</summary>
public sealed class ApplicationRecordsTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static Applicant Person(string name, string? id, string phone = "13812345678") =>
        new(id is null ? ApplicantKind.Commercial : ApplicantKind.NaturalPerson, name, id, phone, null, null, "某信息", "电子邮件");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RequestNumberInMonth_CountsTheSameApplicantsRequestsToTheAgency_InTheNaturalMonth_UpToThisOne(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database);
        var agencies = new[] { "a", "b" }.Select(c => Contexts.Agency(c, $"机关{c}")).ToArray();
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync();
        var (a, b) = (agencies[0].Id, agencies[1].Id);
        const string id = "11010519491231002X";
        DisclosureApplication Add(int agency, string received, Applicant applicant)
        {
            var (application, _) = ApplicationRecords.New(applicant, agency, DateOnly.Parse(received), Channel.Online, WorkingCalendar.National, DateTime.UtcNow);
            db.Applications.Add(application);
            return application;
        }
        Add(a, "2025-12-31", Person("张三", id));            // the month before
        var first = Add(a, "2026-01-05", Person("张三", id));
        Add(b, "2026-01-06", Person("张三", id));            // another agency
        Add(a, "2026-01-07", Person("李四", "110105194912310013")); // another person
        var second = Add(a, "2026-01-20", Person("张三 ", id.ToLowerInvariant()));
        var third = Add(a, "2026-01-20", Person("张三", id));
        Add(a, "2026-02-02", Person("张三", id));            // the month after
        var company = Add(a, "2026-01-08", Person("青溪某某有限公司", null, "0571-86041234"));
        var sameCompany = Add(a, "2026-01-09", Person("青溪某某有限公司", null, "0571-86041234"));
        var otherPhone = Add(a, "2026-01-10", Person("青溪某某有限公司", null, "0571-86049999"));
        await db.SaveChangesAsync();

        Assert.Equal(1, await ApplicationRecords.RequestNumberInMonthAsync(db, first));
        Assert.Equal(2, await ApplicationRecords.RequestNumberInMonthAsync(db, second));
        Assert.Equal(3, await ApplicationRecords.RequestNumberInMonthAsync(db, third));
        // Without an ID number the same applicant is the same name and phone.
        Assert.Equal((1, 2, 1), (await ApplicationRecords.RequestNumberInMonthAsync(db, company),
            await ApplicationRecords.RequestNumberInMonthAsync(db, sameCompany), await ApplicationRecords.RequestNumberInMonthAsync(db, otherPhone)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ATrackingNumberAlreadyTaken_IsDrawnAgain_AndTheSubmissionIsKept(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database);
        var agency = Contexts.Agency("town");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var day = new DateOnly(2026, 3, 2);
        var (first, _) = ApplicationRecords.New(Person("张三", "11010519491231002X"), agency.Id, day, Channel.Online, WorkingCalendar.National, DateTime.UtcNow);
        await ApplicationRecords.AddAsync(db, first);
        var (second, _) = ApplicationRecords.New(Person("李四", "110105194912310013"), agency.Id, day, Channel.Online, WorkingCalendar.National, DateTime.UtcNow);
        second.TrackingNumber = first.TrackingNumber;

        await ApplicationRecords.AddAsync(db, second);

        Assert.NotEqual(first.TrackingNumber, second.TrackingNumber);
        Assert.Equal(2, await db.Applications.CountAsync());
    }

    [Fact]
    public async Task TwoThousandSubmissions_OfOneAgencyOnOneDay_AreAllKept()
    {
        await using var database = await Contexts.MigratedDatabaseAsync("sqlite");
        await using var db = Contexts.Open(database);
        var agency = Contexts.Agency("town");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        // One transaction around them all, so the test does not wait for 2,000 disk syncs (SQLite carries on after a refused insert).
        await using var transaction = await db.Database.BeginTransactionAsync();
        var (template, _) = ApplicationRecords.New(Person("申请人", "11010519491231002X"), agency.Id, new DateOnly(2026, 3, 2), Channel.Online, WorkingCalendar.National, DateTime.UtcNow);
        for (var i = 0; i < 2000; i++)
        {
            // As the form makes them, without hashing 2,000 access codes (the slow part of a real submission, not what is tested).
            var application = new DisclosureApplication
            {
                AgencyId = agency.Id, TrackingNumber = ApplicationRecords.NewTrackingNumber(template.Received, agency.Id), AccessCodeHash = template.AccessCodeHash,
                Received = template.Received, Channel = template.Channel, Rules = template.Rules, ApplicantKind = template.ApplicantKind,
                ApplicantName = $"申请人{i}", Phone = template.Phone, Description = template.Description, FormWanted = template.FormWanted,
                Status = template.Status, DueDate = template.DueDate, CreatedUtc = template.CreatedUtc,
            };
            await ApplicationRecords.AddAsync(db, application);
            db.ChangeTracker.Clear();
        }
        // 2,000 draws of 6 random digits: a repeat is more likely than not (about 1 − e^−2); each one drew again.
        Assert.Equal(2000, await db.Applications.Select(a => a.TrackingNumber).Distinct().CountAsync());
    }

    [Fact]
    public void TheCode_OpensItsApplicationOnly_AndAMissingNumberIsCheckedAgainstAHashAllTheSame()
    {
        var (application, code) = ApplicationRecords.New(Person("张三", "11010519491231002X"), 1, new DateOnly(2026, 3, 2), Channel.Online, WorkingCalendar.National, DateTime.UtcNow);
        Assert.True(ApplicationRecords.Opens(application, code.ToLowerInvariant()));
        Assert.False(ApplicationRecords.Opens(application, "ABCDEFGH"));
        var before = ApplicationRecords.CodesHashedOnThisThread;
        Assert.False(ApplicationRecords.Opens(null, code));
        // The missing number's code went through the hash like any other: no early return to time.
        Assert.Equal(before + 1, ApplicationRecords.CodesHashedOnThisThread);
    }
}
