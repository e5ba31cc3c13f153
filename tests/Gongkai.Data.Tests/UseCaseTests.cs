using Gongkai.Data.Applications;
using Gongkai.Data.Reports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

/// <summary>The use cases the console and the CLI call, each ending in an <see cref="Outcome"/>, on both databases.</summary>
public sealed class UseCaseTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly DateTime Now = new(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc);

    private static readonly Applicant Person = new(ApplicantKind.NaturalPerson, "张三", "11010519491231002X", "13812345678", null, null, "道路建设项目招标文件", "电子邮件");

    /// <summary>A fresh database with one agency, dropped at the end of the test.</summary>
    private sealed record Setup(TestDatabase Database, GongkaiDb Db, int AgencyId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Db.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    private static async Task<Setup> StartAsync(string provider)
    {
        var database = await Contexts.MigratedDatabaseAsync(provider);
        var db = Contexts.Open(database);
        var agency = Contexts.Agency("bsz");
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return new Setup(database, db, agency.Id);
    }

    /// <summary>
    /// Items written at the same moment in one agency each get their own 索引号: 24 drafts saved at
    /// once, each through its own connection as 24 requests would, all stored with the sequences
    /// 1–24 (issue 25: 6 of 48 parallel posts answered 500 on the unique index). Taking the
    /// retry out of <see cref="Disclosure.ItemRecords.SaveDraftAsync"/> makes this fail with the
    /// unique-index error.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ItemsSavedAtOnce_InOneAgency_EachGetTheirOwnIndexNumber(string provider)
    {
        await using var setup = await StartAsync(provider);
        var level = await setup.Db.Agencies.Where(a => a.Id == setup.AgencyId).Select(a => a.Level).SingleAsync();
        var category = Domain.Disclosure.Categories.For(level == Domain.Agencies.AgencyLevel.Township).First().Code;
        var draft = new Disclosure.ItemRecords.Draft("关于某事项的通知", null, null, new DateOnly(2026, 11, 2), null, category,
            Domain.Disclosure.DocumentKind.None, null, Domain.Disclosure.PublicationChannels.None, "<p>正文</p>");
        using var start = new SemaphoreSlim(0);
        var saves = Enumerable.Range(0, 24).Select(async i =>
        {
            await using var db = Contexts.Open(setup.Database);
            var agency = await db.Agencies.SingleAsync(a => a.Id == setup.AgencyId);
            await start.WaitAsync();
            return await Disclosure.ItemRecords.SaveDraftAsync(db, agency, null, draft with { Title = $"通知{i}" }, 0, (1, "经办人"), Today, Now, default);
        }).ToList();
        start.Release(24);
        var outcomes = await Task.WhenAll(saves);
        Assert.All(outcomes, o => Assert.True(o.IsDone, o.Message));
        var sequences = await setup.Db.InfoItems.AsNoTracking().OrderBy(i => i.Sequence).Select(i => i.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 24), sequences);
        Assert.Equal(24, await setup.Db.InfoItems.Select(i => i.IndexNumber).Distinct().CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_RefusesAFutureDateAtItsField_AndTakesADeadlineIntoAYearWithoutItsNotice(string provider)
    {
        await using var setup = await StartAsync(provider);
        var (db, agency) = (setup.Db, setup.AgencyId);
        var future = await ApplicationRecords.RegisterAsync(db, Person, agency, Today.AddDays(1), Channel.InPerson, WorkingCalendar.National, Today, Now, null, default);
        Assert.Equal((OutcomeKind.Refused, "Received"), (future.Kind, future.Problems[0].Field));
        Assert.Equal(0, await db.Applications.CountAsync());

        var taken = await ApplicationRecords.RegisterAsync(db, Person, agency, new DateOnly(2026, 12, 20), Channel.InPerson, WorkingCalendar.National, new DateOnly(2026, 12, 20), Now, null, default);
        Assert.True(taken.IsDone);
        Assert.Equal(new DateOnly(2027, 1, 18), (await db.Applications.AsNoTracking().SingleAsync()).DueDate);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RecordStep_RefusesAnIllegalStep_AndAStaleForm_AndRecordsALegalOne(string provider)
    {
        await using var setup = await StartAsync(provider);
        var (db, agency) = (setup.Db, setup.AgencyId);
        var registered = await ApplicationRecords.RegisterAsync(db, Person, agency, new DateOnly(2026, 11, 2), Channel.InPerson, WorkingCalendar.National, Today, Now, null, default);
        var application = registered.Value.Application;
        var calendar = WorkingCalendar.National;
        ApplicationCase Replayed() => ApplicationRecords.Replay(application.Received, application.Channel, application.ApplicantKind, application.Rules,
            db.ApplicationSteps.AsNoTracking().Where(s => s.ApplicationId == application.Id).ToList(), calendar);

        var close = await ApplicationRecords.RecordStepAsync(db, application, Replayed(), new CaseStep(StepKind.Close, Today, "clerk", "归档"), application.Version, calendar, null, Now, null, default);
        Assert.Equal(OutcomeKind.Refused, close.Kind);

        // A date past the calendar's reach is refused with its reason, not an error (the form fuzz posted 4566-04-30: 500).
        var far = await ApplicationRecords.RecordStepAsync(db, application, Replayed(), new CaseStep(StepKind.RequestSupplement, new DateOnly(4566, 4, 30), "clerk", "请补正", Days: 10),
            application.Version, calendar, null, Now, null, default);
        Assert.Equal((OutcomeKind.Refused, true), (far.Kind, far.Problems[0].Message.Contains("超出了可计算的范围", StringComparison.Ordinal)));

        var version = application.Version;
        var reply = new CaseStep(StepKind.Reply, new DateOnly(2026, 11, 20), "clerk", "予以公开", ReplyType.Granted);
        Assert.True((await ApplicationRecords.RecordStepAsync(db, application, Replayed(), reply, version, calendar, null, Now, null, default)).IsDone);
        Assert.Equal(CaseStatus.Replied, (await db.Applications.AsNoTracking().SingleAsync()).Status);

        // The same form posted again, read before the reply: stale, nothing recorded twice.
        var stale = await ApplicationRecords.RecordStepAsync(db, application, Replayed(), reply, version, calendar, null, Now, null, default);
        Assert.Equal(OutcomeKind.Stale, stale.Kind);
        Assert.Equal(1, await db.ApplicationSteps.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AReport_IsCreatedOncePerYear_SubmittedOnlyAfterTheYear_AndASubmittedYearFlagsALateApplication(string provider)
    {
        await using var setup = await StartAsync(provider);
        var (db, agency) = (setup.Db, setup.AgencyId);
        var created = await ReportEditions.CreateAsync(db, agency, 2026, "legacy-national", Today, Now, default);
        Assert.True(created.IsDone);
        var again = await ReportEditions.CreateAsync(db, agency, 2026, "legacy-national", Today, Now, default);
        Assert.Equal((OutcomeKind.Refused, "Year"), (again.Kind, again.Problems[0].Field));

        var record = created.Value!;
        var report = ReportRecords.Load(record);
        var early = await ReportEditions.ActAsync(db, record, report, [], ReportAction.Publish, hasSuperior: false, null, Today, Now, default);
        Assert.Equal(OutcomeKind.Refused, early.Kind);
        Assert.Contains("次年 1 月 1 日起", early.Message);

        var january = new DateOnly(2027, 1, 4);
        var published = await ReportEditions.ActAsync(db, record, report, [], ReportAction.Publish, hasSuperior: false, null, january, Now, default);
        Assert.Equal(("已发布。", ReportStatus.Published), (published.Value, (await db.AnnualReports.AsNoTracking().SingleAsync()).Status));

        // A letter of December found in January: registered all the same, flagged as a late record of 2026.
        var late = await ApplicationRecords.RegisterAsync(db, Person, agency, new DateOnly(2026, 12, 28), Channel.Post, WorkingCalendar.National, january, Now, null, default);
        Assert.True(late.IsDone);
        var flagged = await db.RecordCorrections.AsNoTracking().SingleAsync();
        Assert.Equal((2026, RecordLock.LateRecordReason(2026)), (flagged.Year, flagged.Reason));
    }

    /// <summary>A 统计期间 that ends before it starts is refused by the use case itself, at its field, whatever front end sent it; nothing is stored.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ADraftWhosePeriodEndsBeforeItStarts_IsRefusedAtItsField_AndNothingIsStored(string provider)
    {
        await using var setup = await StartAsync(provider);
        var db = setup.Db;
        var created = await ReportEditions.CreateAsync(db, setup.AgencyId, 2026, "legacy-national", Today, Now, default);
        Assert.True(created.IsDone, created.Message);
        var record = created.Value!;
        var report = ReportRecords.Load(record);

        var backwards = await ReportEditions.SaveDraftAsync(db, record, report,
            report with { Title = "倒置的统计期间", PeriodStart = new DateOnly(2026, 12, 31), PeriodEnd = new DateOnly(2026, 1, 1) }, record.Version, Now, default);

        Assert.Equal((OutcomeKind.Refused, "PeriodEnd", "统计期间止不能早于统计期间起。"), (backwards.Kind, backwards.Problems[0].Field, backwards.Message));
        Assert.Equal(report.Title, ReportRecords.Load(await db.AnnualReports.AsNoTracking().SingleAsync()).Title);
    }
}
