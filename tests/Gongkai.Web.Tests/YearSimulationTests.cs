using System.Globalization;
using System.Net;
using Gongkai.Data;
using Gongkai.Data.Applications;
using Gongkai.Data.Calendar;
using Gongkai.Data.Mail;
using Gongkai.Data.Reports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// A real office's year and a half, day by day on an injected clock (2026-10-01 to 2028-04-30):
/// citizens apply through the public form every third day, clerks take the next legal step, items
/// are published, the 2026 and 2027 reports are made from the records in January and go through
/// the supervisor to the public by Art. 49's dates — once with the 2027 holiday notice loaded on
/// 2026-11-20, once with no notice ever loaded after 2026. Every day: every application accepted,
/// every open case on its clerk's dashboard with its due date (暂定 exactly where a year without its
/// notice is counted), the dashboard equal to the digest mail, stored due dates equal to the
/// calendar in force; every published report's figures equal to the records; every Monday and on the
/// awkward dates (31 Dec, 1 Jan, 除夕, 29 Feb) each GET route of the route table without a 5xx.
/// </summary>
public sealed class YearSimulationTests
{
    private static readonly DateOnly First = new(2026, 10, 1);
    private static readonly DateOnly Last = new(2028, 4, 30);
    private static readonly DateOnly NoticeDay = new(2026, 11, 20);
    private static readonly string[] Agencies = ["qx-bsz", "qx-czj"];

