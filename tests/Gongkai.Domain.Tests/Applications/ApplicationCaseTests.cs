using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>The lifecycle of an application: one transition table, every step checked against the Regulation.</summary>
public sealed class ApplicationCaseTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.National;

    private static DateOnly D(string s) => DateOnly.Parse(s);

    private static ApplicationCase New(string received = "2023-03-01") => new(D(received), Channel.Online, ApplicantKind.NaturalPerson);

    private static CaseStep Step(StepKind kind, string date, ReplyType? reply = null, int? days = null, decimal? amount = null, bool reviewer = false) =>
        new(kind, D(date), "bsz.clerk", "依条例办理", reply, days, amount, reviewer, Party: kind == StepKind.StartConsultation ? "某建设有限公司" : null);

    [Fact]
    public void Supplement_RestartsTheReplyPeriod()
    {
        var application = New()
            .Record(Step(StepKind.RequestSupplement, "2023-03-03", days: 10), Calendar)
            .Record(Step(StepKind.ReceiveSupplement, "2023-03-10"), Calendar);
        Assert.Equal(CaseStatus.InProgress, application.Status);
        Assert.Equal(D("2023-04-10"), application.Deadline(Calendar).Due);
    }

    [Fact]
    public void ASupplement_IsRequestedOnceOnly_AndWithinSevenWorkingDays()
    {
        var late = Assert.Throws<CaseStepException>(() => New().Record(Step(StepKind.RequestSupplement, "2023-03-13", days: 10), Calendar));
        Assert.Contains("7 个工作日内告知补正", late.Message);

        var application = New().Record(Step(StepKind.RequestSupplement, "2023-03-10", days: 10), Calendar)
            .Record(Step(StepKind.ReceiveSupplement, "2023-03-15"), Calendar);
        var again = Assert.Throws<CaseStepException>(() => application.Record(Step(StepKind.RequestSupplement, "2023-03-16", days: 5), Calendar));
        Assert.Contains("一次性告知", again.Message);
    }

    [Fact]
    public void UnderThe2007Regulation_ASupplementHasNoTimeLimit_AndIsNeverDeemedAbandoned()
    {
        var application = new ApplicationCase(D("2018-03-01"), Channel.Post, ApplicantKind.Commercial)
            .Record(Step(StepKind.RequestSupplement, "2018-04-02", days: 10), Calendar);
        var error = Assert.Throws<CaseStepException>(() => application.Record(Step(StepKind.DeemAbandonedNoSupplement, "2018-06-01"), Calendar));
        Assert.Contains("2007 年条例没有", error.Message);
    }

    [Fact]
    public void NoSupplementInTime_DeemsTheApplicationAbandoned_OnlyAfterThePeriod()
    {
        var application = New().Record(Step(StepKind.RequestSupplement, "2023-03-02", days: 10), Calendar);
        var early = Assert.Throws<CaseStepException>(() => application.Record(Step(StepKind.DeemAbandonedNoSupplement, "2023-03-16"), Calendar));
        Assert.Contains("2023-03-16 才届满", early.Message);
        application.Record(Step(StepKind.DeemAbandonedNoSupplement, "2023-03-17"), Calendar);
        Assert.Equal((CaseStatus.Replied, ReplyType.NoSupplement), (application.Status, application.Reply!.Value.Type));
    }

    [Fact]
    public void AReply_CannotBeGivenWhileWaitingForTheSupplement()
    {
        var application = New().Record(Step(StepKind.RequestSupplement, "2023-03-02", days: 10), Calendar);
        var error = Assert.Throws<CaseStepException>(() => application.Record(Step(StepKind.Reply, "2023-03-05", ReplyType.Granted), Calendar));
        Assert.Equal("当前状态为“等待补正”，不能进行“答复”。", error.Message);
    }

    [Fact]
    public void AnExtension_NeedsAReviewer_AtMostTwentyDays_Once()
    {
        var application = New();
        Assert.Contains("请由审核人办理", Assert.Throws<CaseStepException>(() => application.Record(Step(StepKind.Extend, "2023-03-20", days: 10), Calendar)).Message);
        Assert.Contains("最长 20 个工作日", Assert.Throws<CaseStepException>(() => application.Record(Step(StepKind.Extend, "2023-03-20", days: 21, reviewer: true), Calendar)).Message);
        application.Record(Step(StepKind.Extend, "2023-03-20", days: 20, reviewer: true), Calendar);
        Assert.Equal(D("2023-04-26"), application.Deadline(Calendar).Due);
        Assert.Contains("已经延期过一次", Assert.Throws<CaseStepException>(() => application.Record(Step(StepKind.Extend, "2023-03-21", days: 1, reviewer: true), Calendar)).Message);
    }

    [Fact]
    public void AllowedSteps_OfferAnExtensionOnlyToWhoeverMayApproveIt_AndOnlyOnce()
    {
        var application = New();
        Assert.DoesNotContain(StepKind.Extend, application.AllowedSteps(mayApprove: false));
        Assert.Contains(StepKind.Extend, application.AllowedSteps(mayApprove: true));
        // In progress: 补正 (Art. 30), 征求意见 (32), 延期 (33), 合理延迟 (35), 收费 (42), 答复 (36).
        Assert.Equal([StepKind.RequestSupplement, StepKind.StartConsultation, StepKind.Extend, StepKind.ReasonableDelay, StepKind.SendFeeNotice, StepKind.Reply],
            application.AllowedSteps(true).Order());
        application.Record(Step(StepKind.Extend, "2023-03-20", days: 10, reviewer: true), Calendar);
        Assert.DoesNotContain(StepKind.Extend, application.AllowedSteps(mayApprove: true));
        // Every step offered is one the case then accepts (given its facts): the offer and the rule agree.
        application.Record(Step(StepKind.Reply, "2023-03-21", ReplyType.Granted), Calendar);
        Assert.Equal([StepKind.Close], application.AllowedSteps(true));
    }

    [Fact]
    public void AConsultation_NamesWhomItAsks()
    {
        var nameless = new CaseStep(StepKind.StartConsultation, D("2023-03-06"), "bsz.clerk", "是否同意公开");
        Assert.Contains("征求意见的对象", Assert.Throws<CaseStepException>(() => New().Record(nameless, Calendar)).Message);
    }

    [Fact]
    public void Tidy_KeepsOnlyTheFactsTheStepUses()
    {
        var everything = new CaseStep(StepKind.Reply, D("2023-03-06"), "c", "r", ReplyType.Granted, Party: "某局", PartyContact: "电话", ItemIndex: "X-1");
        Assert.Equal((null, null, null), (everything.Tidy().Party, everything.Tidy().PartyContact, everything.Tidy().ItemIndex));
        var already = everything with { Reply = ReplyType.AlreadyPublic, ItemIndex = " X-1 " };
        Assert.Equal(("X-1", null), (already.Tidy().ItemIndex, already.Tidy().Party));
        var redirect = everything with { Reply = ReplyType.NotThisOrgan, Party = " 某局 " };
        Assert.Equal(("某局", "电话", null), (redirect.Tidy().Party, redirect.Tidy().PartyContact, redirect.Tidy().ItemIndex));
        var consult = new CaseStep(StepKind.StartConsultation, D("2023-03-06"), "c", "r", Party: "某公司", PartyContact: "电话");
        Assert.Equal(("某公司", null), (consult.Tidy().Party, consult.Tidy().PartyContact));
    }

    [Fact]
    public void AConsultation_StopsTheClock_FromItsStartToItsAnswer()
    {
        var application = New()
            .Record(Step(StepKind.StartConsultation, "2023-03-06"), Calendar)
            .Record(Step(StepKind.EndConsultation, "2023-03-20"), Calendar);
        Assert.Equal(D("2023-04-14"), application.Deadline(Calendar).Due);
    }

    [Fact]
    public void AnUnpaidFee_DeemsTheApplicationAbandoned_AfterTwentyWorkingDays()
    {
        var application = New("2024-03-01").Record(Step(StepKind.SendFeeNotice, "2024-03-05", amount: 100), Calendar);
        Assert.Equal(CaseStatus.AwaitingFee, application.Status);
        Assert.Contains("缴费期限到 2024-04-02 才届满", Assert.Throws<CaseStepException>(() => application.Record(Step(StepKind.DeemAbandonedUnpaid, "2024-04-02"), Calendar)).Message);
        application.Record(Step(StepKind.DeemAbandonedUnpaid, "2024-04-03"), Calendar);
        Assert.Equal(ReplyType.FeeUnpaid, application.Reply!.Value.Type);
    }

    [Fact]
    public void NoFeeBefore2021()
    {
        var error = Assert.Throws<CaseStepException>(() => New("2020-11-02").Record(Step(StepKind.SendFeeNotice, "2020-11-05", amount: 100), Calendar));
        Assert.Contains("2021 年 1 月 1 日起", error.Message);
    }

    [Fact]
    public void AReply_HasExactlyOneType_AndUnclearOnlyAfterASupplement()
    {
        Assert.Contains("请选择一种答复类型", Assert.Throws<CaseStepException>(() => New().Record(Step(StepKind.Reply, "2023-03-05"), Calendar)).Message);
        Assert.Contains("只能用于已经补正的申请", Assert.Throws<CaseStepException>(() => New().Record(Step(StepKind.Reply, "2023-03-05", ReplyType.UnclearAfterSupplement), Calendar)).Message);
        var application = New().Record(Step(StepKind.Reply, "2023-03-05", ReplyType.Partial), Calendar).Record(Step(StepKind.Close, "2023-03-06"), Calendar);
        Assert.Equal((CaseStatus.Closed, ReplyType.Partial), (application.Status, application.Reply!.Value.Type));
    }

    [Fact]
    public void EveryStep_HasAReason_AndNoStepGoesBackInTime()
    {
        var application = New();
        Assert.Equal("请填写理由或说明。", Assert.Throws<CaseStepException>(() => application.Record(new CaseStep(StepKind.Reply, D("2023-03-05"), "x", " ", ReplyType.Granted), Calendar)).Message);
        Assert.Contains("早于上一步的日期", Assert.Throws<CaseStepException>(() => application.Record(Step(StepKind.Reply, "2023-02-27", ReplyType.Granted), Calendar)).Message);
    }

    [Fact]
    public void EveryPairInTheTransitionTable_LeadsSomewhere_AndNothingFollowsAClosedCase()
    {
        Assert.DoesNotContain(ApplicationCase.Transitions.Keys, k => k.From == CaseStatus.Closed);
        foreach (var status in Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Closed))
        {
            Assert.Contains(ApplicationCase.Transitions.Keys, k => k.From == status);
        }
    }
}
