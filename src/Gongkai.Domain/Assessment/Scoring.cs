using Gongkai.Domain.Agencies;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Assessment;

/// <summary>What a piece of evidence is, so that a page can link it to its record.</summary>
public enum EvidenceKind
{
    Agency,
    Category,
    Item,
    Application,
    Report,
}

/// <summary>One record behind a score that fell short: the late item, the late case, the missing category, the failed check.</summary>
/// <param name="RecordId">The item's, application's, report's or agency's id; null for a category.</param>
public sealed record Evidence(EvidenceKind Kind, int? RecordId, string Title, string Detail);

/// <summary>An indicator's result for one agency.</summary>
/// <param name="Met">How many of the counted things meet the indicator.</param>
/// <param name="Counted">How many things were counted; 0 when the indicator does not apply (nothing to judge).</param>
/// <param name="Score">The weight times the rate met, two decimals; null when it does not apply.</param>
/// <param name="Note">Why it does not apply, or what was judged, in a sentence.</param>
public sealed record IndicatorScore(Indicator Indicator, int Met, int Counted, decimal? Score, string Note, IReadOnlyList<Evidence> Evidence)
{
    public bool Applies => Score is not null;
}

/// <summary>One agency's row: each indicator's score and the total.</summary>
/// <param name="Total">Out of the set's total weight; null when no indicator applies.</param>
public sealed record AgencyScore(int AgencyId, string Agency, IReadOnlyList<IndicatorScore> Scores, decimal? Total);

/// <summary>
/// The 政务公开考评 of an agency's year, computed from its records by an <see cref="IndicatorSet"/>.
/// Pure: the data layer gathers <see cref="AgencyFacts"/>, this judges them.
/// </summary>
public static class Scoring
{
    /// <summary>
    /// The day the year's records are judged on: its last day once it is over, today while it runs.
    /// An open application counts as late only once its last day has passed on that day. The guide
    /// and the report are judged on <paramref name="today"/> itself: the guide as a reader finds it,
    /// the report because Art. 49's date falls in the next year.
    /// </summary>
    public static DateOnly JudgedOn(int year, DateOnly today) => today.Year > year ? new DateOnly(year, 12, 31) : today;

    public static AgencyScore Evaluate(IndicatorSet set, AgencyFacts facts, int year, DateOnly today, WorkingCalendar calendar)
    {
        var scores = set.Indicators.Select(i => Score(i, facts, year, today, calendar)).ToList();
        return new AgencyScore(facts.AgencyId, facts.Name, scores, Total(set, scores));
    }

    /// <summary>
    /// Policy <c>NotApplicable_IsLeftOut_AndTheTotalRescaled</c>: an indicator with nothing to judge
    /// (no application in the year, no normative document) neither earns nor loses; the total is the
    /// applicable scores scaled to the set's full weight, so that agencies with and without
    /// applications stand on the same 100 points (as 政府透明度指数 treats 不适用).
    /// </summary>
    public static decimal? Total(IndicatorSet set, IReadOnlyList<IndicatorScore> scores)
    {
        var applicable = scores.Where(s => s.Applies).ToList();
        var weight = applicable.Sum(s => s.Indicator.Weight);
        return weight == 0 ? null : decimal.Round(applicable.Sum(s => s.Score!.Value) * set.TotalWeight / weight, 2);
    }