    /// <summary>The limits of one address per minute are for people; here one test client plays a county for 19 months in minutes.</summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["RateLimits:SignInsPerMinute"] = "1000000", ["RateLimits:SubmissionsPerMinute"] = "1000000",
        ["RateLimits:FormReadsPerMinute"] = "1000000", ["RateLimits:ParsesPerMinute"] = "1000000",
        ["RateLimits:SubmissionsPerAddressPerMinute"] = "1000000",
        // Each clerk signs in once for the run: 19 months of daily sign-ins are 3,000 password
        // hashes (a third of the run's time); SignInTests test the session limits themselves.
        ["Session:IdleMinutes"] = "1000000", ["Session:AbsoluteHours"] = "100000",
    };

    /// <summary>A 2027 notice as the State Council might publish it: the statute's days and one longer Spring Festival with a Saturday worked.</summary>
    private static string Notice2027() =>
        "date,is_off_day,name\n" + string.Concat(StatutoryHolidays.OffDays(2027).Select(d => $"{d.Date:yyyy-MM-dd},true,{d.Name}\n"))
        + "2027-02-11,true,春节\n2027-02-20,false,春节\n";

    /// <summary>
    /// The year and a half, once with the 2027 notice loaded on 20 November 2026 and once with no
    /// notice after 2026 (<see cref="YearSimulationWithNoticeTests"/>, <see cref="YearSimulationWithoutNoticeTests"/>:
    /// two classes, so that the two runs go side by side).
    /// </summary>
    internal static async Task RunAsync(bool noticeLoaded)
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", Settings, At(First));
        var sim = new Simulation(app);
        var failures = new List<string>();
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            app.Clock.Now = At(day);
            if (noticeLoaded && day == NoticeDay)
            {
                await sim.LoadNoticeAsync(2027, Notice2027());
            }
            var loaded = noticeLoaded && day >= NoticeDay ? new[] { 2027 } : [];
            await sim.WorkAsync(day, failures);
            await sim.CheckAsync(day, loaded, failures);
            if (day.DayOfWeek == DayOfWeek.Monday || IsAwkward(day))
            {
                await sim.WalkRoutesAsync(day, failures);
            }
            Assert.True(failures.Count == 0, $"{day:yyyy-MM-dd}:\n" + string.Join("\n", failures.Take(20)));
        }
        // The simulation did what it says: applications every third day, all answered but the last few, two years of reports published.
        var (applications, replied, published) = await app.QueryAsync(async db => (
            await db.Applications.CountAsync(), await db.Applications.CountAsync(a => a.AnsweredOn != null),
            await db.AnnualReports.CountAsync(r => r.Status == ReportStatus.Published && (r.Year == 2026 || r.Year == 2027))));
        Assert.InRange(applications, 190, 200);
        Assert.True(replied >= applications - 8, $"{replied} of {applications} answered");
        Assert.Equal(4, published);
    }

    /// <summary>The awkward days: each route, an application and a registration on each, whatever the calendar knows of it.</summary>
    [Fact]
    public async Task OnTheAwkwardDates_EveryRouteAnswers_AndApplicationsAreTaken()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", Settings, At(new DateOnly(2026, 12, 31)));
        var sim = new Simulation(app);
        var failures = new List<string>();
        // 31 Dec, 1 Jan, 除夕 2027 (5 Feb), 29 Feb 2028, and a summer day of 2029 (no notice for years).
        foreach (var day in new DateOnly[] { new(2026, 12, 31), new(2027, 1, 1), new(2027, 2, 5), new(2028, 2, 29), new(2029, 6, 15) })
        {
            app.Clock.Now = At(day);
            await sim.ApplyAsync(day, "qx-bsz", failures);
            await sim.RegisterAsync(day, failures);
            await sim.CheckAsync(day, [], failures);
            await sim.WalkRoutesAsync(day, failures);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(10, await app.QueryAsync(db => db.Applications.CountAsync()));
    }

    /// <summary>10:00 in Beijing on <paramref name="day"/>.</summary>
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    private static bool IsAwkward(DateOnly day) =>
        (day.Month == 12 && day.Day == 31) || (day.Month == 1 && day.Day == 1) || (day.Month == 2 && day.Day == 29)
        || day == StatutoryHolidays.LunarDate(day.Year, 1, 1).AddDays(-1);

    private sealed class Simulation(GongkaiApp app)
    {
        private int _day;
        private readonly Dictionary<string, Visitor> _signedIn = [];

        private async Task<Visitor> AsAsync(string user)
        {
            if (!_signedIn.TryGetValue(user, out var signedIn))
            {
                signedIn = await app.SignedInAsync(user);
                _signedIn[user] = signedIn;
            }
            return signedIn;
        }

        private static string Prefix(string agency) => agency["qx-".Length..];

        public async Task LoadNoticeAsync(int year, string csv)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            db.Actor.Set(null, "模拟");
            await scope.ServiceProvider.GetRequiredService<WorkingCalendars>().ImportAsync(db, year, csv, "模拟", app.Clock);
        }

        /// <summary>What the office does on <paramref name="day"/>.</summary>
        public async Task WorkAsync(DateOnly day, List<string> failures)
        {
            _day++;
            if (_day % 3 == 0)
            {
                await ApplyAsync(day, Agencies[_day / 3 % 2], failures);
            }
            var calendar = await CalendarAsync();
            if (!calendar.IsWorkingDay(day))
            {
                return;
            }
            foreach (var agency in Agencies)
            {
                await NextStepsAsync(day, agency, calendar, failures);
            }
            if (day.Day <= 7 && day.DayOfWeek == DayOfWeek.Tuesday)
            {
                await PublishItemAsync(day, failures);
            }
            if (day.Month == 1 && day.Day is >= 10 and <= 16 && day.DayOfWeek == DayOfWeek.Monday)
            {
                foreach (var agency in Agencies)
                {
                    await ReportAsync(day, agency, failures);
                }
            }
            if (day == new DateOnly(2026, 12, 28))
            {
                await ReportTooEarlyAsync(day, failures);
            }
        }

        public async Task ApplyAsync(DateOnly day, string agency, List<string> failures)
        {
            using var citizen = app.NewVisitor();
            var submitted = await citizen.SubmitAsync($"/agency/{agency}/apply", new Dictionary<string, string?>
            {
                ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = $"申请人{_day}", ["Form.IdNumber"] = "11010519491231002X", ["Form.Phone"] = "13800138000",
                ["Form.Description"] = $"{day:yyyy年M月d日}申请的{(agency == "qx-bsz" ? "低保资金发放情况" : "部门预算执行情况")}", ["Form.FormWanted"] = "电子邮件",
            });
            if (submitted.Status != HttpStatusCode.Redirect)
            {
                failures.Add($"the application to {agency} was not taken: {(int)submitted.Status} {submitted.Summary}");
                return;
            }
            var confirmation = await citizen.GetAsync(submitted.Location!);
            if (!confirmation.Text.Contains("答复期限为", StringComparison.Ordinal))
            {
                failures.Add($"the confirmation for {agency} shows no due date");
            }
        }

        public async Task RegisterAsync(DateOnly day, List<string> failures)
        {
            var clerk = await AsAsync("bsz.clerk");
            var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>
            {
                ["Channel"] = "InPerson", ["Received"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Form.Kind"] = "NaturalPerson",
                ["Form.Name"] = "当面申请人", ["Form.IdNumber"] = "11010519491231002X", ["Form.Phone"] = "13900139000",
                ["Form.Description"] = "村道改造工程的验收报告", ["Form.FormWanted"] = "当面领取",
            });
            if (registered.Status != HttpStatusCode.Redirect)
            {
                failures.Add($"the registration was refused: {registered.Summary}");
            }
        }

        /// <summary>
        /// The clerk's next legal step on each open case: every fourth case is asked once for a
        /// supplement on its second working day and supplemented three working days later; a case
        /// is answered on its eighth working day; a replied case is archived the next working day.
        /// </summary>
        private async Task NextStepsAsync(DateOnly day, string agency, WorkingCalendar calendar, List<string> failures)
        {
            var cases = await app.QueryAsync(db => db.Applications.AsNoTracking()
                .Where(a => a.AgencyId == db.Agencies.Single(x => x.ShortCode == agency).Id && a.Status != CaseStatus.Closed && a.Received < day)
                .Select(a => new { a.Id, a.Received, a.Status, a.AnsweredOn, Steps = db.ApplicationSteps.Where(s => s.ApplicationId == a.Id).Select(s => new { s.Kind, s.Date }).ToList() })
                .ToListAsync());
            var clerk = await AsAsync($"{Prefix(agency)}.clerk");
            foreach (var c in cases)
            {
                var worked = calendar.WorkingDaysBetween(c.Received, day);
                var supplemented = c.Steps.LastOrDefault(s => s.Kind == StepKind.RequestSupplement);
                (string Kind, string Reason, string? Reply, string? Days)? step = c.Status switch
                {
                    CaseStatus.Replied when c.AnsweredOn < day => ("Close", "已归档", null, null),
                    CaseStatus.AwaitingSupplement when calendar.WorkingDaysBetween(supplemented!.Date, day) >= 3 => ("ReceiveSupplement", "申请人已补正所需信息的名称", null, null),
                    CaseStatus.InProgress when c.Id % 4 == 0 && supplemented is null && worked == 2 => ("RequestSupplement", "请补正所需信息的名称、文号或者其他特征性描述", null, "10"),
                    CaseStatus.InProgress when worked >= 8 => ("Reply", "予以公开，按申请人要求以电子邮件提供", "Granted", null),
                    _ => null,
                };
                if (step is not { } s)
                {
                    continue;
                }
                var done = await clerk.SubmitAsync($"/console/applications/{c.Id}", new Dictionary<string, string?>
                {
                    ["Kind"] = s.Kind, ["Date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Reason"] = s.Reason, ["Reply"] = s.Reply, ["Days"] = s.Days,
                });
                if (done.Status != HttpStatusCode.Redirect)
                {
                    failures.Add($"{agency} case {c.Id}: {s.Kind} refused ({(int)done.Status}): {done.Summary}");
                }
            }
        }

        private async Task PublishItemAsync(DateOnly day, List<string> failures)
        {
            var clerk = await AsAsync("bsz.clerk");
            var created = await clerk.SubmitAsync("/console/items/new", new Dictionary<string, string?>
            {
                ["Title"] = $"白沙镇{day:yyyy年M月}工作安排", ["DocumentNumber"] = "", ["WrittenOn"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["CategoryCode"] = "a21.t08", ["DocumentKind"] = "None", ["Channels"] = "Website", ["Body"] = $"{day:M月}各村工作安排。",
            });
            if (created.Status != HttpStatusCode.Redirect)
            {
                failures.Add($"item not created: {created.Summary}");
                return;
            }
            var url = created.Location!;
            var reviewer = await AsAsync("bsz.reviewer");
            foreach (var (who, action, opinion) in new[] { (clerk, ItemAction.Submit, ""), (reviewer, ItemAction.PassReview, "不涉密"), (reviewer, ItemAction.Approve, "同意发布") })
            {
                var acted = await who.SubmitAsync(url, new Dictionary<string, string?> { ["action"] = action.ToString(), ["opinion"] = opinion }, handler: "Act");
                if (acted.Status != HttpStatusCode.Redirect)
                {
                    failures.Add($"item {action} refused: {acted.Summary}");
                }
            }
        }

        /// <summary>Last year's report: made from the records, the cells no record gives filled with 0, submitted, accepted, published.</summary>
        private async Task ReportAsync(DateOnly day, string agency, List<string> failures)
        {
            var year = day.Year - 1;
            var admin = await AsAsync($"{Prefix(agency)}.admin");
            // The draft begun in December (if any) is the one to finish; else a new one.
            var draft = await app.QueryAsync(db => db.AnnualReports.AsNoTracking()
                .Where(r => r.AgencyId == db.Agencies.Single(a => a.ShortCode == agency).Id && r.Year == year).Select(r => (int?)r.Id).SingleOrDefaultAsync());
            string edit;
            if (draft is { } id)
            {
                edit = $"/console/reports/{id}/edit";
            }
            else
            {
                var created = await admin.SubmitAsync("/console/reports/new", new Dictionary<string, string?> { ["Year"] = year.ToString(CultureInfo.InvariantCulture) });
                if (created.Status != HttpStatusCode.Redirect)
                {
                    failures.Add($"{agency} {year} report not created: {created.Summary}");
                    return;
                }
                edit = created.Location!;
            }
            await admin.SubmitAsync(edit, new Dictionary<string, string?>(), handler: "FromRecords");
            var page = await admin.GetAsync(edit);
            var zeros = page.Document.QuerySelectorAll("input[name^='Cells[']").Where(i => string.IsNullOrEmpty(i.GetAttribute("value")))
                .ToDictionary(i => i.GetAttribute("name")!, _ => (string?)"0");
            await admin.SubmitAsync(edit, zeros);
            var details = edit.Replace("/edit", "", StringComparison.Ordinal);
            var supervisor = await AsAsync("qx.supervisor");
            foreach (var (who, handler) in new[] { (admin, "Submit"), (supervisor, "Accept"), (admin, "Publish") })
            {
                var acted = await who.SubmitAsync(details, new Dictionary<string, string?>(), handler: handler);
                if (acted.Status != HttpStatusCode.Redirect)
                {
                    failures.Add($"{agency} {year} report: {handler} refused: {acted.Summary} {acted.Document.QuerySelector("#check-results")?.TextContent}");
                }
            }
            var published = await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.AgencyId == db.Agencies.Single(a => a.ShortCode == agency).Id && r.Year == year));
            var agencyKind = (await app.AgencyAsync(agency)).Kind;
            if (published.Status != ReportStatus.Published || published.PublishedOn > ReportWorkflow.Due(agencyKind, year))
            {
                failures.Add($"{agency} {year} report {published.Status}, published {published.PublishedOn} (Art. 49: {ReportWorkflow.Due(agencyKind, year)})");
            }
        }

        /// <summary>On 28 December the year is not over: its report is drafted but not submitted.</summary>
        private async Task ReportTooEarlyAsync(DateOnly day, List<string> failures)
        {
            var admin = await AsAsync("bsz.admin");
            var created = await admin.SubmitAsync("/console/reports/new", new Dictionary<string, string?> { ["Year"] = "2026" });
            var details = created.Location!.Replace("/edit", "", StringComparison.Ordinal);
            var refused = await admin.SubmitAsync(details, new Dictionary<string, string?>(), handler: "Submit");
            if (!refused.Summary.Contains("次年 1 月 1 日起", StringComparison.Ordinal))
            {
                failures.Add($"a 2026 report was submitted on {day}: {refused.Status}");
            }
        }

        private async Task<WorkingCalendar> CalendarAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<WorkingCalendars>().CurrentAsync(scope.ServiceProvider.GetRequiredService<GongkaiDb>());
        }

        /// <summary>What must hold at the end of <paramref name="day"/>.</summary>
        public async Task CheckAsync(DateOnly day, IReadOnlyCollection<int> loadedAfter2026, List<string> failures)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendars>().CurrentAsync(db);
            bool Loaded(int year) => year <= 2026 || loadedAfter2026.Contains(year);

            // Stored due dates are those of the calendar in force (a notice loaded later moved them all).
            var open = await ApplicationHistory.OpenCasesAsync(db, calendar);
            var stored = await db.Applications.AsNoTracking().Where(a => open.Keys.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DueDate);
            foreach (var (id, domain) in open)
            {
                if (domain.Deadline(calendar).Due != stored[id])
                {
                    failures.Add($"case {id}: stored due {stored[id]}, the calendar in force gives {domain.Deadline(calendar).Due}");
                }
            }

            foreach (var agency in Agencies)
            {
                var agencyId = (await app.AgencyAsync(agency)).Id;
                var clerk = await AsAsync($"{Prefix(agency)}.clerk");
                var dashboard = await clerk.GetAsync("/console");
                if ((int)dashboard.Status >= 500)
                {
                    failures.Add($"{agency} dashboard: {(int)dashboard.Status}");
                    continue;
                }
                var rows = dashboard.Document.QuerySelectorAll("table[aria-label=未办结的申请] tbody tr")
                    .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
                // Every open case of the agency, and nothing else, is on the clerk's dashboard.
                var openHere = await db.Applications.AsNoTracking()
                    .Where(a => a.AgencyId == agencyId && a.Status != CaseStatus.Replied && a.Status != CaseStatus.Closed)
                    .Select(a => new { a.TrackingNumber, a.DueDate }).ToListAsync();
                if (!openHere.Select(a => a.TrackingNumber).Order().SequenceEqual(rows.Select(r => r[0]).Order()))
                {
                    failures.Add($"{agency}: {openHere.Count} open cases, {rows.Count} on the dashboard");
                }
                // 暂定 exactly where a counted day lies in a year without its notice.
                foreach (var a in openHere)
                {
                    var row = rows.FirstOrDefault(r => r[0] == a.TrackingNumber);
                    var from = a.DueDate < day ? a.DueDate : day;
                    var expected = Enumerable.Range(from.Year, a.DueDate.Year - from.Year + 1).Any(y => !Loaded(y));
                    if (row is not null && row[5] != $"{a.DueDate:yyyy-MM-dd}{(expected ? "（暂定）" : "")}")
                    {
                        failures.Add($"{agency} {a.TrackingNumber}: dashboard shows “{row[5]}”, due {a.DueDate:yyyy-MM-dd}, provisional {expected}");
                    }
                }
                // The digest mail is the dashboard's list, in its order.
                var digest = await Reminders.DigestAsync(db, calendar, agencyId, day, default);
                if (!digest.Applications.Select(a => a.Application.TrackingNumber).SequenceEqual(rows.Select(r => r[0])))
                {
                    failures.Add($"{agency}: the digest lists {digest.Applications.Count} cases, the dashboard {rows.Count}, or in another order");
                }
            }

            // Each report made here and published: its application figures are the records'.
            if (day.DayOfWeek == DayOfWeek.Monday)
            {
                var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published && r.SourceFileId == null && r.Year >= 2026).ToListAsync();
                foreach (var record in reports)
                {
                    var report = ReportRecords.Load(record);
                    var counted = await RecordCounts.CountAsync(db, [record.AgencyId], report.Format, record.Year);
                    foreach (var (key, value) in counted.Values.All.Where(c => c.Key.Table is "requests" or "appeals"))
                    {
                        if (report.Values.Number(key) != value.Number)
                        {
                            failures.Add($"report {record.Year} of agency {record.AgencyId}: {key} is {report.Values.Number(key)}, the records give {value.Number}");
                        }
                    }
                }
            }
        }

        /// <summary>Each GET route of the route table with real values (the portal anonymous, the console as the system admin): never a 5xx.</summary>
        public async Task WalkRoutesAsync(DateOnly day, List<string> failures)
        {
            var ids = await app.QueryAsync(async db => new Dictionary<string, string>
            {
                ["applications"] = (await db.Applications.MaxAsync(a => (int?)a.Id) ?? 1).ToString(CultureInfo.InvariantCulture),
                ["items"] = (await db.InfoItems.MaxAsync(i => (int?)i.Id) ?? 1).ToString(CultureInfo.InvariantCulture),
                ["reports"] = (await db.AnnualReports.MaxAsync(r => (int?)r.Id) ?? 1).ToString(CultureInfo.InvariantCulture),
                ["agencies"] = (await db.Agencies.MaxAsync(a => (int?)a.Id) ?? 1).ToString(CultureInfo.InvariantCulture),
                ["users"] = (await db.StaffUsers.MaxAsync(u => (int?)u.Id) ?? 1).ToString(CultureInfo.InvariantCulture),
            });
            var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
                .Select(e => e.RoutePattern).DistinctBy(p => p.RawText).ToList();
            if (routes.Count < 40)
            {
                failures.Add($"only {routes.Count} GET routes found in the route table");
            }
            var admin = await AsAsync("sysadmin");
            using var anonymous = app.NewVisitor();
            foreach (var route in routes)
            {
                var segments = route.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart { Name: "code" } => "qx-bsz",
                    RoutePatternParameterPart { Name: "year" } => (day.Year - 1).ToString(CultureInfo.InvariantCulture),
                    RoutePatternParameterPart { Name: "status" } => "404",
                    RoutePatternParameterPart { Name: "id" } => ids.FirstOrDefault(k => route.RawText!.Contains(k.Key, StringComparison.Ordinal) || route.RawText.Contains(k.Key[..^1], StringComparison.Ordinal)).Value ?? "1",
                    RoutePatternParameterPart => "1",
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => "",
                }))).ToList();
                var path = "/" + string.Join('/', segments);
                if (path == "/console/logout")
                {
                    continue; // it would end the session the rest of the walk uses
                }
                var staff = path.StartsWith("/console", StringComparison.Ordinal) && path != "/console/login";
                var response = await (staff ? admin : anonymous).Client.GetAsync(path);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{day:yyyy-MM-dd} GET {path}: {(int)response.StatusCode}");
                }
            }
        }
    }
}

/// <summary>The office's year and a half with the 2027 holiday notice loaded on 20 November 2026.</summary>
public sealed class YearSimulationWithNoticeTests
{
    [Fact]
    public Task EveryDay_FromOctober2026ToApril2028_TheOfficeWorks() => YearSimulationTests.RunAsync(noticeLoaded: true);
}

/// <summary>The office's year and a half with no holiday notice after 2026: every later year counted provisionally.</summary>
public sealed class YearSimulationWithoutNoticeTests
{
    [Fact]
    public Task EveryDay_FromOctober2026ToApril2028_TheOfficeWorks() => YearSimulationTests.RunAsync(noticeLoaded: false);
}
