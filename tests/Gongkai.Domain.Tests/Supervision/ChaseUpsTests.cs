using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Notifications;
using Gongkai.Domain.Staff;
using Gongkai.Domain.Supervision;

namespace Gongkai.Domain.Tests.Supervision;

public sealed class ChaseUpsTests
{
    private static readonly DateOnly Today = new(2026, 4, 15);

    [Fact]
    public void AChaseUp_NeedsANote_AndAReplyByDayWithinNinetyDays_AndGoesBelow()
    {
        Assert.Empty(ChaseUps.SendProblems(1, 2, "请于一周内答复并说明逾期原因。", Today.AddDays(7), Today));
        Assert.Equal(["Note"], ChaseUps.SendProblems(1, 2, " ", Today, Today).Select(p => p.Field));
        Assert.Equal(["ReplyBy"], ChaseUps.SendProblems(1, 2, "请答复", Today.AddDays(-1), Today).Select(p => p.Field));
        Assert.Equal(["ReplyBy"], ChaseUps.SendProblems(1, 2, "请答复", Today.AddDays(91), Today).Select(p => p.Field));
        Assert.Equal(["ReplyBy"], ChaseUps.SendProblems(1, 2, "请答复", null, Today).Select(p => p.Field));
        Assert.Equal([""], ChaseUps.SendProblems(2, 2, "请答复", Today, Today).Select(p => p.Field));
    }

    [Fact]
    public void AChaseUp_IsAnsweredOnce_WithSomethingSaid()
    {
        Assert.Null(ChaseUps.AnswerProblem("已于4月16日答复申请人。", answered: false));
        Assert.Equal("请填写回复内容。", ChaseUps.AnswerProblem("  ", answered: false));
        Assert.Equal("该督办已回复。", ChaseUps.AnswerProblem("再次回复", answered: true));
        Assert.Equal("逾期未回复", ChaseUps.State(Today.AddDays(-1), null, Today));
        Assert.Equal("已回复（逾期）", ChaseUps.State(Today.AddDays(-1), Today, Today));
        Assert.Equal("待回复", ChaseUps.State(Today, null, Today));
    }

    [Fact]
    public void OnlyASupervisor_ChasesUp_TheAgenciesBelowIt()
    {
        var tree = new AgencyTree([(1, null), (2, 1), (3, 2), (9, null)]);
        Assert.True(AccessPolicy.Allows(StaffRole.Supervisor, 1, Permission.SendChaseUps, 3, tree));
        Assert.False(AccessPolicy.Allows(StaffRole.Supervisor, 2, Permission.SendChaseUps, 1, tree));
        Assert.False(AccessPolicy.Allows(StaffRole.Supervisor, 1, Permission.SendChaseUps, 9, tree));
        Assert.False(AccessPolicy.Allows(StaffRole.AgencyAdmin, 3, Permission.SendChaseUps, 3, tree));
        Assert.False(AccessPolicy.Allows(StaffRole.SystemAdmin, 1, Permission.SendChaseUps, 3, tree));
        // The indicator set belongs to the supervisor's own agency.
        Assert.True(AccessPolicy.Allows(StaffRole.Supervisor, 1, Permission.EditAssessmentSets, 1, tree));
        Assert.False(AccessPolicy.Allows(StaffRole.Supervisor, 1, Permission.EditAssessmentSets, 2, tree));
        Assert.Equal([3, 2, 1], tree.SelfAndAncestors(3));
    }

    [Fact]
    public void AnOpenChaseUp_IsInTheAgencysDigest_WithItsLink()
    {
        var digest = StaffDigest.For(Today, WorkingCalendar.National, [], [], [new StaffDigest.OpenChaseUp(5, "青溪县人民政府", "申请 20260001（应于 2026-04-01 前答复，至今未答复）", "请尽快答复", Today.AddDays(-2))]);
        Assert.False(digest.IsEmpty);
        var text = StaffDigest.Text(digest, "青溪县财政局", "https://gk.example.cn");
        Assert.Contains("上级督办待回复 1 件", text);
        Assert.Contains("回复期限 2026-04-13，已逾期", text);
        Assert.Contains("https://gk.example.cn/console/chase-ups/5", text);
    }
}
