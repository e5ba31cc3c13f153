namespace Gongkai.Domain.Disclosure;

/// <summary>Where an information item stands in 凡公开必审核: nothing is published without both sign-offs.</summary>
public enum ItemStatus
{
    Draft,
    /// <summary>Awaiting the confidentiality review (保密审查).</summary>
    InReview,
    /// <summary>Review passed; awaiting approval to publish.</summary>
    InApproval,
    Published,
    /// <summary>Taken down; kept in the record with the reason.</summary>
    Withdrawn,
}

public enum ItemAction
{
    /// <summary>The author sends the draft to review.</summary>
    Submit,
    /// <summary>保密审查 passed.</summary>
    PassReview,
    /// <summary>Approved; published at once.</summary>
    Approve,
    /// <summary>Sent back to the author with comments, from review or approval.</summary>
    SendBack,
    Withdraw,
}

/// <summary>Who acts, as the workflow needs to know them.</summary>
/// <param name="MayReview">May do the confidentiality review (保密审查).</param>
/// <param name="MayApprove">May approve publication and withdraw.</param>
/// <param name="MayEdit">May write and submit drafts (the agency's clerks and reviewers).</param>
public sealed record Actor(int UserId, string Name, bool MayReview, bool MayApprove, bool MayEdit = true);

/// <summary>A sign-off: who did what, when, with which opinion. Kept for ever.</summary>
public sealed record SignOff(ItemAction Action, int UserId, string Name, DateTime AtUtc, string Opinion);

/// <summary>An item's dates that the workflow sets: 发布日期, and the day and reason of a withdrawal.</summary>
public sealed record ItemDates(DateOnly? PublishedOn, DateOnly? WithdrawnOn, string? WithdrawReason);

/// <summary>An action refused by the workflow, said in Chinese.</summary>
public sealed class ItemWorkflowException(string message) : Exception(message);

/// <summary>
/// 凡公开必审核 (Art. 17: the organ sets up a confidentiality review mechanism and reviews
/// information before it is published). One transition table; every refusal says why.
/// </summary>
public static class ItemWorkflow
{
    public static readonly IReadOnlyDictionary<(ItemStatus From, ItemAction Action), ItemStatus> Transitions = new Dictionary<(ItemStatus, ItemAction), ItemStatus>
    {
        [(ItemStatus.Draft, ItemAction.Submit)] = ItemStatus.InReview,
        [(ItemStatus.InReview, ItemAction.PassReview)] = ItemStatus.InApproval,
        [(ItemStatus.InReview, ItemAction.SendBack)] = ItemStatus.Draft,
        [(ItemStatus.InApproval, ItemAction.Approve)] = ItemStatus.Published,
        [(ItemStatus.InApproval, ItemAction.SendBack)] = ItemStatus.Draft,
        [(ItemStatus.Published, ItemAction.Withdraw)] = ItemStatus.Withdrawn,
    };

    /// <summary>
    /// The status after <paramref name="action"/>, or an exception saying why it may not happen.
    /// </summary>
    /// <param name="authorId">Who wrote the draft: nobody reviews or approves their own.</param>
    /// <param name="openFindings">Personal data found and neither masked nor overridden: publication waits for them.</param>
    public static ItemStatus Next(ItemStatus status, ItemAction action, Actor actor, int authorId, string? opinion, int openFindings)
    {
        if (!Transitions.TryGetValue((status, action), out var next))
        {
            throw new ItemWorkflowException($"当前状态为“{status.Label()}”，不能“{action.Label()}”。");
        }
        if (RoleRefusal(status, action, actor) is { } refusal)
        {
            throw new ItemWorkflowException(refusal);
        }
        if (action is ItemAction.PassReview or ItemAction.Approve && actor.UserId == authorId)
        {
            throw new ItemWorkflowException("不能审核或批准自己起草的信息。");
        }
        if (action is ItemAction.SendBack or ItemAction.Withdraw && string.IsNullOrWhiteSpace(opinion))
        {
            throw new ItemWorkflowException(action == ItemAction.Withdraw ? "请填写撤回理由。" : "请填写退回意见。");
        }
        if (action is ItemAction.PassReview or ItemAction.Approve && openFindings > 0)
        {
            throw new ItemWorkflowException($"正文或附件中还有 {openFindings} 处个人信息未处理：请先屏蔽，或填写理由后确认可以公开。");
        }
        return next;
    }

    /// <summary>
    /// The actions <paramref name="actor"/> may take on an item in <paramref name="status"/> — the
    /// ones a page offers. Whether a given one then goes through also depends on the opinion, the
    /// author and the personal data found (<see cref="Next"/>).
    /// </summary>
    public static IReadOnlyList<ItemAction> Allowed(ItemStatus status, Actor actor) =>
        Transitions.Keys.Where(k => k.From == status && RoleRefusal(status, k.Action, actor) is null).Select(k => k.Action).ToList();

    /// <summary>
    /// The personal-data guard's decisions (mask what was found, or publish it with a reason) are
    /// the reviewer's 保密审查 and are made before publication; a published item is withdrawn and
    /// corrected instead.
    /// </summary>
    public static bool MayResolveFindings(ItemStatus status, Actor actor) => actor.MayReview && status is not (ItemStatus.Published or ItemStatus.Withdrawn);

    /// <summary>Attachments are part of the draft: added by its editors before it goes to review, never to what a reviewer has seen.</summary>
    public static bool MayAttach(ItemStatus status, Actor actor) => actor.MayEdit && status == ItemStatus.Draft;

    /// <summary>Who may take which action: the author's side submits, 保密审查 is the reviewer's, approval and withdrawal the approver's.</summary>
    private static string? RoleRefusal(ItemStatus status, ItemAction action, Actor actor) => action switch
    {
        ItemAction.Submit when !actor.MayEdit => "提交审查须由本机关经办人办理。",
        ItemAction.PassReview or ItemAction.SendBack when status == ItemStatus.InReview && !actor.MayReview => "保密审查须由审核人办理。",
        ItemAction.Approve or ItemAction.SendBack or ItemAction.Withdraw when status != ItemStatus.InReview && !actor.MayApprove => "发布审批和撤回须由审核人或机构管理员办理。",
        _ => null,
    };

    /// <summary>
    /// The dates after <paramref name="action"/> on <paramref name="today"/>: approval publishes at once,
    /// so its day is the 发布日期 the portal prints and Art. 26's 20 working days are judged by;
    /// a withdrawal keeps its day and reason, the item stays in the record.
    /// </summary>
    public static ItemDates DatesAfter(ItemAction action, ItemDates before, string? opinion, DateOnly today) => action switch
    {
        ItemAction.Approve => before with { PublishedOn = today },
        ItemAction.Withdraw => before with { WithdrawnOn = today, WithdrawReason = opinion?.Trim() },
        _ => before,
    };

    public static string Label(this ItemStatus status) => status switch
    {
        ItemStatus.Draft => "草稿",
        ItemStatus.InReview => "待保密审查",
        ItemStatus.InApproval => "待审批发布",
        ItemStatus.Published => "已发布",
        _ => "已撤回",
    };

    public static string Label(this ItemAction action) => action switch
    {
        ItemAction.Submit => "提交审查",
        ItemAction.PassReview => "保密审查通过",
        ItemAction.Approve => "批准发布",
        ItemAction.SendBack => "退回修改",
        _ => "撤回",
    };
}
