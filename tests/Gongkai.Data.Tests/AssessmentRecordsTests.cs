using Gongkai.Data.Agencies;
using Gongkai.Data.Applications;
using Gongkai.Data.Assessment;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Mail;
using Gongkai.Data.Supervision;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Assessment;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Supervision;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Tests;

/// <summary>
/// The 考评's records as the database holds them, on both databases: two agencies below a county,
/// one meeting each indicator and one failing it, and the evidence exactly the failing records;
/// then a 督办 about the late case, on the agency's digest and answered.
/// </summary>
public sealed class AssessmentRecordsTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static readonly WorkingCalendar Calendar = WorkingCalendar.National;
    private static readonly DateOnly Today = new(2026, 4, 15);
    private static readonly DateTime Now = new(2026, 4, 15, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EachAgencysFacts_AreItsOwnRecords_AndTheEvidenceExactlyTheFailingOnes(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        // The audit log dates the profiles' saves by this clock: they are the guides' last change.
        await using var db = Contexts.Open(database, clock: new ManualClock(new DateTimeOffset(Now)));
        var county = Contexts.Agency("qx", "青溪县人民政府");
        db.Agencies.Add(county);
        await db.SaveChangesAsync();
        var good = Contexts.Agency("good", "守时局");
        good.ParentId = county.Id;
        good.Kind = Domain.Agencies.AgencyKind.Department;
        (good.OfficeHours, good.OfficeFax, good.OfficeEmail) = ("工作日", "0571-1", "gk@good.cn");
        var late = Contexts.Agency("late", "迟缓局");
        late.ParentId = county.Id;
        late.Kind = Domain.Agencies.AgencyKind.Department;
        db.Agencies.AddRange(good, late);
        await db.SaveChangesAsync();

        // Items of 2025: the good agency's published on the 20th working day, the late one's a day after; a 2024 item is not the year's.
        var sequence = 0;
        InfoItem Item(Agency a, string title, string written, string published, DocumentKind kind = DocumentKind.None) => new()
        {
            AgencyId = a.Id, IndexNumber = $"{a.ShortCode}-{title}", Year = 2025, Sequence = ++sequence, Title = title, Issuer = a.Name, WrittenOn = DateOnly.Parse(written),
            PublishedOn = DateOnly.Parse(published), CategoryCode = "a20.01", BodyHtml = "<p>正文</p>", BodyText = "正文", DocumentKind = kind,
            Status = ItemStatus.Published, AuthorName = "经办人", CreatedUtc = Now, UpdatedUtc = Now,
        };
        var onTime = Item(good, "按时", "2025-03-03", "2025-03-31", DocumentKind.Normative);
        var overdue = Item(late, "迟发", "2025-03-03", "2025-04-01", DocumentKind.Normative);
        db.InfoItems.AddRange(onTime, overdue, Item(late, "上年", "2024-03-01", "2024-06-01"));
        await db.SaveChangesAsync();
        db.InfoItems.Add(Item(good, "解读", "2025-03-31", "2025-03-31"));
        await db.SaveChangesAsync();
        var interpretation = await db.InfoItems.SingleAsync(i => i.Title == "解读");
        interpretation.InterpretsItemId = onTime.Id;
        await db.SaveChangesAsync();

        // Applications: answered on its last day; answered a day late without the organ it names; open past its last day; waiting for a supplement.
        DisclosureApplication Case(Agency a, string number, string due, string? answered, ReplyType? reply, CaseStatus status) => new()
        {
            AgencyId = a.Id, TrackingNumber = number, AccessCodeHash = "x", Received = DateOnly.Parse(due).AddDays(-28), ApplicantName = "张三",
            Phone = "13800000000", Description = "某项目批复", FormWanted = "电子邮件", Status = status, DueDate = DateOnly.Parse(due),
            AnsweredOn = answered is null ? null : DateOnly.Parse(answered), ReplyType = reply, CreatedUtc = Now,
        };
        var inTime = Case(good, "A1", "2025-06-10", "2025-06-10", ReplyType.Granted, CaseStatus.Replied);
        var answeredLate = Case(late, "B1", "2025-06-10", "2025-06-11", ReplyType.NotThisOrgan, CaseStatus.Replied);
        var open = Case(late, "B2", "2025-11-20", null, null, CaseStatus.InProgress);
        var waiting = Case(late, "B3", "2025-11-20", null, null, CaseStatus.AwaitingSupplement);
        db.Applications.AddRange(inTime, answeredLate, open, waiting);
        await db.SaveChangesAsync();
        ApplicationStep Reply(DisclosureApplication a, ReplyType type, string? party) => new()
        {
            ApplicationId = a.Id, AgencyId = a.AgencyId, Kind = StepKind.Reply, Date = a.AnsweredOn!.Value, Actor = "经办人", Reason = "经查", ReplyType = type, Party = party, RecordedUtc = Now,
        };
        db.ApplicationSteps.AddRange(Reply(inTime, ReplyType.Granted, null), Reply(answeredLate, ReplyType.NotThisOrgan, null));
        db.Appeals.Add(new AppealRecord { AgencyId = late.Id, ApplicationId = answeredLate.Id, Kind = AppealKind.Reconsideration, Filed = new DateOnly(2025, 7, 1), Body = "县政府",
            Decided = new DateOnly(2025, 9, 1), Result = AppealResult.Corrected, CreatedUtc = Now });
        await db.SaveChangesAsync();

        // 2025 reports, published after 31 January: the good agency's figures are its records', the late one's 本年新收 one more.
        var newTotal = new Gongkai.Domain.Reports.CellKey("requests", "new", "total");
        foreach (var (agency, extra) in new[] { (good, 0), (late, 1) })
        {
            var format = Gongkai.Domain.Reports.ReportFormats.Get("2021");
            var values = (await Gongkai.Data.Reports.RecordCounts.CountAsync(db, [agency.Id], format, 2025)).Values;
            values.Set(newTotal, (values.Number(newTotal) ?? 0) + extra);
            var record = Gongkai.Data.Reports.ReportRecords.NewEdition(agency.Id, 2025, 1, Gongkai.Domain.Reports.AnnualReport.Blank(format, agency.Name, 2025) with { Values = values }, Now);
            (record.Status, record.PublishedOn) = (Gongkai.Domain.Reports.ReportStatus.Published, new DateOnly(2026, 2, 10));
            db.AnnualReports.Add(record);
        }
        await db.SaveChangesAsync();

        var set = IndicatorSet.For(2025);
        var result = await AssessmentRecords.ForAsync(db, new HashSet<int> { good.Id, late.Id }, set, 2025, Today, Calendar, default);
        Assert.Equal(["守时局", "迟缓局"], result.Rows.Select(r => r.Agency));
        IndicatorScore Of(string agency, Measure measure) => result.Rows.Single(r => r.Agency == agency).Scores.Single(s => s.Indicator.Measure == measure);

        Assert.Equal((2, 2), (Of("守时局", Measure.TimelyPublication).Met, Of("守时局", Measure.TimelyPublication).Counted));
        Assert.Equal([overdue.Id], Of("迟缓局", Measure.TimelyPublication).Evidence.Select(e => e.RecordId!.Value));
        Assert.Equal(10, Of("守时局", Measure.NormativeInterpreted).Score);
        Assert.Equal([overdue.Id], Of("迟缓局", Measure.NormativeInterpreted).Evidence.Select(e => e.RecordId!.Value));
        Assert.Equal(20, Of("守时局", Measure.RepliesOnTime).Score);
        // The case waiting for a supplement has its clock stopped: not judged.
        Assert.Equal([answeredLate.Id, open.Id], Of("迟缓局", Measure.RepliesOnTime).Evidence.Select(e => e.RecordId!.Value));
        Assert.Equal([answeredLate.Id], Of("迟缓局", Measure.ReplyLettersComplete).Evidence.Select(e => e.RecordId!.Value));
        Assert.False(Of("守时局", Measure.AppealsNotCorrected).Applies);
        Assert.Equal(0, Of("迟缓局", Measure.AppealsNotCorrected).Score);
        // Both profiles were saved today (the audit log holds it): current; only the good one's office has every element.
        Assert.Equal((5m, 5m), (Of("守时局", Measure.GuideCurrent).Score!.Value, Of("迟缓局", Measure.GuideCurrent).Score!.Value));
        Assert.Equal(["办公时间", "传真号码", "互联网联系方式"], Of("迟缓局", Measure.GuideElements).Evidence.Select(e => e.Title));
        // Both published the 2025 report after Art. 49's 31 January.
        Assert.All(result.Rows, r => Assert.Equal(0, r.Scores.Single(s => s.Indicator.Measure == Measure.ReportOnTime).Score));
        // The figures against the records, every agency's counted in one pass: only the late one's 本年新收 differs.
        Assert.Empty(Of("守时局", Measure.ReportMatchesRecords).Evidence);
        Assert.EndsWith("本年新收政府信息公开申请数量（总计）：报告 4，记录 3", Assert.Single(Of("迟缓局", Measure.ReportMatchesRecords).Evidence).Detail);
        Assert.True(result.Rows[0].Total > result.Rows[1].Total);

        // The workbook: the scores, the indicators, then a sheet per indicator whose rows are the evidence.
        var book = AssessmentRecords.Workbook(result);
        using var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(book), false);
        var sheets = xlsx.WorkbookPart!.Workbook.Sheets!.OfType<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(["得分", "指标", .. set.Indicators.Select(i => i.Name)], sheets);

        // 督办 about the late open case: refused for one in time, sent, on the late agency's digest only, answered once.
        Assert.Null(await ChaseUpRecords.LateSubjectAsync(db, ChaseUpSubject.Application, inTime.Id, null, Today, Calendar, default));
        var subject = await ChaseUpRecords.LateSubjectAsync(db, ChaseUpSubject.Application, open.Id, null, Today, Calendar, default);
        Assert.NotNull(subject);
        Assert.Equal(late.Id, subject.AgencyId);
        var refused = await ChaseUpRecords.SendAsync(db, subject, county.Id, (null, "县政务公开办"), "", Today.AddDays(7), Today, Now, default);
        Assert.Equal("Note", refused.Problems.Single().Field);
        var sent = await ChaseUpRecords.SendAsync(db, subject, county.Id, (null, "县政务公开办"), "请于一周内答复申请人并说明逾期原因。", Today.AddDays(7), Today, Now, default);
        Assert.True(sent.IsDone, sent.Message);
        var digest = await Reminders.DigestAsync(db, Calendar, late.Id, Today, default);
        Assert.Equal("请于一周内答复申请人并说明逾期原因。", Assert.Single(digest.ChaseUps).Note);
        Assert.Empty((await Reminders.DigestAsync(db, Calendar, [county.Id, good.Id, late.Id], Today, default)).ChaseUps);
        var chaseUp = sent.Value!;
        var answered = await ChaseUpRecords.AnswerAsync(db, chaseUp, "已于4月16日答复。", chaseUp.Version, "迟缓局经办人", Today.AddDays(1), default);
        Assert.True(answered.IsDone, answered.Message);
        Assert.Equal("该督办已回复。", (await ChaseUpRecords.AnswerAsync(db, chaseUp, "再答", chaseUp.Version, "x", Today.AddDays(1), default)).Message);
        Assert.Empty((await Reminders.DigestAsync(db, Calendar, late.Id, Today.AddDays(1), default)).ChaseUps);
        var line = Assert.Single(await ChaseUpRecords.ListAsync(db, new HashSet<int> { county.Id }, false, Today.AddDays(1), default));
        Assert.Equal(("迟缓局", "青溪县人民政府", "已回复"), (line.Agency, line.From, line.State));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ChaseUp) && e.Action == Audit.AuditActions.Updated));
    }
}
