using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

/// <summary>凡公开必审核: draft → 保密审查 → approval → published.</summary>
public sealed class ItemWorkflowTests
{
    private static readonly Actor Clerk = new(1, "经办人", MayReview: false, MayApprove: false);
    private static readonly Actor Reviewer = new(2, "审核人", MayReview: true, MayApprove: true);
    private static readonly Actor OtherReviewer = new(3, "另一审核人", MayReview: true, MayApprove: true);

    [Fact]
    public void Allowed_IsWhatEachRoleMayDo_AndEveryActionOfferedGoesThrough()
    {
        var viewer = new Actor(9, "只读", MayReview: false, MayApprove: false, MayEdit: false);
        Assert.Equal([ItemAction.Submit], ItemWorkflow.Allowed(ItemStatus.Draft, Clerk));
        Assert.Empty(ItemWorkflow.Allowed(ItemStatus.Draft, viewer));
        Assert.Empty(ItemWorkflow.Allowed(ItemStatus.InReview, Clerk));
        Assert.Equal([ItemAction.PassReview, ItemAction.SendBack], ItemWorkflow.Allowed(ItemStatus.InReview, Reviewer).Order());
        Assert.Equal([ItemAction.Approve, ItemAction.SendBack], ItemWorkflow.Allowed(ItemStatus.InApproval, Reviewer).Order());
        Assert.Equal([ItemAction.Withdraw], ItemWorkflow.Allowed(ItemStatus.Published, Reviewer));
        // What is offered is not refused for the role (only for the opinion, the author, the findings).
        foreach (var status in Enum.GetValues<ItemStatus>())
        {
            foreach (var action in ItemWorkflow.Allowed(status, OtherReviewer))
            {
                ItemWorkflow.Next(status, action, OtherReviewer, authorId: 1, "意见", 0);
            }
        }
    }

    [Fact]
    public void MayResolveFindings_IsTheReviewersBeforePublication()
    {
        Assert.True(ItemWorkflow.MayResolveFindings(ItemStatus.Draft, Reviewer));
        Assert.True(ItemWorkflow.MayResolveFindings(ItemStatus.InApproval, Reviewer));
        Assert.False(ItemWorkflow.MayResolveFindings(ItemStatus.Published, Reviewer));
        Assert.False(ItemWorkflow.MayResolveFindings(ItemStatus.Withdrawn, Reviewer));
        Assert.False(ItemWorkflow.MayResolveFindings(ItemStatus.InReview, Clerk));
    }

    [Fact]
    public void MayAttach_OnlyToADraft_ByItsEditors()
    {
        Assert.True(ItemWorkflow.MayAttach(ItemStatus.Draft, Clerk));
        Assert.False(ItemWorkflow.MayAttach(ItemStatus.InReview, Clerk));
        Assert.False(ItemWorkflow.MayAttach(ItemStatus.Draft, new Actor(9, "只读", MayReview: true, MayApprove: true, MayEdit: false)));
    }

    [Fact]
    public void AnItem_IsPublishedOnlyAfterReviewAndApproval()
    {
        var status = ItemWorkflow.Next(ItemStatus.Draft, ItemAction.Submit, Clerk, authorId: 1, null, 0);
        status = ItemWorkflow.Next(status, ItemAction.PassReview, Reviewer, authorId: 1, "不涉密", 0);
        status = ItemWorkflow.Next(status, ItemAction.Approve, OtherReviewer, authorId: 1, "同意发布", 0);
        Assert.Equal(ItemStatus.Published, status);
    }

    [Fact]
    public void AClerk_CannotReviewOrPublish()
    {
        Assert.Contains("审核人", Assert.Throws<ItemWorkflowException>(() => ItemWorkflow.Next(ItemStatus.InReview, ItemAction.PassReview, Clerk, 9, null, 0)).Message);
        Assert.Contains("审核人", Assert.Throws<ItemWorkflowException>(() => ItemWorkflow.Next(ItemStatus.InApproval, ItemAction.Approve, Clerk, 9, null, 0)).Message);
        Assert.Throws<ItemWorkflowException>(() => ItemWorkflow.Next(ItemStatus.Draft, ItemAction.Approve, Reviewer, 9, null, 0));
    }

    [Fact]
    public void AReviewer_CannotApproveTheirOwnDraft()
    {
        var error = Assert.Throws<ItemWorkflowException>(() => ItemWorkflow.Next(ItemStatus.InApproval, ItemAction.Approve, Reviewer, authorId: Reviewer.UserId, "同意", 0));
        Assert.Equal("不能审核或批准自己起草的信息。", error.Message);
        Assert.Throws<ItemWorkflowException>(() => ItemWorkflow.Next(ItemStatus.InReview, ItemAction.PassReview, Reviewer, authorId: Reviewer.UserId, "不涉密", 0));
    }

    [Fact]
    public void UnresolvedPersonalData_BlocksReviewAndApproval()
    {
        var error = Assert.Throws<ItemWorkflowException>(() => ItemWorkflow.Next(ItemStatus.InApproval, ItemAction.Approve, Reviewer, 1, "同意", openFindings: 2));
        Assert.Contains("2 处个人信息", error.Message);
    }

    [Fact]
    public void SendingBackAndWithdrawing_NeedAReason()
    {
        Assert.Equal("请填写退回意见。", Assert.Throws<ItemWorkflowException>(() => ItemWorkflow.Next(ItemStatus.InReview, ItemAction.SendBack, Reviewer, 1, " ", 0)).Message);
        Assert.Equal("请填写撤回理由。", Assert.Throws<ItemWorkflowException>(() => ItemWorkflow.Next(ItemStatus.Published, ItemAction.Withdraw, Reviewer, 1, null, 0)).Message);
        Assert.Equal(ItemStatus.Draft, ItemWorkflow.Next(ItemStatus.InApproval, ItemAction.SendBack, Reviewer, 1, "文号有误", 0));
        Assert.Equal(ItemStatus.Withdrawn, ItemWorkflow.Next(ItemStatus.Published, ItemAction.Withdraw, Reviewer, 1, "文件已废止", 0));
    }

    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void Approval_PublishesOnTheDay()
    {
        var dates = ItemWorkflow.DatesAfter(ItemAction.Approve, new ItemDates(null, null, null), "同意发布", Today);
        Assert.Equal(new ItemDates(Today, null, null), dates);
    }

    [Fact]
    public void Withdrawal_KeepsItsDayAndReason_AndThePublicationDate()
    {
        var published = new DateOnly(2026, 1, 5);
        var dates = ItemWorkflow.DatesAfter(ItemAction.Withdraw, new ItemDates(published, null, null), "  内容有误，更正后重新发布 ", Today);
        Assert.Equal(new ItemDates(published, Today, "内容有误，更正后重新发布"), dates);
    }

    [Theory]
    [InlineData(ItemAction.Submit)]
    [InlineData(ItemAction.PassReview)]
    [InlineData(ItemAction.SendBack)]
    public void OtherActions_LeaveTheDatesAlone(ItemAction action)
    {
        var before = new ItemDates(null, null, null);
        Assert.Equal(before, ItemWorkflow.DatesAfter(action, before, "意见", Today));
    }
}
