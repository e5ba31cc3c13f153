using System.Text;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Notifications;

/// <summary>
/// An agency's open work, counted on the working-day calendar: every open application (the
/// overdue and those due within <see cref="DueSoonWorkingDays"/> working days marked), replied
/// cases waiting to be archived (Art. 45), items waiting for the confidentiality review, and
/// unpublished items near or past Art. 26's 20 working days. The console's dashboard and the daily
/// digest mail are both this one list.
/// </summary>
public static class StaffDigest
{
    /// <summary>An application is marked due soon when its last day is at most this many working days ahead.</summary>
    public const int DueSoonWorkingDays = 3;

    /// <summary>An unpublished item is listed once this many of Art. 26's 20 working days have passed.</summary>
    public const int ItemWarningAfterWorkingDays = 15;

    /// <param name="Applicant">The applicant's name as registered.</param>
    /// <param name="Subject">What was asked for.</param>
    public sealed record OpenApplication(int Id, string TrackingNumber, DateOnly Due, CaseStatus Status, string Applicant = "", string Subject = "", int AgencyId = 0);

    public sealed record UnpublishedItem(int Id, string Title, string IndexNumber, DateOnly Written, ItemStatus Status);

    /// <param name="Provisional">The due date counts days of a year whose holiday notice is not loaded (暂定).</param>
    public sealed record DueApplication(OpenApplication Application, int WorkingDaysLeft, bool Provisional = false)
    {
        public bool Overdue => WorkingDaysLeft < 0;

        public bool DueSoon => WorkingDaysLeft <= DueSoonWorkingDays;

        /// <summary>The next step the law asks for.</summary>
        public string NextStep => Application.Status.NextStep();
    }

    public sealed record LateItem(UnpublishedItem Item, DateOnly Due, int WorkingDaysTaken);

    /// <summary>A 督办 from the supervisor not yet answered (Art. 47 ¶2).</summary>
    /// <param name="From">The supervisor's agency.</param>
    /// <param name="Subject">The late record as named when sent.</param>
    public sealed record OpenChaseUp(int Id, string From, string Subject, string Note, DateOnly ReplyBy);

    /// <param name="Applications">Every open application, the most urgent first.</param>
    /// <param name="Archive">Replied applications not yet archived.</param>
    /// <param name="ChaseUps">The supervisor's chase-ups waiting for the agency's answer, the earliest reply-by first.</param>
    public sealed record Digest(DateOnly Day, IReadOnlyList<DueApplication> Applications, IReadOnlyList<OpenApplication> Archive, IReadOnlyList<UnpublishedItem> InReview, IReadOnlyList<LateItem> NearArticle26,
        IReadOnlyList<OpenChaseUp> ChaseUps)
    {
        public bool IsEmpty => Applications.Count == 0 && InReview.Count == 0 && NearArticle26.Count == 0 && Archive.Count == 0 && ChaseUps.Count == 0;

        public IEnumerable<DueApplication> Overdue => Applications.Where(a => a.Overdue);

        public IEnumerable<DueApplication> DueSoon => Applications.Where(a => a.DueSoon && !a.Overdue);
    }

    /// <summary>
    /// Overdue: past its last day (a reply on the last day is in time). Due soon: the last day is
    /// today or within the next <see cref="DueSoonWorkingDays"/> working days, however many
    /// holidays lie between (before the Spring Festival, three working days can span twelve days).
    /// </summary>
    public static int WorkingDaysLeft(WorkingCalendar calendar, DateOnly today, DateOnly due) =>
        due < today ? -Math.Max(1, calendar.WorkingDaysBetween(due, today)) : calendar.WorkingDaysBetween(today, due);

