using Gongkai.Data.Applications;
using Gongkai.Data.Reports;
using Gongkai.Data.Staff;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Supervision;

namespace Gongkai.Data.Demo;

/// <summary>
/// The demo's last two years: answered applications of every agency (one a year whose
/// information the agency does not hold, one carried over the new year), and each agency's
/// published annual reports for those years made from the records the way a clerk makes them
/// ("根据办理记录生成"), so that the supervisor's check of the roll-up against the records finds
/// nothing to report.
/// </summary>
internal sealed class DemoHistory(GongkaiDb db)
{
    private static readonly (string Name, string Phone)[] People = [("周洁", "13800000011"), ("吴刚", "13800000012"), ("郑琳", "13800000013"), ("王磊", "13800000014")];

    /// <summary>Answered applications of <paramref name="years"/>; a year without its holiday notice counts on the provisional calendar.</summary>
    public async Task SeedApplicationsAsync(IReadOnlyList<(int Id, string Name)> agencies, IReadOnlyList<int> years, DateTime now, CancellationToken ct)
    {
        var calendar = WorkingCalendar.National;
        foreach (var ((agencyId, _), index) in agencies.Select((a, i) => (a, i)))
        {
            foreach (var year in years)
            {
                var count = 2 + (index + year) % 4;
                var received = Enumerable.Range(0, count).Select(k => new DateOnly(year, 2 + 2 * k, 10)).ToList();
                if (year == years[0])
                {
                    received.Add(new DateOnly(year, 12, 24)); // answered in January: carried into the next year's report
                }
                foreach (var (day, k) in received.Select((d, k) => (d, k)))
                {
                    var type = k == count - 1 ? ReplyType.NotExist : ReplyType.Granted;
                    var reply = calendar.AddWorkingDays(day, 8);
                    var (name, phone) = People[(index + k) % People.Length];
                    var domain = new ApplicationCase(day, Channel.Online, ApplicantKind.NaturalPerson);
                    var step = new CaseStep(StepKind.Reply, reply, "演示数据", type == ReplyType.Granted ? "予以公开，按申请人要求的方式提供" : "经检索，本机关未制作或获取该信息", type);
                    domain.Record(step, calendar);
                    // A past year's case is archived (Art. 45) the working day after its reply.
                    var archived = new CaseStep(StepKind.Close, calendar.AddWorkingDays(reply, 1), "演示数据", "已归档");
                    domain.Record(archived, calendar);
                    var application = new DisclosureApplication
                    {
                        AgencyId = agencyId, TrackingNumber = $"DEMO{agencyId:D3}{year}{k:D2}", AccessCodeHash = DemoData.AccessCodeHash.Value,
                        Received = day, Channel = Channel.Online, Rules = domain.Rules, ApplicantKind = ApplicantKind.NaturalPerson, ApplicantName = name, Phone = phone,
                        Description = type == ReplyType.Granted ? $"{year}年本单位部门预算执行情况" : $"{year}年某村道路工程的设计图纸", FormWanted = "电子邮件", CreatedUtc = now,
                    };
                    application.Follow(domain, calendar);
                    db.Applications.Add(application);
                    await db.SaveChangesAsync(ct);
                    db.ApplicationSteps.Add(ApplicationStep.From(step, application, null, now));
                    db.ApplicationSteps.Add(ApplicationStep.From(archived, application, null, now));
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear(); // as DemoItems: a save's work grows with what is tracked
                }
            }
        }
    }

    /// <summary>Each agency's report for each year: the records' figures, the rest of the demo's, the narrative drafted from the tables.</summary>
    /// <remarks>A report whose demo publication day is still to come (the start of a year) stays a draft: nothing is published in the future.</remarks>
    public async Task SeedReportsAsync(IReadOnlyList<(int Id, string Name)> agencies, IReadOnlyList<int> years, DateOnly today, DateTime now, CancellationToken ct)
    {
        foreach (var ((agencyId, name), index) in agencies.Select((a, i) => (a, i)))
        {
            AnnualReport? previous = null;
            foreach (var year in years)
            {
                var format = ReportFormats.ForYear(year);
                var counted = await RecordCounts.CountAsync(db, [agencyId], format, year, ct);
                var report = DemoData.Report(name, index, year);
                foreach (var (key, value) in counted.Values.All)
                {
                    report.Values.Set(key, value);
                }
                var published = await db.InfoItems.CountAsync(i => i.AgencyId == agencyId && i.PublishedOn != null && i.PublishedOn.Value.Year == year, ct);
                report = report with
                {
                    Sources = report.Sources.Counted(counted.Values),
                    Parts = report.Parts.Select(p => p.Code == "overview"
                        ? p with { Text = $"{year}年，{name}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，全年在本平台主动公开政府信息{published}条。" }
                        : p).ToList(),
                };
                report = NarrativeDraft.Fill(report, previous);
                var isPublished = report.PublishedOn <= today;
                report = isPublished ? report : report with { PublishedOn = null };
                var violations = report.Check();
                db.AnnualReports.Add(new AnnualReportRecord
                {
                    AgencyId = agencyId, Year = year, Edition = 1, FormatCode = report.FormatCode, Status = isPublished ? ReportStatus.Published : ReportStatus.Draft,
                    Title = report.Title, Content = ReportJson.Write(report), PublishedOn = report.PublishedOn,
                    ErrorCount = violations.Count(v => v.Severity == Severity.Error), WarningCount = violations.Count(v => v.Severity == Severity.Warning),
                    CreatedUtc = now, UpdatedUtc = now, PublishedUtc = isPublished ? now : null,
                });
                previous = report;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
