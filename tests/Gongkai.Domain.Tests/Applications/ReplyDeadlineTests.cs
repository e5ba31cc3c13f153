using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>Reply deadlines across real holiday seasons, worked out by hand from the State Council's notices.</summary>
public sealed class ReplyDeadlineTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    private static Deadline Due(DeadlineFacts facts) => ReplyDeadline.Compute(WorkingCalendar.National, facts);

    [Theory]
    [InlineData("2020-01-20", "2020-02-25")] // Spring Festival 2020 and its extension: 01-24, 01-27…31 off, 02-01 no longer worked
    [InlineData("2020-01-16", "2020-02-20")] // …with the 调休 Sunday 01-19 counted
    [InlineData("2023-09-27", "2023-10-31")] // Mid-Autumn + National Day 2023, 10-07 and 10-08 worked
    [InlineData("2024-09-12", "2024-10-16")] // 2024: Saturday 09-14, Sunday 09-29 and Saturday 10-12 worked
    [InlineData("2025-01-24", "2025-02-27")] // 2025: 除夕 01-28 off, Sunday 01-26 and Saturday 02-08 worked
    public void TwentyWorkingDays_SkipHolidays_AndCountShiftedWeekends(string received, string due)
    {
        Assert.Equal(D(due), Due(new DeadlineFacts(D(received))).Due);
    }

    [Fact]
    public void ReceivedTheDayBeforeTheNewRegulation_TheOldFifteenDaysApply()
    {
        var old = Due(new DeadlineFacts(D("2019-05-14")));
        Assert.Equal((ReplyRules.Regulation2007, 15, D("2019-06-04")), (old.Rules, old.WorkingDays, old.Due));
        var current = Due(new DeadlineFacts(D("2019-05-15")));
        Assert.Equal((ReplyRules.Regulation2019, 20, D("2019-06-13")), (current.Rules, current.WorkingDays, current.Due)); // 端午 06-07 off
    }

    [Fact]
    public void Supplement_RestartsTheReplyPeriod()
    {
        var deadline = Due(new DeadlineFacts(D("2023-03-01"), SupplementReceived: D("2023-03-10")));
        Assert.Equal((D("2023-03-10"), D("2023-04-10")), (deadline.ClockStart, deadline.Due)); // 清明 04-05 off
        Assert.Contains(deadline.Explanation, l => l.Contains("重新计算（条例第三十条）"));
    }

    [Fact]
    public void ThirdPartyConsultation_IsExcludedFromThePeriod()
    {
        var deadline = Due(new DeadlineFacts(D("2023-03-01"), Pauses: [new ClockPause(D("2023-03-06"), D("2023-03-20"), "征求第三方意见")]));
        Assert.Equal(D("2023-04-14"), deadline.Due);
        Assert.Contains("2023-03-13（周一）征求第三方意见期间，不计", deadline.Explanation);
    }

    [Fact]
    public void Extension_AddsUpToTwentyWorkingDays()
    {
        var deadline = Due(new DeadlineFacts(D("2023-03-01"), ExtensionDays: 20));
        Assert.Equal((40, D("2023-04-26")), (deadline.WorkingDays, deadline.Due)); // the 调休 Sunday 04-23 counts
        Assert.Contains("2023-04-23（周日）劳动节调休上班，计第 37 个工作日", deadline.Explanation);
    }

    [Theory]
    [InlineData("2023-03-01", 21, "最长 20 个工作日")]
    [InlineData("2018-03-01", 16, "最长 15 个工作日")]
    public void AnExtensionBeyondTheLimit_IsRefused(string received, int days, string message)
    {
        var error = Assert.Throws<DeadlineException>(() => Due(new DeadlineFacts(D(received), ExtensionDays: days)));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void TheExplanation_GoesDayByDay()
    {
        var deadline = Due(new DeadlineFacts(D("2020-01-16")));
        Assert.Contains("2020-01-19（周日）春节调休上班，计第 2 个工作日", deadline.Explanation);
        Assert.Contains("2020-01-24（周五）春节放假，不计", deadline.Explanation);
        Assert.Contains("2020-02-01（周六）周末，不计", deadline.Explanation);
        Assert.Equal("答复期限：2020-02-20。", deadline.Explanation[^1]);
    }

    /// <summary>Over every receipt date of 2008–2026: the due date is a working day, and a later receipt is never due earlier.</summary>
    [Fact]
    public void DueDates_AreWorkingDays_AndNeverMoveBackward()
    {
        var calendar = WorkingCalendar.National;
        DateOnly? previous = null;
        for (var received = D("2008-05-01"); received <= D("2026-10-31"); received = received.AddDays(1))
        {
            var due = ReplyDeadline.Compute(calendar, new DeadlineFacts(received, Rules: ReplyRules.Regulation2019)).Due;
            Assert.True(calendar.IsWorkingDay(due), $"{received}: due {due} is not a working day");
            Assert.True(previous is null || due >= previous, $"{received}: due {due} before {previous}");
            previous = due;
        }
    }
}