    public static IndicatorScore Score(Indicator indicator, AgencyFacts facts, int year, DateOnly today, WorkingCalendar calendar)
    {
        var judged = JudgedOn(year, today);
        var (met, counted, note, evidence) = indicator.Measure switch
        {
            Measure.GuideCurrent => GuideCurrent(facts, indicator.Months ?? Indicator.DefaultMonths, today),
            Measure.GuideElements => GuideElements(facts),
            Measure.CategoriesCovered => CategoriesCovered(facts, indicator.CategoriesFor(facts.Kind)),
            Measure.TimelyPublication => TimelyPublication(facts, calendar),
            Measure.NormativeInterpreted => NormativeInterpreted(facts),
            Measure.RepliesOnTime => RepliesOnTime(facts, judged, calendar),
            Measure.ReplyLettersComplete => ReplyLettersComplete(facts),
            Measure.AppealsNotCorrected => AppealsNotCorrected(facts),
            Measure.ReportOnTime => ReportOnTime(facts, year, today),
            Measure.ReportPassesChecks => ReportPassesChecks(facts),
            Measure.ReportMatchesRecords => ReportMatchesRecords(facts),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Measure, null),
        };
        decimal? score = counted == 0 ? null : decimal.Round(indicator.Weight * met / counted, 2);
        return new IndicatorScore(indicator, met, counted, score, note, evidence);
    }

    private sealed record Result(int Met, int Counted, string Note, IReadOnlyList<Evidence> Evidence)
    {
        public static Result Rate(int met, int counted, string what, IReadOnlyList<Evidence> evidence) =>
            new(met, counted, counted == 0 ? $"不适用：当年没有{what}。" : $"{what} {counted} 件，符合 {met} 件。", evidence);
    }

    /// <summary>
    /// Art. 12: the guide is kept current; a change to the agency's profile (its office, its guide
    /// text) is the guide's change. Judged on <paramref name="today"/>, as a reader finds the guide
    /// when the assessment is made (the way third-party assessments check the site).
    /// </summary>
    private static Result GuideCurrent(AgencyFacts facts, int months, DateOnly today)
    {
        var since = today.AddMonths(-months);
        if (facts.GuideChanged is { } changed && changed > since)
        {
            return new(1, 1, $"公开指南最后更新于 {changed:yyyy-MM-dd}。", []);
        }
        var when = facts.GuideChanged is { } c ? $"最后更新于 {c:yyyy-MM-dd}" : "没有更新记录";
        return new(0, 1, $"公开指南{when}，超过 {months} 个月。", [new(EvidenceKind.Agency, facts.AgencyId, "公开指南", $"{when}；应在 {since:yyyy-MM-dd} 之后更新。")]);
    }

    /// <summary>
    /// Art. 12's elements. The guide's 分类、编排体系 and 获取方式 are generated from the catalog and the
    /// application procedure, so every guide has them; the office's particulars are the agency's to fill.
    /// </summary>
    public static IReadOnlyList<(string Element, bool Present)> GuideElementsOf(Office office) =>
    [
        ("分类", true), ("编排体系", true), ("获取方式", true),
        ("工作机构名称", !string.IsNullOrWhiteSpace(office.Name)),
        ("办公地址", !string.IsNullOrWhiteSpace(office.Address)),
        ("办公时间", !string.IsNullOrWhiteSpace(office.Hours)),
        ("联系电话", !string.IsNullOrWhiteSpace(office.Phone)),
        ("传真号码", !string.IsNullOrWhiteSpace(office.Fax)),
        ("互联网联系方式", !string.IsNullOrWhiteSpace(office.Email)),
    ];

    private static Result GuideElements(AgencyFacts facts)
    {
        var elements = GuideElementsOf(facts.Office);
        var missing = elements.Where(e => !e.Present).Select(e => e.Element).ToList();
        return new(elements.Count - missing.Count, elements.Count,
            missing.Count == 0 ? "第十二条要素齐全。" : $"缺少：{string.Join("、", missing)}。",
            missing.Select(m => new Evidence(EvidenceKind.Agency, facts.AgencyId, m, "公开指南未载明（在机构资料中填写）")).ToList());
    }

    private static Result CategoriesCovered(AgencyFacts facts, IReadOnlyList<string> applicable)
    {
        var published = facts.Items.Select(i => i.CategoryCode).ToHashSet();
        var missing = applicable.Where(c => !published.Contains(c)).ToList();
        return new(applicable.Count - missing.Count, applicable.Count,
            $"适用类别 {applicable.Count} 个，当年有公开信息的 {applicable.Count - missing.Count} 个。",
            missing.Select(c => Categories.Find(c)!).Select(c => new Evidence(EvidenceKind.Category, null, c.Label, $"{c.Basis}：当年没有公开信息")).ToList());
    }

    private static Result TimelyPublication(AgencyFacts facts, WorkingCalendar calendar)
    {
        var late = facts.Items.Where(i => Timeliness.Late(calendar, i.Written, i.Published, i.Published)).ToList();
        return Result.Rate(facts.Items.Count - late.Count, facts.Items.Count, "公开的信息",
            late.Select(i => new Evidence(EvidenceKind.Item, i.Id, i.Title,
                $"成文 {i.Written:yyyy-MM-dd}，公开 {i.Published:yyyy-MM-dd}，用时 {Timeliness.WorkingDaysTaken(calendar, i.Written, i.Published, i.Published)} 个工作日（应在 {Timeliness.Due(calendar, i.Written):yyyy-MM-dd} 前）")).ToList());
    }

    private static Result NormativeInterpreted(AgencyFacts facts)
    {
        var documents = facts.Items.Where(i => i.Kind is DocumentKind.Rule or DocumentKind.Normative).ToList();
        var bare = documents.Where(i => !i.Interpreted).ToList();
        return Result.Rate(documents.Count - bare.Count, documents.Count, "公开的规章、规范性文件",
            bare.Select(i => new Evidence(EvidenceKind.Item, i.Id, i.Title, $"{i.Kind.Label()}，公开 {i.Published:yyyy-MM-dd}，没有关联的政策解读")).ToList());
    }

    /// <summary>Late: answered after its last day, or still open when its last day has passed by the day judged.</summary>
    public static bool AnsweredLate(CaseFact c, DateOnly judged) => c.Answered is { } answered ? answered > c.Due : judged > c.Due;

    private static Result RepliesOnTime(AgencyFacts facts, DateOnly judged, WorkingCalendar calendar)
    {
        // An open case whose last day is still ahead on the day judged is not yet judged.
        var judgedCases = facts.Cases.Where(c => c.Answered is not null || c.Due < judged).ToList();
        var late = judgedCases.Where(c => AnsweredLate(c, judged)).ToList();
        return Result.Rate(judgedCases.Count - late.Count, judgedCases.Count, "答复或到期的申请",
            late.Select(c => new Evidence(EvidenceKind.Application, c.Id, c.TrackingNumber, c.Answered is { } a
                ? $"收到 {c.Received:yyyy-MM-dd}，应于 {c.Due:yyyy-MM-dd} 前答复，{a:yyyy-MM-dd} 答复，逾期 {calendar.WorkingDaysBetween(c.Due, a)} 个工作日"
                : $"收到 {c.Received:yyyy-MM-dd}，应于 {c.Due:yyyy-MM-dd} 前答复，至 {judged:yyyy-MM-dd} 未答复")).ToList());
    }

    private static Result ReplyLettersComplete(AgencyFacts facts)
    {
        var replies = facts.Cases.Where(c => c.Answered is not null && c.Reply is not null).ToList();
        var incomplete = replies.Where(c => c.Missing.Count > 0).ToList();
        return Result.Rate(replies.Count - incomplete.Count, replies.Count, "答复",
            incomplete.Select(c => new Evidence(EvidenceKind.Application, c.Id, c.TrackingNumber, $"{c.Reply!.Value.Label()}，缺少：{string.Join("、", c.Missing)}")).ToList());
    }

    private static Result AppealsNotCorrected(AgencyFacts facts)
    {
        var corrected = facts.Appeals.Where(a => a.Result == AppealResult.Corrected).ToList();
        return Result.Rate(facts.Appeals.Count - corrected.Count, facts.Appeals.Count, "审结的行政复议、行政诉讼",
            corrected.Select(a => new Evidence(EvidenceKind.Application, a.ApplicationId, a.TrackingNumber, $"{a.Kind.Label()}，{a.Decided:yyyy-MM-dd} 审结，{a.Result.Label()}")).ToList());
    }

    /// <summary>
    /// Art. 49's date (<see cref="ReportWorkflow.Due"/>). Before it passes, an unpublished report is
    /// not judged; after it, a report published late or not at all fails.
    /// </summary>
    private static Result ReportOnTime(AgencyFacts facts, int year, DateOnly today)
    {
        var due = ReportWorkflow.Due(facts.Kind, year);
        var published = facts.Report?.FirstPublished;
        if (published is { } p && p <= due)
        {
            return new(1, 1, $"{p:yyyy-MM-dd} 发布（第四十九条规定 {due:yyyy-MM-dd} 前）。", []);
        }
        if (published is null && today <= due)
        {
            return new(0, 0, $"不适用：尚未到第四十九条规定的日期（{due:yyyy-MM-dd}）。", []);
        }
        var detail = published is { } late ? $"{late:yyyy-MM-dd} 发布，应在 {due:yyyy-MM-dd} 前" : $"至 {today:yyyy-MM-dd} 未发布，应在 {due:yyyy-MM-dd} 前";
        return new(0, 1, detail + "。", [new(EvidenceKind.Report, facts.Report?.RecordId, facts.Report?.Title ?? $"{year} 年度报告", detail)]);
    }

    private static Result ReportPassesChecks(AgencyFacts facts)
    {
        if (facts.Report is not { RecordId: { } id } report)
        {
            return new(0, 0, "不适用：尚未发布年度报告。", []);
        }
        return report.FailedChecks.Count == 0
            ? new(1, 1, "通过全部校验。", [])
            : new(0, 1, $"{report.FailedChecks.Count} 项校验未通过。", report.FailedChecks.Select(f => new Evidence(EvidenceKind.Report, id, report.Title ?? "", f)).ToList());
    }

    private static Result ReportMatchesRecords(AgencyFacts facts)
    {
        if (facts.Report is not { RecordId: { } id } report)
        {
            return new(0, 0, "不适用：尚未发布年度报告。", []);
        }
        if (report.Differences is not { } differences)
        {
            return new(0, 0, "不适用：该报告的格式不能由办理记录计算。", []);
        }
        return differences.Count == 0
            ? new(1, 1, "报告数据与办理记录一致。", [])
            : new(0, 1, $"{differences.Count} 个数据与办理记录不一致。", differences.Select(d => new Evidence(EvidenceKind.Report, id, report.Title ?? "", d)).ToList());
    }
}
