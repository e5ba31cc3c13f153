using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Applications;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Gongkai.Tests;

namespace Gongkai.Data.Tests;

/// <summary>The report's application figures counted from groups in the database equal those counted case by case.</summary>
public sealed class ApplicationHistoryTests
{
    public static TheoryData<string> Providers => new(TestDatabase.Providers);

    private static readonly WorkingCalendar Calendar = WorkingCalendar.National;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TalliesGroupedInTheDatabase_GiveTheSameTables_AsReplayingEveryCase(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database);
        var (agencies, applications) = await SeedAsync(db);

        var ids = agencies.Select(a => a.Id).ToList();
        foreach (var (year, format) in Years)
        {
            var grouped = new ReportValues();
            ApplicationTables.Fill(grouped, format, year, (await ApplicationHistory.TalliesForYearAsync(db, ids, year)).Select(t => t.Tally), []);
            var replayed = new ReportValues();
            ApplicationTables.Fill(replayed, format, year, await ApplicationHistory.CasesForIdsAsync(db, applications.Select(a => a.Row.Id).ToList(), Calendar), []);

            Assert.Equal(replayed.All.OrderBy(e => e.Key.ToString()), grouped.All.OrderBy(e => e.Key.ToString()));
            var received = ApplicationTables.IsLegacy(format) ? new CellKey("stats", "requests.received", "value") : new CellKey("requests", "new", "total");
            Assert.True(replayed.Number(received) > 10, $"{year}: too few applications to compare");
        }
    }

    private static readonly (int Year, string Format)[] Years = [(2017, "legacy-national"), (2018, "legacy-shandong"), (2019, "2019"), (2021, "2021"), (2022, "2021")];

    /// <summary>
    /// The drill-down of every figure of one agency lists exactly the applications whose replayed
    /// case counts there (none of another agency's), and as many as the figure says.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DrillDown_ListsExactlyTheApplicationsAFigureCounts(string provider)
    {
        await using var database = await Contexts.MigratedDatabaseAsync(provider);
        await using var db = Contexts.Open(database);
        var (agencies, applications) = await SeedAsync(db);
        var agency = agencies[0];
        var appeal = new AppealRecord { AgencyId = agency.Id, ApplicationId = applications[0].Row.Id, Kind = AppealKind.Reconsideration, Filed = new DateOnly(2021, 3, 1), Body = "某区人民政府", CreatedUtc = DateTime.UtcNow };
        db.Appeals.Add(appeal);
        await db.SaveChangesAsync();

        foreach (var (year, formatCode) in Years)
        {
            var format = ReportFormats.Get(formatCode);
            var values = new ReportValues();
            ApplicationTables.Fill(values, formatCode, year, (await ApplicationHistory.TalliesForYearAsync(db, [agency.Id], year)).Select(t => t.Tally),
                await ApplicationHistory.AppealsForYearAsync(db, [agency.Id], year));
            var listed = await ApplicationHistory.ApplicationsForYearAsync(db, agency.Id, year);
            var appeals = await ApplicationHistory.AppealRecordsForYearAsync(db, [agency.Id], year);
            // Each record's cells once (not once per cell of the format): the same comparison, 150 times less work.
            var listedCells = listed.Select(a => (a.Id, Cells: ApplicationTables.CellsOf(a.Tally, format, year).ToHashSet())).ToList();
            var expectedCells = applications.Where(a => a.Row.AgencyId == agency.Id)
                .Select(a => (a.Row.Id, Cells: ApplicationTables.CellsOf(ApplicationTally.Of(a.Case), format, year).ToHashSet())).ToList();
            var appealCells = appeals.Select(a => ApplicationTables.CellsOf(a.ToDomain(), format, year).ToHashSet()).ToList();
            var nonZero = 0;
            foreach (var key in ApplicationTables.OwnedCells(format))
            {
                var drillDown = listedCells.Where(a => a.Cells.Contains(key)).Select(a => a.Id).Order().ToList();
                var expected = expectedCells.Where(a => a.Cells.Contains(key)).Select(a => a.Id).Order().ToList();
                Assert.Equal(expected, drillDown);
                var appealsListed = appealCells.Count(cells => cells.Contains(key));
                Assert.Equal(values.Number(key), drillDown.Count + appealsListed);
                nonZero += drillDown.Count > 0 ? 1 : 0;
            }
            Assert.True(nonZero >= 5, $"{year}: too few figures with records to compare");
        }
    }

    private static async Task<(Agency[] Agencies, List<(DisclosureApplication Row, ApplicationCase Case)> Applications)> SeedAsync(GongkaiDb db)
    {
        var agencies = new[] { "a", "b" }.Select(code => new Agency { Name = $"机关{code}", ShortCode = code, OfficeName = "办公室", OfficeAddress = "某路", OfficePhone = "0571-1234567" }).ToArray();
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync();

        var random = new Random(7);
        var types = Enum.GetValues<ReplyType>().Where(t => t is not (ReplyType.NoSupplement or ReplyType.FeeUnpaid or ReplyType.UnclearAfterSupplement)).ToArray();
        var applications = new List<(DisclosureApplication Row, ApplicationCase Case, List<CaseStep> Steps)>();
        for (var i = 0; i < 300; i++)
        {
            var received = Calendar.AddWorkingDays(new DateOnly(2016, 12, 1), random.Next(0, 2000));
            var domain = new ApplicationCase(received, (Channel)random.Next(6), (ApplicantKind)random.Next(6));
            var steps = new List<CaseStep>();
            void Step(CaseStep step) { domain.Record(step, Calendar); steps.Add(step); }
            var day = received;
            if (random.Next(5) == 0)
            {
                day = Calendar.AddWorkingDays(day, 2);
                Step(new CaseStep(StepKind.RequestSupplement, day, "clerk", "请补正", Days: 10));
                var late = random.Next(2) == 0;
                day = Calendar.AddWorkingDays(day, late ? 12 : 5);
                Step(late && domain.Rules == ReplyRules.Regulation2019
                    ? new CaseStep(StepKind.DeemAbandonedNoSupplement, day, "clerk", "逾期未补正")
                    : new CaseStep(StepKind.ReceiveSupplement, day, "clerk", "已补正"));
            }
            if (domain.Status == CaseStatus.InProgress && random.Next(4) == 0)
            {
                day = Calendar.AddWorkingDays(day, 3);
                Step(new CaseStep(StepKind.Extend, day, "head", "需要调取档案", Days: 10, ByReviewer: true));
            }
            if (domain.Status == CaseStatus.InProgress && random.Next(4) > 0)
            {
                Step(new CaseStep(StepKind.Reply, Calendar.AddWorkingDays(day, random.Next(1, 15)), "clerk", "答复", types[random.Next(types.Length)]));
            }
            var row = new DisclosureApplication
            {
                AgencyId = agencies[i % 2].Id, TrackingNumber = $"T{i:D6}", AccessCodeHash = "x", Received = received, Channel = domain.Channel, Rules = domain.Rules,
                ApplicantKind = domain.Applicant, ApplicantName = "申请人", Phone = "13800000000", Description = "某信息", FormWanted = "纸质", CreatedUtc = DateTime.UtcNow,
            };
            row.Follow(domain, Calendar);
            db.Applications.Add(row);
            applications.Add((row, domain, steps));
        }
        // Two saves, not one per application: each save compares every row it tracks.
        await db.SaveChangesAsync();
        db.ApplicationSteps.AddRange(applications.SelectMany(a => a.Steps.Select(s => ApplicationStep.From(s, a.Row, null, DateTime.UtcNow))));
        await db.SaveChangesAsync();
        return (agencies, applications.Select(a => (a.Row, a.Case)).ToList());
    }
}
