using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>A year of one town's applications, counted by hand, against the computed tables.</summary>
public sealed class ApplicationTablesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.National;

    private static DateOnly D(string s) => DateOnly.Parse(s);

    private static ApplicationCase Case(string received, ApplicantKind applicant, params (StepKind Kind, string Date, ReplyType? Reply, int? Days)[] steps)
    {
        var application = new ApplicationCase(D(received), Channel.Online, applicant);
        foreach (var (kind, date, reply, days) in steps)
        {
            application.Record(new CaseStep(kind, D(date), "clerk", "办理", reply, days, kind == StepKind.SendFeeNotice ? 100 : null, kind == StepKind.Extend), Calendar);
        }
        return application;
    }

    /// <summary>
    /// 2023: one carried over from 2022 and answered in January; five received in 2023 (4 persons,
    /// 1 company), of which one is still open on 31 December; one answered in 2022 (not counted);
    /// one received in 2024 (not counted).
    /// </summary>
    private static IReadOnlyList<ApplicationCase> Year2023() =>
    [
        Case("2022-12-26", ApplicantKind.NaturalPerson, (StepKind.Reply, "2023-01-10", ReplyType.Granted, null)),
        Case("2022-10-10", ApplicantKind.NaturalPerson, (StepKind.Reply, "2022-10-20", ReplyType.Granted, null)),
        Case("2023-02-06", ApplicantKind.NaturalPerson, (StepKind.Reply, "2023-02-20", ReplyType.NotExist, null)),
        Case("2023-03-01", ApplicantKind.NaturalPerson, (StepKind.RequestSupplement, "2023-03-02", null, 10), (StepKind.DeemAbandonedNoSupplement, "2023-03-20", null, null)),
        Case("2023-05-08", ApplicantKind.Commercial, (StepKind.Reply, "2023-05-30", ReplyType.Partial, null)),
        Case("2023-08-01", ApplicantKind.NaturalPerson, (StepKind.Reply, "2023-08-15", ReplyType.AlreadyPublic, null)),
        Case("2023-12-20", ApplicantKind.NaturalPerson),
        Case("2024-01-03", ApplicantKind.NaturalPerson),
    ];

    private static IReadOnlyList<Appeal> Appeals() =>
    [
        new(AppealKind.Reconsideration, D("2023-03-10"), "青溪县人民政府", D("2023-05-10"), AppealResult.Upheld),
        new(AppealKind.LitigationDirect, D("2023-11-01"), "青溪县人民法院"),
        new(AppealKind.Reconsideration, D("2022-06-01"), "青溪县人民政府", D("2022-08-01"), AppealResult.Corrected),
    ];

    private static decimal? Cell(ReportValues values, string table, string row, string column) => values.Number(new CellKey(table, row, column));

    [Theory]
    [InlineData("2019", "other")]
    [InlineData("2021", "other.no_supplement")]
    public void TheComputedTables_EqualTheHandCount_AndPassEveryCheck(string format, string abandonedRow)
    {
        var values = new ReportValues();
        ApplicationTables.Fill(values, format, 2023, Year2023(), Appeals());

        Assert.Equal((4m, 1m, 5m), (Cell(values, "requests", "new", "natural")!.Value, Cell(values, "requests", "new", "commercial")!.Value, Cell(values, "requests", "new", "total")!.Value));
        Assert.Equal(1m, Cell(values, "requests", "carried_over", "total"));
        Assert.Equal(2m, Cell(values, "requests", "granted", "natural"));      // the one carried over, and the one already public
        Assert.Equal(1m, Cell(values, "requests", "partial", "commercial"));
        Assert.Equal(1m, Cell(values, "requests", "unable.not_held", "natural"));
        Assert.Equal(1m, Cell(values, "requests", abandonedRow, "natural"));
        Assert.Equal(5m, Cell(values, "requests", "results_total", "total"));
        Assert.Equal(1m, Cell(values, "requests", "carried_forward", "natural"));
        Assert.Equal((1m, 1m, 1m, 1m), (Cell(values, "appeals", "cases", "reconsideration.upheld")!.Value, Cell(values, "appeals", "cases", "reconsideration.total")!.Value,
            Cell(values, "appeals", "cases", "litigation.direct.pending")!.Value, Cell(values, "appeals", "cases", "litigation.direct.total")!.Value));

        var errors = ReportChecks.Evaluate(ReportFormats.Get(format), values).Where(v => v.Severity == Severity.Error).ToList();
        Assert.Empty(errors);
    }

    /// <summary>Random years of random cases: the balance 一 + 二 = 三（七） + 四 always holds, column by column.</summary>
    [Fact]
    public void ForAnyRecords_TheTablesBalance()
    {
        var types = Enum.GetValues<ReplyType>().Where(t => t is not (ReplyType.NoSupplement or ReplyType.FeeUnpaid or ReplyType.UnclearAfterSupplement)).ToArray();
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var cases = new List<ApplicationCase>();
            for (var i = 0; i < 60; i++)
            {
                var received = new DateOnly(2022, 1, 3).AddDays(random.Next(0, 1000));
                var application = new ApplicationCase(received, Channel.Online, (ApplicantKind)random.Next(6));
                if (random.Next(4) > 0)
                {
                    var replied = Calendar.AddWorkingDays(received, random.Next(1, 20));
                    application.Record(new CaseStep(StepKind.Reply, replied, "clerk", "办理", types[random.Next(types.Length)]), Calendar);
                }
                cases.Add(application);
            }
            foreach (var format in new[] { "2019", "2021" })
            {
                var values = new ReportValues();
                ApplicationTables.Fill(values, format, 2023, cases, []);
                Assert.DoesNotContain(ReportChecks.Evaluate(ReportFormats.Get(format), values), v => v.Severity == Severity.Error);
            }
        }
    }

    private static ApplicationCase Case2017(string received, Channel channel, params (StepKind Kind, string Date, ReplyType? Reply, int? Days)[] steps)
    {
        var application = new ApplicationCase(D(received), channel, ApplicantKind.NaturalPerson);
        foreach (var (kind, date, reply, days) in steps)
        {
            application.Record(new CaseStep(kind, D(date), "clerk", "办理", reply, days, ByReviewer: kind == StepKind.Extend), Calendar);
        }
        return application;
    }

    /// <summary>
    /// 2017 under the 2007 rules: five received in the year (2 in person, 1 by fax, 1 online, 1
    /// by ordinary mail), one carried in from 2016; four answered in 2017, one of them after an
    /// extension; one lawsuit decided against the organ, one reconsideration still pending.
    /// </summary>
    [Theory]
    [InlineData("legacy-national")]
    [InlineData("legacy-shandong")]
    public void TheLegacyRows_EqualTheHandCount_AndPassEveryCheck(string format)
    {
        IReadOnlyList<ApplicationCase> cases =
        [
            Case2017("2016-12-20", Channel.Online, (StepKind.Reply, "2017-01-10", ReplyType.Granted, null)),
            Case2017("2017-03-01", Channel.InPerson, (StepKind.Reply, "2017-03-10", ReplyType.AlreadyPublic, null)),
            Case2017("2017-04-05", Channel.InPerson, (StepKind.Extend, "2017-04-20", null, 15), (StepKind.Reply, "2017-05-20", ReplyType.ThirdParty, null)),
            Case2017("2017-06-01", Channel.Fax, (StepKind.Reply, "2017-06-12", ReplyType.NotThisOrgan, null)),
            Case2017("2017-09-01", Channel.OrdinaryMail, (StepKind.Reply, "2017-09-05", ReplyType.Complaint, null)),
            Case2017("2017-12-25", Channel.Online),
        ];
        IReadOnlyList<Appeal> appeals =
        [
            new(AppealKind.LitigationDirect, D("2017-05-02"), "某区人民法院", D("2017-10-01"), AppealResult.Corrected),
            new(AppealKind.Reconsideration, D("2017-11-20"), "某市人民政府"),
        ];
        var values = new ReportValues();
        ApplicationTables.Fill(values, format, 2017, cases, appeals);

        decimal? Row(string row) => values.Number(new CellKey("stats", row, "value"));
        Assert.Equal((5m, 2m, 1m, 1m, 1m), (Row("requests.received")!.Value, Row("requests.received.in_person")!.Value, Row("requests.received.fax")!.Value,
            Row("requests.received.online")!.Value, Row("requests.received.letter")!.Value));
        Assert.Equal((5m, 4m, 1m), (Row("requests.closed")!.Value, Row("requests.closed.on_time")!.Value, Row("requests.closed.extended")!.Value));
        Assert.Equal((5m, 1m, 1m, 1m, 1m, 1m, 1m), (Row("requests.replied")!.Value, Row("requests.replied.granted")!.Value, Row("requests.replied.already_public")!.Value,
            Row("requests.replied.refused")!.Value, Row("requests.replied.refused.privacy")!.Value, Row("requests.replied.not_ours")!.Value, Row("requests.replied.other_route")!.Value));
        Assert.Equal((1m, 1m, 1m, 1m), (Row("reconsideration")!.Value, Row("reconsideration.other")!.Value, Row("litigation")!.Value, Row("litigation.corrected")!.Value));
        Assert.Equal(format == "legacy-shandong" ? 0m : null, Row("requests.received.other"));

        Assert.DoesNotContain(ReportChecks.Evaluate(ReportFormats.Get(format), values), v => v.Severity == Severity.Error);
    }

    /// <summary>Every reply type has its row in the 统计表, so （三）申请答复数 = Σ 1–8 holds for any records.</summary>
    [Fact]
    public void ForAnyRecords_TheLegacyRowsAddUp()
    {
        var channels = Enum.GetValues<Channel>();
        var types = Enum.GetValues<ReplyType>().Where(t => t is not (ReplyType.NoSupplement or ReplyType.FeeUnpaid or ReplyType.UnclearAfterSupplement)).ToArray();
        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var cases = Enumerable.Range(0, 80).Select(_ =>
            {
                var received = new DateOnly(2016, 1, 4).AddDays(random.Next(0, 900));
                var application = new ApplicationCase(received, channels[random.Next(channels.Length)], ApplicantKind.NaturalPerson);
                if (random.Next(4) > 0)
                {
                    application.Record(new CaseStep(StepKind.Reply, Calendar.AddWorkingDays(received, random.Next(1, 15)), "clerk", "办理", types[random.Next(types.Length)]), Calendar);
                }
                return application;
            }).ToList();
            foreach (var format in new[] { "legacy-national", "legacy-beijing", "legacy-shandong", "legacy-weihai" })
            {
                var values = new ReportValues();
                ApplicationTables.Fill(values, format, 2017, cases, []);
                var problems = ReportChecks.Evaluate(ReportFormats.Get(format), values)
                    .Where(v => v.CheckCode.StartsWith("requests", StringComparison.Ordinal) || v.CheckCode.StartsWith("reconsideration", StringComparison.Ordinal));
                Assert.Empty(problems);
            }
        }
    }
}
