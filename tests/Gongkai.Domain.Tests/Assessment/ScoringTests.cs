using Gongkai.Domain.Agencies;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Assessment;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Assessment;

/// <summary>
/// Each measure of the 考评 on hand-made records: one agency meeting it, one failing it, and the
/// evidence naming exactly the records that fail.
/// </summary>
public sealed class ScoringTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.National;
    private const int Year = 2025;

    /// <summary>Assessed in spring 2026, after both of Art. 49's dates.</summary>
    private static readonly DateOnly Today = new(2026, 4, 15);

    private static readonly Office FullOffice = new("县政府办公室", "青溪县人民路1号", "工作日 8:30—17:30", "0571-1234567", "0571-1234568", "gk@qx.gov.cn");

    private static AgencyFacts Agency(AgencyKind kind = AgencyKind.Department, Office? office = null, DateOnly? guideChanged = null, IReadOnlyList<ItemFact>? items = null,
        IReadOnlyList<CaseFact>? cases = null, IReadOnlyList<AppealFact>? appeals = null, ReportFact? report = null) =>
        new(7, "青溪县财政局", kind, office ?? FullOffice, guideChanged ?? new DateOnly(2026, 1, 10), items ?? [], cases ?? [], appeals ?? [], report);

    private static Indicator Indicator(Measure measure, decimal weight = 10) => new(measure.Code(), measure.Label(), weight, measure, "");

    private static IndicatorScore Score(Measure measure, AgencyFacts facts) => Scoring.Score(Indicator(measure), facts, Year, Today, Calendar);

    private static ItemFact Item(int id, string written, string published, string category = "a20.01", DocumentKind kind = DocumentKind.None, bool interpreted = false) =>
        new(id, $"信息{id}", $"QX-{id}", category, DateOnly.Parse(written), DateOnly.Parse(published), kind, interpreted);

    private static CaseFact Case(int id, string due, string? answered, ReplyType? reply = ReplyType.Granted, params string[] missing) =>
        new(id, $"2025{id:D4}", DateOnly.Parse(due).AddDays(-28), DateOnly.Parse(due), answered is null ? null : DateOnly.Parse(answered), answered is null ? null : reply, missing);

    [Fact]
    public void GuideCurrent_WithinTwelveMonthsOfTheDayAssessed()
    {
        Assert.Equal(10, Score(Measure.GuideCurrent, Agency(guideChanged: new DateOnly(2025, 4, 16))).Score);
        var stale = Score(Measure.GuideCurrent, Agency(guideChanged: new DateOnly(2025, 4, 15)));
        Assert.Equal(0, stale.Score);
        Assert.Equal(EvidenceKind.Agency, Assert.Single(stale.Evidence).Kind);
        // No change recorded at all is not current either.
        Assert.Equal(0, Scoring.Score(Indicator(Measure.GuideCurrent), Agency() with { GuideChanged = null }, Year, Today, Calendar).Score);
        // A set may ask for six months.
        var six = Indicator(Measure.GuideCurrent) with { Months = 6 };
        Assert.Equal(0, Scoring.Score(six, Agency(guideChanged: new DateOnly(2025, 10, 1)), Year, Today, Calendar).Score);
    }

    [Fact]
    public void GuideElements_NamesEachArticle12ElementMissing()
    {
        Assert.Equal(10, Score(Measure.GuideElements, Agency()).Score);
        var partial = Score(Measure.GuideElements, Agency(office: FullOffice with { Fax = null, Email = " " }));
        Assert.Equal((7, 9), (partial.Met, partial.Counted));
        Assert.Equal(7.78m, partial.Score);
        Assert.Equal(["传真号码", "互联网联系方式"], partial.Evidence.Select(e => e.Title));
    }

    [Fact]
    public void CategoriesCovered_CountsTheCategoriesOfTheAgencysKind_AndListsTheMissingOnes()
    {
        var indicator = Indicator(Measure.CategoriesCovered) with
        {
            Categories = new Dictionary<AgencyKind, IReadOnlyList<string>> { [AgencyKind.Department] = ["a20.01", "a20.02", "a20.07"] },
        };
        var covered = Scoring.Score(indicator, Agency(items: [Item(1, "2025-03-01", "2025-03-05", "a20.01"), Item(2, "2025-03-01", "2025-03-05", "a20.02"), Item(3, "2025-03-01", "2025-03-05", "a20.07")]), Year, Today, Calendar);
        Assert.Equal(10, covered.Score);
        var missing = Scoring.Score(indicator, Agency(items: [Item(1, "2025-03-01", "2025-03-05", "a20.01"), Item(4, "2025-03-01", "2025-03-05", "a20.09")]), Year, Today, Calendar);
        Assert.Equal((1, 3), (missing.Met, missing.Counted));
        Assert.Equal([Categories.Find("a20.02")!.Label, Categories.Find("a20.07")!.Label], missing.Evidence.Select(e => e.Title));
        // A kind the set does not name is expected to publish in all fifteen.
        Assert.Equal(15, Scoring.Score(indicator, Agency(kind: AgencyKind.Government), Year, Today, Calendar).Counted);
    }

    [Fact]
    public void TimelyPublication_LateItemsAreTheEvidence()
    {
        // Written Monday 3 March 2025: the 20th working day after it is Monday 31 March.
        var onTime = Item(1, "2025-03-03", "2025-03-31");
        var late = Item(2, "2025-03-03", "2025-04-01");
        var score = Score(Measure.TimelyPublication, Agency(items: [onTime, late]));
        Assert.Equal((1, 2, 5m), (score.Met, score.Counted, score.Score));
        var evidence = Assert.Single(score.Evidence);
        Assert.Equal((EvidenceKind.Item, 2), (evidence.Kind, evidence.RecordId!.Value));
        Assert.Contains("用时 21 个工作日", evidence.Detail);
        Assert.Equal(10, Score(Measure.TimelyPublication, Agency(items: [onTime])).Score);
    }

    [Fact]
    public void NormativeInterpreted_CountsOnlyRulesAndNormativeDocuments()
    {
        var score = Score(Measure.NormativeInterpreted, Agency(items:
        [
            Item(1, "2025-03-03", "2025-03-05", kind: DocumentKind.Normative, interpreted: true),
            Item(2, "2025-03-03", "2025-03-05", kind: DocumentKind.Rule),
            Item(3, "2025-03-03", "2025-03-05"),
        ]));
        Assert.Equal((1, 2), (score.Met, score.Counted));
        Assert.Equal([2], score.Evidence.Select(e => e.RecordId!.Value));
        Assert.False(Score(Measure.NormativeInterpreted, Agency(items: [Item(3, "2025-03-03", "2025-03-05")])).Applies);
    }

    [Fact]
    public void RepliesOnTime_AnswersAfterTheLastDay_AndOpenCasesPastIt_AreLate()
    {
        var score = Score(Measure.RepliesOnTime, Agency(cases:
        [
            Case(1, "2025-06-10", "2025-06-10"),
            Case(2, "2025-06-10", "2025-06-11"),
            Case(3, "2025-11-20", null),
        ]));
        Assert.Equal((1, 3), (score.Met, score.Counted));
        Assert.Equal([2, 3], score.Evidence.Select(e => e.RecordId!.Value));
        Assert.Contains("逾期 1 个工作日", score.Evidence[0].Detail);
        Assert.Contains("至 2025-12-31 未答复", score.Evidence[1].Detail);
    }

    [Fact]
    public void RepliesOnTime_DuringTheYear_AnOpenCaseNotYetDue_IsNotJudged()
    {
        var midYear = new DateOnly(2025, 6, 1);
        var score = Scoring.Score(Indicator(Measure.RepliesOnTime), Agency(cases: [Case(1, "2025-06-10", null)]), Year, midYear, Calendar);
        Assert.False(score.Applies);
        Assert.Equal(0, Scoring.Score(Indicator(Measure.RepliesOnTime), Agency(cases: [Case(1, "2025-05-30", null)]), Year, midYear, Calendar).Score);
    }

    [Fact]
    public void ReplyLettersComplete_ARecordLackingAnArticle36Element_Fails()
    {
        var score = Score(Measure.ReplyLettersComplete, Agency(cases:
        [
            Case(1, "2025-06-10", "2025-06-09"),
            Case(2, "2025-06-10", "2025-06-09", ReplyType.NotThisOrgan, "负责机关名称及联系方式"),
        ]));
        Assert.Equal((1, 2), (score.Met, score.Counted));
        Assert.Contains("负责机关名称及联系方式", Assert.Single(score.Evidence).Detail);
    }

    [Fact]
    public void AppealsNotCorrected_ACorrectionIsTheEvidence()
    {
        var score = Score(Measure.AppealsNotCorrected, Agency(appeals:
        [
            new AppealFact(1, "20250001", AppealKind.Reconsideration, new DateOnly(2025, 8, 1), AppealResult.Upheld),
            new AppealFact(2, "20250002", AppealKind.LitigationDirect, new DateOnly(2025, 9, 1), AppealResult.Corrected),
        ]));
        Assert.Equal((1, 2, 5m), (score.Met, score.Counted, score.Score));
        Assert.Equal(2, Assert.Single(score.Evidence).RecordId);
        Assert.False(Score(Measure.AppealsNotCorrected, Agency()).Applies);
    }

    [Fact]
    public void ReportOnTime_ByArticle49sDateForTheAgencysKind()
    {
        ReportFact Published(string day) => new(9, "2025年度报告", DateOnly.Parse(day), [], []);
        // A department's date is 31 January, a government's 31 March.
        Assert.Equal(10, Score(Measure.ReportOnTime, Agency(report: Published("2026-01-31"))).Score);
        Assert.Equal(0, Score(Measure.ReportOnTime, Agency(report: Published("2026-02-01"))).Score);
        Assert.Equal(10, Score(Measure.ReportOnTime, Agency(kind: AgencyKind.Government, report: Published("2026-03-31"))).Score);
        var none = Score(Measure.ReportOnTime, Agency());
        Assert.Equal(0, none.Score);
        Assert.Contains("未发布", Assert.Single(none.Evidence).Detail);
        // Before the date, an unpublished report is not yet judged.
        Assert.False(Scoring.Score(Indicator(Measure.ReportOnTime), Agency(kind: AgencyKind.Government), Year, new DateOnly(2026, 3, 1), Calendar).Applies);
    }

    [Fact]
    public void ReportChecksAndRecords_TheFailedChecksAndTheDifferingCellsAreTheEvidence()
    {
        var report = new ReportFact(9, "2025年度报告", new DateOnly(2026, 1, 20), ["表三：合计不等于各项之和"], ["表三 本年新收：报告 5，记录 6"]);
        var checks = Score(Measure.ReportPassesChecks, Agency(report: report));
        Assert.Equal(0, checks.Score);
        Assert.Equal("表三：合计不等于各项之和", Assert.Single(checks.Evidence).Detail);
        var records = Score(Measure.ReportMatchesRecords, Agency(report: report));
        Assert.Equal("表三 本年新收：报告 5，记录 6", Assert.Single(records.Evidence).Detail);
        var clean = report with { FailedChecks = [], Differences = [] };
        Assert.Equal((10m, 10m), (Score(Measure.ReportPassesChecks, Agency(report: clean)).Score!.Value, Score(Measure.ReportMatchesRecords, Agency(report: clean)).Score!.Value));
        // A format the records cannot give (a pre-2019 sheet) is not judged against them.
        Assert.False(Score(Measure.ReportMatchesRecords, Agency(report: clean with { Differences = null })).Applies);
    }

    [Fact]
    public void NotApplicable_IsLeftOut_AndTheTotalRescaled()
    {
        var set = new IndicatorSet("测试", 2025, [Indicator(Measure.GuideElements, 30), Indicator(Measure.AppealsNotCorrected, 20), Indicator(Measure.TimelyPublication, 50)]);
        // No appeals: 30 + 25 (half the items late) out of 80 applicable, scaled to 100.
        var facts = Agency(items: [Item(1, "2025-03-03", "2025-03-31"), Item(2, "2025-03-03", "2025-04-01")]);
        var row = Scoring.Evaluate(set, facts, Year, Today, Calendar);
        Assert.Equal(68.75m, row.Total);
        Assert.Null(Scoring.Evaluate(new IndicatorSet("测试", 2025, [Indicator(Measure.AppealsNotCorrected)]), facts, Year, Today, Calendar).Total);
    }

    [Fact]
    public void ASupervisorsChangedWeight_ChangesTheTotal()
    {
        var shipped = IndicatorSet.For(Year);
        var facts = Agency(items: [Item(1, "2025-03-03", "2025-04-01", "a20.01")]);
        var before = Scoring.Evaluate(shipped, facts, Year, Today, Calendar).Total;
        var timely = shipped.Indicators.Single(i => i.Measure == Measure.TimelyPublication);
        var heavier = shipped with { Indicators = [.. shipped.Indicators.Select(i => i == timely ? i with { Weight = 40 } : i)] };
        var after = Scoring.Evaluate(heavier, facts, Year, Today, Calendar).Total;
        Assert.True(after < before, $"{after} < {before}");
        Assert.Equal(130, heavier.TotalWeight);
    }
}
