using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Applications;

/// <summary>Which Regulation's reply periods apply to an application.</summary>
public enum ReplyRules
{
    /// <summary>国务院令第492号, Art. 24: 15 working days, extension at most 15; only third-party consultation excluded.</summary>
    Regulation2007,

    /// <summary>国务院令第711号, Art. 33: 20 working days, extension at most 20; consulting third parties and other organs excluded.</summary>
    Regulation2019,
}

/// <summary>A period in which the reply clock stands still (Art. 33 ¶3: consulting third parties or other organs).</summary>
public sealed record ClockPause(DateOnly From, DateOnly To, string Reason);

/// <summary>The facts a reply deadline is computed from — always recorded events, never a typed date.</summary>
public sealed record DeadlineFacts(
    DateOnly Received,
    ReplyRules? Rules = null,
    DateOnly? SupplementReceived = null,
    IReadOnlyList<ClockPause>? Pauses = null,
    int ExtensionDays = 0);

/// <summary>
/// The due date and how it was reached, day by day. Provisional when a day counted lies in a year
/// whose holiday notice is not loaded: then <see cref="Note"/> says so, wherever the date is shown.
/// </summary>
public sealed record Deadline(DateOnly Due, ReplyRules Rules, DateOnly ClockStart, int WorkingDays, IReadOnlyList<string> Explanation, int? ProvisionalYear = null)
{
    public bool Provisional => ProvisionalYear is not null;

    /// <summary>The one sentence that says why the date is 暂定, or null.</summary>
    public string? Note => ProvisionalYear is { } year ? WorkingCalendar.ProvisionalNote(year) : null;
}

/// <summary>Refused facts (an extension beyond the limit, a supplement before the application …), said in Chinese.</summary>
public sealed class DeadlineException(string message) : Exception(message);

/// <summary>
/// The reply deadline of a disclosure application. Named policies:
/// <list type="bullet">
/// <item><see cref="RulesFor"/>: the 2019 Regulation applies to applications received from its entry into force, 2019-05-15.</item>
/// <item>Start: the receipt date (Art. 31), or the receipt of the supplemented application, from which the period starts again (Art. 30).</item>
/// <item>Counting: the start day is not counted; weekends and holidays are skipped, 调休 working weekends count.</item>
/// <item>Pauses: working days from the day a consultation is sent to the day its answer arrives (inclusive) are not counted (Art. 33 ¶3).</item>
/// <item>Extension: added to the base period, at most 20 working days (15 under the 2007 Regulation).</item>
/// </list>
/// </summary>
public static class ReplyDeadline
{
    /// <summary>The day 国务院令第711号 came into force.</summary>
    public static readonly DateOnly Regulation2019InForce = new(2019, 5, 15);

    public static ReplyRules RulesFor(DateOnly received) => received < Regulation2019InForce ? ReplyRules.Regulation2007 : ReplyRules.Regulation2019;

    public static int BaseDays(ReplyRules rules) => rules == ReplyRules.Regulation2007 ? 15 : 20;

    public static int MaxExtension(ReplyRules rules) => rules == ReplyRules.Regulation2007 ? 15 : 20;

    private static string Name(ReplyRules rules) => rules == ReplyRules.Regulation2007 ? "2007 年条例（国务院令第492号）" : "2019 年条例（国务院令第711号）";

    public static Deadline Compute(WorkingCalendar calendar, DeadlineFacts facts)
    {
        var rules = facts.Rules ?? RulesFor(facts.Received);
        var pauses = facts.Pauses ?? [];
        if (facts.ExtensionDays < 0 || facts.ExtensionDays > MaxExtension(rules))
        {
            throw new DeadlineException($"延期：{Name(rules)}规定延长期限最长 {MaxExtension(rules)} 个工作日，填写的是 {facts.ExtensionDays} 个。");
        }
        if (facts.SupplementReceived is { } supplement && supplement < facts.Received)
        {
            throw new DeadlineException($"补正：收到补正的日期 {supplement:yyyy-MM-dd} 早于收到申请的日期 {facts.Received:yyyy-MM-dd}。");
        }
        foreach (var pause in pauses)
        {
            if (pause.To < pause.From)
            {
                throw new DeadlineException($"征求意见：结束日期 {pause.To:yyyy-MM-dd} 早于开始日期 {pause.From:yyyy-MM-dd}。");
            }
        }

        var start = facts.SupplementReceived ?? facts.Received;
        var total = BaseDays(rules) + facts.ExtensionDays;
        var lines = new List<string>
        {
            $"收到申请：{facts.Received:yyyy-MM-dd}，适用{Name(rules)}，答复期限 {BaseDays(rules)} 个工作日。",
        };
        if (facts.SupplementReceived is { } s)
        {
            lines.Add($"收到补正后的申请：{s:yyyy-MM-dd}，答复期限自该日起重新计算（条例第三十条）。");
        }
        foreach (var pause in pauses)
        {
            lines.Add($"{pause.Reason}：{pause.From:yyyy-MM-dd} 至 {pause.To:yyyy-MM-dd}，所需时间不计入答复期限（条例第三十三条第三款）。");
        }
        if (facts.ExtensionDays > 0)
        {
            lines.Add($"延期答复：延长 {facts.ExtensionDays} 个工作日（条例第三十三条第二款），共 {total} 个工作日。");
        }
        lines.Add($"自 {start:yyyy-MM-dd} 次日起计算：");

        var date = start;
        var counted = 0;
        int? provisional = null;
        while (counted < total)
        {
            date = date.AddDays(1);
            var day = calendar.Describe(date);
            provisional ??= day.Provisional ? date.Year : null;
            var prefix = $"{date:yyyy-MM-dd}（{ChinaTime.Weekday(date)}）";
            if (pauses.FirstOrDefault(p => p.From <= date && date <= p.To) is { } paused)
            {
                lines.Add($"{prefix}{paused.Reason}期间，不计");
                continue;
            }
            switch (day.Kind)
            {
                case DayKind.Weekend:
                    lines.Add($"{prefix}周末，不计");
                    break;
                case DayKind.Holiday:
                    lines.Add($"{prefix}{day.Holiday}放假，不计");
                    break;
                case DayKind.ShiftedWorkingDay:
                    counted++;
                    lines.Add($"{prefix}{day.Holiday}调休上班，计第 {counted} 个工作日");
                    break;
                default:
                    counted++;
                    lines.Add($"{prefix}第 {counted} 个工作日");
                    break;
            }
        }
        if (provisional is { } year)
        {
            lines.Add($"答复期限：{date:yyyy-MM-dd}（暂定）。");
            lines.Add(WorkingCalendar.ProvisionalNote(year));
        }
        else
        {
            lines.Add($"答复期限：{date:yyyy-MM-dd}。");
        }
        return new Deadline(date, rules, start, total, lines, provisional);
    }
}
