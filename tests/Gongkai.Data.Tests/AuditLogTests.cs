using System.Text.Json;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.Data.Demo;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Reports;
using Gongkai.Data.Staff;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Staff;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

public sealed class AuditLogTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 1, 5, 1, 30, 0, TimeSpan.Zero));

    private static Agency NewAgency(string code) => new()
    {
        Name = "测试镇人民政府", ShortCode = code, Level = AgencyLevel.Township, Kind = AgencyKind.Government,
        OfficeName = "测试镇党政办", OfficeAddress = "测试路 1 号", OfficePhone = "0571-1234567",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreatingARecord_WritesWhoWhenWhichAndEveryValue(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        var actor = new AuditActor();
        actor.Set(42, "sq.admin");
        await using var db = Contexts.Open(database, actor, Clock);

        var agency = NewAgency("test");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();

        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal((42, "sq.admin", agency.Id, "Agency", agency.Id.ToString(), AuditActions.Created),
            (entry.ActorUserId, entry.ActorName, entry.AgencyId, entry.EntityType, entry.EntityId, entry.Action));
        Assert.Equal(Clock.Now.UtcDateTime, entry.OccurredUtc);
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        Assert.Equal("测试镇人民政府", changes.GetProperty("Name")[1].GetString());
        Assert.Equal(JsonValueKind.Null, changes.GetProperty("Name")[0].ValueKind);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ChangingARecord_WritesOnlyTheChangedFieldsWithOldAndNewValues(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        var actor = new AuditActor();
        await using var db = Contexts.Open(database, actor, Clock);
        var agency = NewAgency("test");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();

        actor.Set(7, "test.admin");
        agency.OfficePhone = "0571-7654321";
        await db.SaveChangesAsync();

        var entry = await db.AuditEntries.OrderBy(e => e.Id).LastAsync();
        Assert.Equal((AuditActions.Updated, "test.admin", agency.Id), (entry.Action, entry.ActorName, entry.AgencyId));
        Assert.Equal("""{"OfficePhone":["0571-1234567","0571-7654321"]}""", entry.Changes);
        Assert.Equal(1, agency.Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PasswordsAndStamps_NeverReachTheLog(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database, clock: Clock);
        var agency = NewAgency("test");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var user = StaffAccounts.New(agency.Id, "test.clerk", "经办人", StaffRole.Clerk, "Secret2026", Clock.Now.UtcDateTime);
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync();
        StaffAccounts.SetPassword(user, "Another2026", Clock.Now.UtcDateTime, byOwner: true);
        await db.SaveChangesAsync();

        var entries = await db.AuditEntries.Where(e => e.EntityType == "StaffUser").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.DoesNotContain("AQAAAA", e.Changes));
        Assert.All(entries, e => Assert.DoesNotContain(user.SecurityStamp, e.Changes));
        Assert.Contains("""PasswordHash":["******","******"]""", entries[1].Changes);
        Assert.Equal(agency.Id, entries[1].AgencyId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignInBookkeepingAlone_WritesNoChangeEntry(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database, clock: Clock);
        var agency = NewAgency("test");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var user = StaffAccounts.New(agency.Id, "test.clerk", "经办人", StaffRole.Clerk, "Secret2026", Clock.Now.UtcDateTime);
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync();
        var before = await db.AuditEntries.CountAsync();

        user.FailedLoginCount = 3;
        user.LastLoginUtc = Clock.Now.UtcDateTime;
        await db.SaveChangesAsync();

        Assert.Equal(before, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheLog_IsAppendOnly_InTheSchemaItself(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database, clock: Clock);
        db.Agencies.Add(NewAgency("test"));
        await db.SaveChangesAsync();

        // The trigger's own message, so a typo in the statement cannot pass for the guard.
        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET actor_name = 'someone else'"));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        Assert.Contains("audit_entries is append-only", update.Message);
        Assert.Contains("audit_entries is append-only", delete.Message);
        Assert.Equal("系统", (await db.AuditEntries.AsNoTracking().SingleAsync()).ActorName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WhatACitizenSubmitted_IsNeverDeleted_AndItsStepsNeverRewritten(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database, clock: Clock);
        await new DemoData(db, TimeProvider.System).SeedIfEmptyAsync();
        var applications = await db.Applications.CountAsync();
        var steps = await db.ApplicationSteps.CountAsync();
        Assert.True(applications > 0 && steps > 0);

        var deleteApplications = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM applications"));
        var rewriteSteps = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE application_steps SET reason = ''"));
        var deleteSteps = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM application_steps"));
        Assert.Contains("applications are never deleted", deleteApplications.Message);
        Assert.Contains("application_steps is append-only", rewriteSteps.Message);
        Assert.Contains("application_steps is append-only", deleteSteps.Message);
        Assert.Equal((applications, steps), (await db.Applications.CountAsync(), await db.ApplicationSteps.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ACorrectionOfASubmittedYear_NeedsAReason_AndItsRecordIsAppendOnly(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database, clock: Clock);
        var agency = NewAgency("town");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        db.AnnualReports.Add(new AnnualReportRecord
        {
            AgencyId = agency.Id, Year = 2025, Edition = 1, FormatCode = "2021", Status = ReportStatus.Submitted, Title = "2025年报告", Content = "{}",
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();

        var item = new InfoItem
        {
            AgencyId = agency.Id, IndexNumber = "T-2025-0001", Year = 2025, Sequence = 1, Title = "关于某事项的通知", Issuer = "某镇", CategoryCode = "x", BodyHtml = "<p>正文</p>",
            BodyText = "正文", DocumentKind = DocumentKind.Normative, WrittenOn = new DateOnly(2025, 3, 1), PublishedOn = new DateOnly(2025, 3, 3),
            Status = ItemStatus.Published, AuthorName = "clerk", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        db.InfoItems.Add(item);
        var refused = await Assert.ThrowsAsync<RecordsLockedException>(() => db.SaveChangesAsync());
        Assert.Contains("2025 年度报告", refused.Message);
        db.CorrectionReason = "漏录的规范性文件";
        await db.SaveChangesAsync();
        // A change that leaves 2025's figures alone (the title) is no correction.
        db.CorrectionReason = null;
        item.Title = "关于某事项的通知（修订标题）";
        await db.SaveChangesAsync();

        var correction = await db.RecordCorrections.AsNoTracking().SingleAsync();
        Assert.Equal((2025, "漏录的规范性文件", "T-2025-0001 关于某事项的通知"), (correction.Year, correction.Reason, correction.RecordName));
        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE record_corrections SET reason = ''"));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM record_corrections"));
        Assert.Contains("record_corrections is append-only", update.Message);
        Assert.Contains("record_corrections is append-only", delete.Message);
    }
}
