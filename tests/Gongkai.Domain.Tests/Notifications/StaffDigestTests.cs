using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Notifications;

namespace Gongkai.Domain.Tests.Notifications;

/// <summary>
/// The digest on Thursday 12 February 2026, three days before the Spring Festival holiday
/// (15–23 February off; Saturday 14 February a working day): worked by hand on the State Council's schedule.
/// </summary>
public sealed class StaffDigestTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.National;
    private static readonly DateOnly Thursday = new(2026, 2, 12);

    private static StaffDigest.OpenApplication Due(string tracking, int month, int day) => new(tracking.Length, tracking, new DateOnly(2026, month, day), CaseStatus.InProgress);

    [Fact]
    public void DueWithinThreeWorkingDays_SpansTheHoliday_AndOverdueCountsWorkingDaysPast()
    {
        var digest = StaffDigest.For(Thursday, Calendar,
        [
            Due("past-a-week", 2, 6),      // Fri 6 Feb: 9, 10, 11, 12 Feb passed since → 4 working days overdue
            Due("yesterday", 2, 11),       // 1 working day overdue
            Due("today", 2, 12),           // due today: 0 left, listed
            Due("saturday", 2, 14),        // Fri 13, Sat 14 (a working day): 2 left
            Due("after-holiday", 2, 24),   // Fri 13, Sat 14, Tue 24: the third working day, twelve days away
            Due("one-too-far", 2, 25),     // the fourth working day: listed, not due soon
        ], []);
        Assert.Equal(
            [("past-a-week", -4), ("yesterday", -1), ("today", 0), ("saturday", 2), ("after-holiday", 3), ("one-too-far", 4)],
            digest.Applications.Select(a => (a.Application.TrackingNumber, a.WorkingDaysLeft)));
        Assert.Equal(["past-a-week", "yesterday"], digest.Overdue.Select(a => a.Application.TrackingNumber));
        Assert.Equal(["today", "saturday", "after-holiday"], digest.DueSoon.Select(a => a.Application.TrackingNumber));
        Assert.True(digest.Applications[0].Overdue);
        Assert.False(digest.Applications[2].Overdue);
    }

    [Fact]
    public void UnpublishedItems_AreListedFromTheFifteenthOfArticle26sTwentyWorkingDays_AndTheReviewQueueAlways()
    {
        var digest = StaffDigest.For(Thursday, Calendar, [],
        [
            new(1, "1月20日成文", "A-1", new DateOnly(2026, 1, 20), ItemStatus.Draft),     // 17 working days taken; due Tue 24 Feb
            new(2, "1月26日成文", "A-2", new DateOnly(2026, 1, 26), ItemStatus.InReview),  // 13 taken: not yet near, but waiting for review
        ]);
        var late = Assert.Single(digest.NearArticle26);
        Assert.Equal((1, 17, new DateOnly(2026, 2, 24)), (late.Item.Id, late.WorkingDaysTaken, late.Due));
        Assert.Equal([2], digest.InReview.Select(i => i.Id));
    }

    [Fact]
    public void NothingOpen_IsAnEmptyDigest_WhichIsNotSent_ButAnyOpenCaseIsListed()
    {
        Assert.True(StaffDigest.For(Thursday, Calendar, [], [new(1, "新", "A", new DateOnly(2026, 2, 10), ItemStatus.Draft)]).IsEmpty);
        // Open work is open work, however far its date: a case with weeks left is on the list, the latest last.
        var later = StaffDigest.For(Thursday, Calendar, [Due("later", 3, 20), Due("sooner", 3, 2)], []);
        Assert.Equal(["sooner", "later"], later.Applications.Select(a => a.Application.TrackingNumber));
        Assert.False(later.IsEmpty);
    }

    [Fact]
    public void EveryOpenStatus_IsListedWithItsNextStep_AndARepliedCaseWaitsForArchiving()
    {
        var digest = StaffDigest.For(Thursday, Calendar,
        [
            new(1, "supplement", new DateOnly(2026, 3, 20), CaseStatus.AwaitingSupplement, "张三", "道路建设项目招标文件"),
            new(2, "fee", new DateOnly(2026, 3, 20), CaseStatus.AwaitingFee),
            new(3, "consulting", new DateOnly(2026, 3, 20), CaseStatus.InConsultation),
            new(4, "replied", new DateOnly(2026, 2, 1), CaseStatus.Replied),
            new(5, "closed", new DateOnly(2026, 2, 1), CaseStatus.Closed),
        ], []);
        Assert.Equal(["consulting", "fee", "supplement"], digest.Applications.Select(a => a.Application.TrackingNumber).Order());
        Assert.Contains("补正", digest.Applications.Single(a => a.Application.Id == 1).NextStep);
        Assert.Equal(["replied"], digest.Archive.Select(a => a.TrackingNumber));
        Assert.Contains("归档", CaseStatus.Replied.NextStep());
    }

    [Fact]
    public void ADueDateInAYearWithoutItsNotice_IsMarkedProvisional()
    {
        var december = new DateOnly(2026, 12, 21);
        var digest = StaffDigest.For(december, Calendar, [new(1, "into-2027", new DateOnly(2027, 1, 18), CaseStatus.InProgress), new(2, "in-2026", new DateOnly(2026, 12, 30), CaseStatus.InProgress)], []);
        Assert.Equal([("in-2026", false), ("into-2027", true)], digest.Applications.Select(a => (a.Application.TrackingNumber, a.Provisional)));
        Assert.Contains("2027-01-18（暂定）", StaffDigest.Text(digest, "白沙镇人民政府", "https://gk.example.gov.cn"));
    }

    [Fact]
    public void TheText_NamesEachCase_ItsLastDay_AndHowLongIsLeft()
    {
        var digest = StaffDigest.For(Thursday, Calendar, [Due("2026021100100001", 2, 11), Due("2026021200100002", 2, 24)], []);
        var text = StaffDigest.Text(digest, "白沙镇人民政府", "https://gk.example.gov.cn");
        Assert.Contains("2026021100100001，答复期限 2026-02-11（已逾期 1 个工作日）", text);
        Assert.Contains("2026021200100002，答复期限 2026-02-24（剩余 3 个工作日）", text);
        Assert.Contains("https://gk.example.gov.cn/console/applications/16", text);
    }
}
