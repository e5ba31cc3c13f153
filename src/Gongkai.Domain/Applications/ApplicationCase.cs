using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Applications;

/// <summary>One recorded step: what, on which day, by whom and why.</summary>
/// <param name="Days">Working days: the supplement period, the extension, the Art. 35 delay.</param>
/// <param name="ByReviewer">Whether the actor may approve (extensions need the head of the office, Art. 33 ¶2).</param>
/// <param name="Party">The other body the step names: the third party consulted (Art. 32), or the organ responsible for the information (Art. 36(五)).</param>
/// <param name="PartyContact">How to reach <paramref name="Party"/> (Art. 36(五) asks the responsible organ's contact).</param>
/// <param name="ItemIndex">The 索引号 of the item already public that a 36(一) reply points to.</param>
public sealed record CaseStep(StepKind Kind, DateOnly Date, string Actor, string Reason, ReplyType? Reply = null, int? Days = null, decimal? Amount = null, bool ByReviewer = false,
    string? Party = null, string? PartyContact = null, string? ItemIndex = null)
{
    /// <summary>
    /// The step with only the facts its kind uses, trimmed: a party for a consultation or a 36(五)
    /// reply, an item for a 36(一) reply; whatever else a form carried is dropped, not stored.
    /// </summary>
    public CaseStep Tidy()
    {
        var names = Kind == StepKind.StartConsultation || Reply == ReplyType.NotThisOrgan;
        return this with
        {
            Party = names ? Blank(Party) : null,
            PartyContact = Reply == ReplyType.NotThisOrgan ? Blank(PartyContact) : null,
            ItemIndex = Kind == StepKind.Reply && Reply == ReplyType.AlreadyPublic ? Blank(ItemIndex) : null,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A step refused by the rules, said in Chinese.</summary>
public sealed class CaseStepException(string message) : Exception(message);

/// <summary>
/// A disclosure application and everything done with it. The state is never stored: it is what
/// the recorded steps lead to through the one transition table <see cref="Transitions"/>, and the
/// reply deadline is computed from the same steps.
/// </summary>
public sealed class ApplicationCase
{
    /// <summary>The fee rules (国办函〔2020〕109号) apply from this day.</summary>
    public static readonly DateOnly FeesInForce = new(2021, 1, 1);

    /// <summary>Art. 30: the supplement is requested within 7 working days of receipt.</summary>
    public const int SupplementRequestWindow = 7;

    /// <summary>The fee notice must be paid within 20 working days of the day after it is received.</summary>
    public const int FeePaymentDays = 20;

    /// <summary>Which steps may follow which state, and the state they lead to.</summary>
    public static readonly IReadOnlyDictionary<(CaseStatus From, StepKind Step), CaseStatus> Transitions = new Dictionary<(CaseStatus, StepKind), CaseStatus>
    {
        [(CaseStatus.InProgress, StepKind.RequestSupplement)] = CaseStatus.AwaitingSupplement,
        [(CaseStatus.AwaitingSupplement, StepKind.ReceiveSupplement)] = CaseStatus.InProgress,
        [(CaseStatus.AwaitingSupplement, StepKind.DeemAbandonedNoSupplement)] = CaseStatus.Replied,
        [(CaseStatus.InProgress, StepKind.StartConsultation)] = CaseStatus.InConsultation,
        [(CaseStatus.InConsultation, StepKind.EndConsultation)] = CaseStatus.InProgress,
        [(CaseStatus.InProgress, StepKind.Extend)] = CaseStatus.InProgress,
        [(CaseStatus.InConsultation, StepKind.Extend)] = CaseStatus.InConsultation,
        [(CaseStatus.InProgress, StepKind.ReasonableDelay)] = CaseStatus.InProgress,
        [(CaseStatus.InProgress, StepKind.SendFeeNotice)] = CaseStatus.AwaitingFee,
        [(CaseStatus.AwaitingFee, StepKind.RecordPayment)] = CaseStatus.InProgress,
        [(CaseStatus.AwaitingFee, StepKind.DeemAbandonedUnpaid)] = CaseStatus.Replied,
        [(CaseStatus.InProgress, StepKind.Reply)] = CaseStatus.Replied,
        [(CaseStatus.Replied, StepKind.Close)] = CaseStatus.Closed,
    };

    private readonly List<CaseStep> _steps = [];

    public ApplicationCase(DateOnly received, Channel channel, ApplicantKind applicant, ReplyRules? rules = null)
    {
        Received = received;
        Channel = channel;
        Applicant = applicant;
        Rules = rules ?? ReplyDeadline.RulesFor(received);
    }

    public DateOnly Received { get; }
    public Channel Channel { get; }
    public ApplicantKind Applicant { get; }
    public ReplyRules Rules { get; }
    public IReadOnlyList<CaseStep> Steps => _steps;

    public CaseStatus Status => _steps.Aggregate(CaseStatus.InProgress, (status, step) => Transitions[(status, step.Kind)]);

    /// <summary>The reply, once given: the one reply type and its date.</summary>
    public (ReplyType Type, DateOnly Date)? Reply => _steps.LastOrDefault(s => StepKindLabels.Answering.Contains(s.Kind)) is { } r
        ? (r.Kind switch { StepKind.DeemAbandonedNoSupplement => ReplyType.NoSupplement, StepKind.DeemAbandonedUnpaid => ReplyType.FeeUnpaid, _ => r.Reply!.Value }, r.Date)
        : null;

    /// <summary>The last fee notice sent, if any.</summary>
    public CaseStep? FeeNotice => _steps.LastOrDefault(s => s.Kind == StepKind.SendFeeNotice);

    /// <summary>
    /// The last day to pay the fee of <see cref="FeeNotice"/>: 20 working days counted from the day
    /// after the notice (国办函〔2020〕109号); after it the application is deemed abandoned.
    /// </summary>
    public DateOnly? FeeDue(WorkingCalendar calendar) => FeeNotice is { } notice ? FeeDueAfter(calendar, notice.Date) : null;

    /// <summary>The last day to pay for a fee notice sent on <paramref name="noticeDate"/>.</summary>
    public static DateOnly FeeDueAfter(WorkingCalendar calendar, DateOnly noticeDate) => calendar.AddWorkingDays(noticeDate, FeePaymentDays);

    /// <summary>Whether the reply period was extended (Art. 33 ¶2): the legacy table's 延期办结.</summary>
    public bool Extended => _steps.Any(s => s.Kind == StepKind.Extend);

    /// <summary>
    /// The steps the lifecycle allows now, for a clerk who may (<paramref name="mayApprove"/>) or may
    /// not approve: an extension only for whoever may approve it (Art. 33 ¶2: the head of the
    /// office) and only once — the rule <see cref="Guard"/> enforces, asked beforehand.
    /// </summary>
    public IReadOnlyList<StepKind> AllowedSteps(bool mayApprove) =>
        Transitions.Keys.Where(k => k.From == Status).Select(k => k.Step).Distinct()
            .Where(k => k != StepKind.Extend || (mayApprove && !Extended)).ToList();

    /// <summary>Records a step after checking it against the transition table and the Regulation's rules.</summary>
    public ApplicationCase Record(CaseStep step, WorkingCalendar calendar)
    {
        var status = Status;
        if (!Transitions.TryGetValue((status, step.Kind), out _))
        {
            throw new CaseStepException($"当前状态为“{status.Label()}”，不能进行“{step.Kind.Label()}”。");
        }
        var last = _steps.Count > 0 ? _steps[^1].Date : Received;
        if (step.Date < last)
        {
            throw new CaseStepException($"日期 {step.Date:yyyy-MM-dd} 早于上一步的日期 {last:yyyy-MM-dd}。");
        }
        if (string.IsNullOrWhiteSpace(step.Reason))
        {
            throw new CaseStepException("请填写理由或说明。");
        }
        Guard(step, calendar);
        _steps.Add(step);
        return this;
    }

    private void Guard(CaseStep step, WorkingCalendar calendar)
    {
        switch (step.Kind)
        {
            case StepKind.RequestSupplement:
                if (_steps.Any(s => s.Kind == StepKind.RequestSupplement))
                {
                    throw new CaseStepException("补正只能一次性告知（条例第三十条），本申请已告知过补正。");
                }
                if (Rules == ReplyRules.Regulation2019 && calendar.WorkingDaysBetween(Received, step.Date) > SupplementRequestWindow)
                {
                    throw new CaseStepException($"应当自收到申请之日起 {SupplementRequestWindow} 个工作日内告知补正（条例第三十条），{step.Date:yyyy-MM-dd} 已超过。");
                }
                if (step.Days is not > 0)
                {
                    throw new CaseStepException("请给出补正的合理期限（工作日数）。");
                }
                break;
            case StepKind.DeemAbandonedNoSupplement:
                if (Rules == ReplyRules.Regulation2007)
                {
                    throw new CaseStepException("2007 年条例没有“视为放弃申请”的规定。");
                }
                var request = _steps.Last(s => s.Kind == StepKind.RequestSupplement);
                var end = calendar.AddWorkingDays(request.Date, request.Days!.Value);
                if (step.Date <= end)
                {
                    throw new CaseStepException($"补正期限到 {end:yyyy-MM-dd} 才届满，届满前不能视为放弃申请。");
                }
                break;
            case StepKind.StartConsultation:
                if (string.IsNullOrWhiteSpace(step.Party))
                {
                    // Art. 32 consults someone in writing: the letter needs an addressee.
                    throw new CaseStepException("请写明征求意见的对象（第三方或其他机关的名称）。");
                }
                break;
            case StepKind.Extend:
                if (!step.ByReviewer)
                {
                    throw new CaseStepException("延期答复须经政府信息公开工作机构负责人同意（条例第三十三条第二款），请由审核人办理。");
                }
                if (_steps.Any(s => s.Kind == StepKind.Extend))
                {
                    throw new CaseStepException("本申请已经延期过一次。");
                }
                if (step.Days is not { } days || days < 1 || days > ReplyDeadline.MaxExtension(Rules))
                {
                    throw new CaseStepException($"延长期限最长 {ReplyDeadline.MaxExtension(Rules)} 个工作日。");
                }
                break;
            case StepKind.ReasonableDelay:
                if (Rules == ReplyRules.Regulation2007 || step.Days is not > 0)
                {
                    throw new CaseStepException("合理延迟答复期限（条例第三十五条）仅适用于 2019 年条例，且须给出工作日数。");
                }
                break;
            case StepKind.SendFeeNotice:
                if (Rules == ReplyRules.Regulation2007 || step.Date < FeesInForce)
                {
                    throw new CaseStepException("信息处理费自 2021 年 1 月 1 日起依国办函〔2020〕109号收取。");
                }
                if (step.Amount is not > 0)
                {
                    throw new CaseStepException("请填写收费金额。");
                }
                if (step.Date > Deadline(calendar).Due)
                {
                    throw new CaseStepException("收费通知应当在答复期限内发出。");
                }
                break;
            case StepKind.DeemAbandonedUnpaid:
                var payBy = FeeDue(calendar)!.Value;
                if (step.Date <= payBy)
                {
                    throw new CaseStepException($"缴费期限到 {payBy:yyyy-MM-dd} 才届满，届满前不能视为放弃申请。");
                }
                break;
            case StepKind.Reply:
                if (step.Reply is not { } type || type is ReplyType.NoSupplement or ReplyType.FeeUnpaid)
                {
                    throw new CaseStepException("请选择一种答复类型（逾期不补正、逾期未缴费由相应步骤记录）。");
                }
                if (type == ReplyType.UnclearAfterSupplement && !_steps.Any(s => s.Kind == StepKind.ReceiveSupplement))
                {
                    throw new CaseStepException("“补正后申请内容仍不明确”只能用于已经补正的申请。");
                }
                break;
        }
    }

    /// <summary>The reply deadline from the recorded steps: supplement restart, consultations, extension, Art. 35 delay.</summary>
    public Deadline Deadline(WorkingCalendar calendar)
    {
        var pauses = new List<ClockPause>();
        DateOnly? start = null;
        foreach (var step in _steps)
        {
            if (step.Kind == StepKind.StartConsultation)
            {
                start = step.Date;
            }
            else if (step.Kind == StepKind.EndConsultation && start is { } from)
            {
                pauses.Add(new ClockPause(from, step.Date, "征求第三方或其他机关意见"));
                start = null;
            }
        }
        if (start is { } open)
        {
            // Still consulting: the clock stands still to the end of the third party's 15 working days at least.
            pauses.Add(new ClockPause(open, calendar.AddWorkingDays(open, 15), "征求第三方或其他机关意见（进行中）"));
        }
        var supplement = _steps.LastOrDefault(s => s.Kind == StepKind.ReceiveSupplement)?.Date;
        var extension = _steps.Where(s => s.Kind == StepKind.Extend).Sum(s => s.Days ?? 0);
        var deadline = ReplyDeadline.Compute(calendar, new DeadlineFacts(Received, Rules, supplement, pauses, extension));
        var delay = _steps.Where(s => s.Kind == StepKind.ReasonableDelay).Sum(s => s.Days ?? 0);
        if (delay == 0)
        {
            return deadline;
        }
        var due = calendar.AddWorkingDays(deadline.Due, delay);
        return deadline with
        {
            Due = due,
            WorkingDays = deadline.WorkingDays + delay,
            Explanation = [.. deadline.Explanation, $"合理延迟答复（条例第三十五条）：再延长 {delay} 个工作日，至 {due:yyyy-MM-dd}。"],
        };
    }
}