    public static Digest For(DateOnly today, WorkingCalendar calendar, IEnumerable<OpenApplication> applications, IEnumerable<UnpublishedItem> items, IEnumerable<OpenChaseUp>? chaseUps = null)
    {
        var all = applications.ToList();
        var open = all.Where(a => CaseStatusLabels.Open.Contains(a.Status))
            .Select(a => new DueApplication(a, WorkingDaysLeft(calendar, today, a.Due), calendar.IsProvisional(today < a.Due ? today : a.Due, a.Due)))
            .OrderBy(a => a.WorkingDaysLeft).ThenBy(a => a.Application.Due).ThenBy(a => a.Application.TrackingNumber, StringComparer.Ordinal).ToList();
        var archive = all.Where(a => a.Status == CaseStatus.Replied).OrderBy(a => a.Due).ThenBy(a => a.TrackingNumber, StringComparer.Ordinal).ToList();
        var unpublished = items.ToList();
        var review = unpublished.Where(i => i.Status == ItemStatus.InReview).OrderBy(i => i.Written).ThenBy(i => i.Id).ToList();
        var late = unpublished.Select(i => new LateItem(i, Timeliness.Due(calendar, i.Written), Timeliness.WorkingDaysTaken(calendar, i.Written, null, today)))
            .Where(i => i.WorkingDaysTaken >= ItemWarningAfterWorkingDays).OrderBy(i => i.Due).ThenBy(i => i.Item.Id).ToList();
        return new Digest(today, open, archive, review, late, [.. (chaseUps ?? []).OrderBy(c => c.ReplyBy).ThenBy(c => c.Id)]);
    }

    /// <summary>The digest as the mail's text; <paramref name="site"/> is the public address for links to the console.</summary>
    public static string Text(Digest digest, string agency, string site)
    {
        var text = new StringBuilder($"{agency} {digest.Day:yyyy年M月d日} 政府信息公开待办事项：\n");
        if (digest.ChaseUps.Count > 0)
        {
            text.Append($"\n上级督办待回复 {digest.ChaseUps.Count} 件：\n");
            foreach (var c in digest.ChaseUps)
            {
                var when = c.ReplyBy < digest.Day ? $"回复期限 {c.ReplyBy:yyyy-MM-dd}，已逾期" : $"请于 {c.ReplyBy:yyyy-MM-dd} 前回复";
                text.Append($"- {c.From}督办：{c.Subject}。督办意见：{c.Note}（{when}）：{site}/console/chase-ups/{c.Id}\n");
            }
        }
        if (digest.Applications.Count > 0)
        {
            text.Append($"\n未办结的依申请公开申请 {digest.Applications.Count} 件（已逾期 {digest.Overdue.Count()} 件，{DueSoonWorkingDays} 个工作日内到期 {digest.DueSoon.Count()} 件）：\n");
            foreach (var a in digest.Applications)
            {
                var when = a.Overdue ? $"已逾期 {-a.WorkingDaysLeft} 个工作日" : a.WorkingDaysLeft == 0 ? "今日到期" : $"剩余 {a.WorkingDaysLeft} 个工作日";
                // The applicant's name stays out of mail (personal data); the console shows it.
                text.Append($"- {a.Application.TrackingNumber}，答复期限 {a.Application.Due:yyyy-MM-dd}{(a.Provisional ? "（暂定）" : "")}（{when}），{a.Application.Status.Label()}，下一步：{a.NextStep}：{site}/console/applications/{a.Application.Id}\n");
            }
        }
        if (digest.Archive.Count > 0)
        {
            text.Append($"\n已答复待归档的申请 {digest.Archive.Count} 件（条例第四十五条）：\n");
            foreach (var a in digest.Archive)
            {
                text.Append($"- {a.TrackingNumber}：{site}/console/applications/{a.Id}\n");
            }
        }
        if (digest.InReview.Count > 0)
        {
            text.Append($"\n待保密审查的信息 {digest.InReview.Count} 条：\n");
            foreach (var i in digest.InReview)
            {
                text.Append($"- {i.Title}（{i.IndexNumber}）：{site}/console/items/{i.Id}\n");
            }
        }
        if (digest.NearArticle26.Count > 0)
        {
            text.Append($"\n临近或超过条例第二十六条 {Timeliness.PublicationPeriod} 个工作日公开时限、尚未发布的信息 {digest.NearArticle26.Count} 条：\n");
            foreach (var i in digest.NearArticle26)
            {
                text.Append($"- {i.Item.Title}（成文 {i.Item.Written:yyyy-MM-dd}，应于 {i.Due:yyyy-MM-dd} 前公开，已 {i.WorkingDaysTaken} 个工作日）：{site}/console/items/{i.Item.Id}\n");
            }
        }
        return text.Append("\n不再接收每日提醒：登录后在“我的账户”中关闭。").ToString();
    }
}
