using System.Text;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Notifications;

/// <summary>
/// What a supervisor is told from 1 January: which agencies below it have not yet submitted last
/// year's annual report and how many working days remain before Art. 49's date, and which
/// submitted reports fail checks.
/// </summary>
public static class ReportWarnings
{
    /// <param name="Status">The latest edition's status; null when the agency has none.</param>
    /// <param name="Returned">A draft the superior returned with comments (退回修改).</param>
    public sealed record AgencyReport(string Agency, AgencyKind Kind, ReportStatus? Status, int Errors, bool Returned = false);

    /// <param name="Due">Art. 49's date.</param>
    /// <param name="LastWorkingDay">The last working day on or before it (<see cref="LastWorkingDayBy"/>).</param>
    public sealed record Warning(string Agency, DateOnly Due, DateOnly LastWorkingDay, int WorkingDaysLeft, ReportStatus? Status, bool Returned = false)
    {
        /// <summary>The report's real state, as the agency would name it.</summary>
        public string Stage => Status is null ? "尚未起草" : Returned ? "退回修改" : Status == ReportStatus.Draft ? "草稿" : Status.Value.Label();
    }

    public sealed record Content(int Year, DateOnly Day, IReadOnlyList<Warning> NotSubmitted, IReadOnlyList<AgencyReport> Failing)
    {
        public bool IsEmpty => NotSubmitted.Count == 0 && Failing.Count == 0;
    }

    /// <summary>
    /// Art. 49 names calendar dates; the Regulation says nothing of dates that fall on a rest day.
    /// A report is handed in on a working day, so the warning counts to the last working day on or
    /// before the date (31 January 2026 is a Saturday: hand it in by Friday 30 January).
    /// </summary>
    public static DateOnly LastWorkingDayBy(WorkingCalendar calendar, DateOnly date)
    {
        var day = date;
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }
        return day;
    }

    /// <summary>
    /// The warnings for <paramref name="today"/> about the reports for the year before it: sent
    /// from 1 January to 31 March (the last of Art. 49's dates). A report counts as submitted once
    /// it is submitted, accepted or published.
    /// </summary>
    public static Content For(DateOnly today, WorkingCalendar calendar, IEnumerable<AgencyReport> below)
    {
        var year = today.Year - 1;
        var agencies = below.ToList();
        if (today > new DateOnly(today.Year, 3, 31))
        {
            return new Content(year, today, [], []);
        }
        var missing = agencies.Where(a => a.Status is null or ReportStatus.Draft).Select(a =>
        {
            var due = ReportWorkflow.Due(a.Kind, year);
            var last = LastWorkingDayBy(calendar, due);
            return new Warning(a.Agency, due, last, StaffDigest.WorkingDaysLeft(calendar, today, last), a.Status, a.Returned);
        }).OrderBy(w => w.Due).ThenBy(w => w.Agency, StringComparer.Ordinal).ToList();
        var failing = agencies.Where(a => a.Status is ReportStatus.Submitted && a.Errors > 0).ToList();
        return new Content(year, today, missing, failing);
    }

    public static string Text(Content content, string supervisor, string site)
    {
        var text = new StringBuilder($"{supervisor}：\n截至 {content.Day:yyyy年M月d日}，{content.Year} 年政府信息公开工作年度报告情况如下（《中华人民共和国政府信息公开条例》第四十九条）。\n");
        if (content.NotSubmitted.Count > 0)
        {
            text.Append($"\n尚未报送的机关 {content.NotSubmitted.Count} 个：\n");
            foreach (var w in content.NotSubmitted)
            {
                var left = w.WorkingDaysLeft < 0 ? $"已超过期限 {-w.WorkingDaysLeft} 个工作日" : $"剩余 {w.WorkingDaysLeft} 个工作日";
                text.Append($"- {w.Agency}：法定期限 {w.Due:yyyy-MM-dd}，最后一个工作日 {w.LastWorkingDay:yyyy-MM-dd}，{left}（{w.Stage}）\n");
            }
        }
        if (content.Failing.Count > 0)
        {
            text.Append($"\n已报送但勾稽关系检查未通过的报告 {content.Failing.Count} 份：\n");
            foreach (var f in content.Failing)
            {
                text.Append($"- {f.Agency}：{f.Errors} 项错误（待审核）\n");
            }
        }
        return text.Append($"\n汇总与审核：{site}/console/reports/rollup?year={content.Year}").ToString();
    }
}
