using Gongkai.Domain.Agencies;

namespace Gongkai.Domain.Reports;

/// <summary>Where an annual report edition stands.</summary>
public enum ReportStatus
{
    /// <summary>Being written; may change.</summary>
    Draft,

    /// <summary>Published on the portal; never changes again.</summary>
    Published,

    /// <summary>Published, then replaced by a corrected edition; kept and shown as superseded.</summary>
    Superseded,

    /// <summary>Sent to the superior government's disclosure office for review; no longer edited.</summary>
    Submitted,

    /// <summary>Accepted by the superior; ready to publish.</summary>
    Accepted,
}

public enum ReportAction
{
    Submit,
    Accept,
    /// <summary>Returned to the agency with comments; a draft again.</summary>
    Return,
    Publish,
}

/// <summary>An action refused by the workflow, said in Chinese.</summary>
public sealed class ReportWorkflowException(string message) : Exception(message);

/// <summary>
/// How a report reaches the public: an agency with a superior submits its draft, the superior's
/// disclosure office accepts it or returns it with comments, and only an accepted report is
/// published. An agency without a superior here (the top of the tree) publishes its draft itself.
/// A report with failing checks may be submitted (the superior sees the failures) but never
/// published, unless it is the record of a report published elsewhere (imported).
/// </summary>
public static class ReportWorkflow
{
    public static readonly IReadOnlyDictionary<(ReportStatus From, ReportAction Action), ReportStatus> Transitions = new Dictionary<(ReportStatus, ReportAction), ReportStatus>
    {
        [(ReportStatus.Draft, ReportAction.Submit)] = ReportStatus.Submitted,
        [(ReportStatus.Submitted, ReportAction.Accept)] = ReportStatus.Accepted,
        [(ReportStatus.Submitted, ReportAction.Return)] = ReportStatus.Draft,
        [(ReportStatus.Accepted, ReportAction.Return)] = ReportStatus.Draft,
        [(ReportStatus.Accepted, ReportAction.Publish)] = ReportStatus.Published,
        [(ReportStatus.Draft, ReportAction.Publish)] = ReportStatus.Published,
    };

    /// <summary>
    /// Whether a report's figures and text may be changed: only as a draft. A submitted report is
    /// what the superior reviews (returned to change it); a published one is on the record and is
    /// corrected by a new edition, never edited.
    /// </summary>
    public static bool ContentEditable(ReportStatus status) => status == ReportStatus.Draft;

    /// <summary>Why a report's 统计期间 cannot be stored: its end before its start (either may be left open).</summary>
    public static string? PeriodProblem(DateOnly? start, DateOnly? end) =>
        start is { } from && end is { } to && from > to ? "统计期间止不能早于统计期间起。" : null;

    /// <param name="hasSuperior">Whether the agency reports to a superior in this system.</param>
    /// <param name="hasErrors">Whether the report fails a cross-check (an error, not a warning).</param>
    /// <param name="imported">Whether the edition records a report already published elsewhere.</param>
    /// <param name="yearEnded">Whether the report's year is over (<see cref="YearEnded"/>).</param>
    public static ReportStatus Next(ReportStatus status, ReportAction action, bool hasSuperior, bool hasErrors, bool imported, string? comment, bool yearEnded)
    {
        if (!Transitions.TryGetValue((status, action), out var next))
        {
            throw new ReportWorkflowException($"报告当前为“{status.Label()}”，不能“{action.Label()}”。");
        }
        if (action is ReportAction.Submit or ReportAction.Publish && !yearEnded && !imported)
        {
            throw new ReportWorkflowException("年度报告报告的是上一年度的工作（条例第四十九条），本年度结束后（次年 1 月 1 日起）才能报送或发布；现在可以先起草。");
        }
        if (action == ReportAction.Publish && status == ReportStatus.Draft && hasSuperior && !imported)
        {
            throw new ReportWorkflowException("本机关的年度报告须先报送上级政府信息公开工作主管部门审核，审核通过后才能发布。");
        }
        if (action == ReportAction.Publish && hasErrors && !imported)
        {
            throw new ReportWorkflowException("报告还有未通过的勾稽关系检查（错误），改正后才能发布。");
        }
        if (action == ReportAction.Return && string.IsNullOrWhiteSpace(comment))
        {
            throw new ReportWorkflowException("请填写退回意见。");
        }
        return next;
    }

    /// <summary>
    /// Art. 49: a government's departments publish their report for a year by 31 January of the
    /// next year; governments at every level by 31 March.
    /// </summary>
    public static DateOnly Due(AgencyKind kind, int year) => kind == AgencyKind.Department ? new DateOnly(year + 1, 1, 31) : new DateOnly(year + 1, 3, 31);

    /// <summary>
    /// Policy <c>AReport_IsAboutAFinishedYear</c>: Art. 49 has each organ publish its report on the
    /// previous year, so a year's report is submitted or published only from 1 January after it —
    /// its records are then complete, and locking them blocks no work still to be done in the year.
    /// </summary>
    public static bool YearEnded(int year, DateOnly today) => today.Year > year;

    /// <summary>The year a new report is for by default: the last finished year.</summary>
    public static int DefaultYear(DateOnly today) => today.Year - 1;

    /// <summary>From 1 January the supervisor is warned about reports not yet published.</summary>
    public static bool DueSoon(AgencyKind kind, int year, DateOnly today) => today >= new DateOnly(year + 1, 1, 1) && today <= Due(kind, year);

    public static string Label(this ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "已报送待审核",
        ReportStatus.Accepted => "审核通过待发布",
        ReportStatus.Published => "已发布",
        _ => "已被更正",
    };

    public static string Label(this ReportAction action) => action switch
    {
        ReportAction.Submit => "报送上级审核",
        ReportAction.Accept => "审核通过",
        ReportAction.Return => "退回修改",
        _ => "发布",
    };
}
