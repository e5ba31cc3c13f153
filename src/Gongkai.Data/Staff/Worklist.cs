using Gongkai.Data.Disclosure;
using Gongkai.Data.Mail;
using Gongkai.Data.Reports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Notifications;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Staff;

namespace Gongkai.Data.Staff;

/// <summary>One thing on a staff member's list, as a count with a link to the filtered list.</summary>
/// <param name="Urgent">Past a statutory date, or needing this person before anything else can move.</param>
/// <param name="Link">Where the work is done; null when the member is told of it but another does it (no link that would answer 403).</param>
public sealed record WorkTask(string Text, int? Count, string? Link, bool Urgent = false);

/// <summary>
/// What is a staff member's to do now, by role (the console's first page): applications overdue
/// and due within 3 working days, items waiting for their review or approval or sent back to them,
/// items near Art. 26's 20 working days, last year's annual report with Art. 49's date, reports to
/// accept, imported reports that fail checks, and for the system admin mail that could not be sent.
/// </summary>
public static class Worklist
{
    /// <summary>Who asks: the agencies where each permission the list looks at holds for them.</summary>
    public sealed record Scope(int UserId, int AgencyId, StaffRole Role, bool ManagesAgencies, IReadOnlySet<int> Readable, IReadOnlySet<int> Reviewable,
        IReadOnlySet<int> Approvable, IReadOnlySet<int> Editable, IReadOnlySet<int> Acceptable);

    /// <param name="Work">All open work: every open application (the most urgent first), cases to archive, items in review.</param>
    /// <param name="LateRecords">Applications registered late into a submitted report year.</param>
    public sealed record List(IReadOnlyList<WorkTask> Tasks, StaffDigest.Digest Work, IReadOnlyDictionary<int, string> AgencyNames, IReadOnlyList<string> LateRecords);

    public static async Task<List> ForAsync(GongkaiDb db, Scope scope, WorkingCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var tasks = new List<WorkTask>();
        Calendar(scope, calendar, today, tasks);
        var (work, agencyNames, lateRecords) = await ApplicationsAsync(db, scope, calendar, today, tasks, ct);
        await ItemsAsync(db, scope, calendar, today, tasks, ct);
        await ReportsAsync(db, scope, today, tasks, ct);
        if (scope.ManagesAgencies && await db.Outbox.CountAsync(m => m.State == OutboxState.Failed, ct) is > 0 and var failed)
        {
            tasks.Add(new WorkTask("封邮件发送失败，请检查邮件服务器设置后重试", failed, "/console/mail?state=Failed", Urgent: true));
        }
        return new List(tasks, work, agencyNames, lateRecords);
    }

    private static async Task<(StaffDigest.Digest Work, IReadOnlyDictionary<int, string> AgencyNames, IReadOnlyList<string> LateRecords)> ApplicationsAsync(GongkaiDb db, Scope scope, WorkingCalendar calendar, DateOnly today, List<WorkTask> tasks, CancellationToken ct)
    {
        var readable = scope.Readable;
        var agencyNames = await db.Agencies.Where(a => readable.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        // The same query as the daily digest mail (Reminders.DigestAsync): the two cannot disagree.
        var work = await Reminders.DigestAsync(db, calendar, readable, today, ct);
        if (work.ChaseUps.Count > 0)
        {
            tasks.Add(new WorkTask("件上级督办待回复（条例第四十七条）", work.ChaseUps.Count, "/console/chase-ups?show=open", Urgent: true));
        }
        var (overdue, soon) = (work.Overdue.Count(), work.DueSoon.Count());
        if (overdue > 0)
        {
            tasks.Add(new WorkTask("件申请已超过答复期限", overdue, "/console/applications?show=overdue", Urgent: true));
        }
        if (soon > 0)
        {
            tasks.Add(new WorkTask($"件申请在 {StaffDigest.DueSoonWorkingDays} 个工作日内到期", soon, "/console/applications?show=due-soon", Urgent: true));
        }
        if (work.Applications.Count - overdue - soon is > 0 and var rest)
        {
            tasks.Add(new WorkTask("件申请正在办理", rest, "/console/applications"));
        }
        if (work.Archive.Count > 0)
        {
            tasks.Add(new WorkTask("件已答复的申请待归档（条例第四十五条）", work.Archive.Count, "/console/applications"));
        }
        // Applications received in a year whose report was already submitted: that report needs a correction.
        var late = await db.RecordCorrections.AsNoTracking()
            .Where(c => readable.Contains(c.AgencyId) && c.Reason.StartsWith(RecordLock.LatePrefix))
            .Select(c => new { c.AgencyId, c.Year, c.RecordName }).ToListAsync(ct);
        var lateRecords = late.Select(c => $"{agencyNames.GetValueOrDefault(c.AgencyId)} {c.Year} 年度：{c.RecordName}").ToList();
        if (lateRecords.Count > 0 && scope.Editable.Count > 0)
        {
            tasks.Add(new WorkTask("件补登的申请收到于已报送的年度，需更正该年度报告", lateRecords.Count, "/console/reports", Urgent: true));
        }
        return (work, agencyNames, lateRecords);
    }

    /// <summary>
    /// From 1 November the system admin and each agency admin are told when next year's holiday
    /// notice is not loaded: deadlines into that year are provisional until it is.
    /// </summary>
    private static void Calendar(Scope scope, WorkingCalendar calendar, DateOnly today, List<WorkTask> tasks)
    {
        if (!scope.ManagesAgencies && scope.Role != StaffRole.AgencyAdmin)
        {
            return;
        }
        // Loading the calendar is the system admin's (ManageAgencies); an agency's admin is told, and told who does it.
        var (who, link) = scope.ManagesAgencies ? ("请", "/console/calendar") : ("由系统管理员", (string?)null);
        var next = today.Year + 1;
        if (today.Month >= 11 && calendar.IsProvisional(next))
        {
            tasks.Add(new WorkTask($"{next} 年节假日安排尚未载入：跨入 {next} 年的答复期限暂按法定节假日计算（暂定）。国务院办公厅公布后{who}在“工作日历”中载入", null, link, Urgent: true));
        }
        if (calendar.IsProvisional(today.Year))
        {
            tasks.Add(new WorkTask($"{today.Year} 年节假日安排尚未载入：答复期限均为暂定，{who}在“工作日历”中载入", null, link, Urgent: true));
        }
    }

    private static async Task ItemsAsync(GongkaiDb db, Scope scope, WorkingCalendar calendar, DateOnly today, List<WorkTask> tasks, CancellationToken ct)
    {
        var (me, readable, reviewable) = (scope.UserId, scope.Readable, scope.Reviewable);
        var review = await db.InfoItems.CountAsync(i => reviewable.Contains(i.AgencyId) && i.Status == ItemStatus.InReview && i.AuthorId != me, ct);
        if (review > 0)
        {
            tasks.Add(new WorkTask("条信息等待我保密审查", review, "/console/items?status=InReview", Urgent: true));
        }
        var approvable = scope.Approvable;
        var approve = await db.InfoItems.CountAsync(i => approvable.Contains(i.AgencyId) && i.Status == ItemStatus.InApproval && i.AuthorId != me, ct);
        if (approve > 0)
        {
            tasks.Add(new WorkTask("条信息等待我审批发布", approve, "/console/items?status=InApproval", Urgent: true));
        }
        var sentBack = await ItemRecords.SentBackToAsync(db, me, ct);
        if (sentBack.Count > 0)
        {
            tasks.Add(new WorkTask("条我起草的信息被退回修改", sentBack.Count, "/console/items?show=sent-back", Urgent: true));
        }
        var unpublished = await db.InfoItems.AsNoTracking()
            .Where(i => readable.Contains(i.AgencyId) && (i.Status == ItemStatus.Draft || i.Status == ItemStatus.InReview || i.Status == ItemStatus.InApproval))
            .Select(i => new StaffDigest.UnpublishedItem(i.Id, i.Title, i.IndexNumber, i.WrittenOn, i.Status)).ToListAsync(ct);
        var near = StaffDigest.For(today, calendar, [], unpublished).NearArticle26.Count;
        if (near > 0)
        {
            tasks.Add(new WorkTask($"条未发布的信息临近或超过条例第二十六条 {Timeliness.PublicationPeriod} 个工作日的公开时限", near, "/console/items?show=late"));
        }
    }

    private static async Task ReportsAsync(GongkaiDb db, Scope scope, DateOnly today, List<WorkTask> tasks, CancellationToken ct)
    {
        var year = today.Year - 1;
        var (readable, editable, acceptable) = (scope.Readable, scope.Editable, scope.Acceptable);
        var agencies = await db.Agencies.AsNoTracking().Where(a => editable.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
        var latest = (await db.AnnualReports.AsNoTracking().Where(r => editable.Contains(r.AgencyId) && r.Year == year)
                .Select(r => new { r.Id, r.AgencyId, r.Edition, r.Status, r.ReviewComment }).ToListAsync(ct))
            .GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Edition)!);
        foreach (var agency in agencies)
        {
            var due = ReportWorkflow.Due(agency.Kind, year);
            var late = today > due;
            var when = $"（条例第四十九条：{due:yyyy年M月d日}前{(agency.Kind == Domain.Agencies.AgencyKind.Department ? "报送并公布" : "公布")}{(late ? "，已逾期" : "")}）";
            switch (latest.GetValueOrDefault(agency.Id))
            {
                case null:
                    tasks.Add(new WorkTask($"{agency.Name} {year} 年度报告尚未生成{when}", null, "/console/reports/new", late));
                    break;
                case { Status: ReportStatus.Draft } draft:
                    tasks.Add(new WorkTask($"{agency.Name} {year} 年度报告{(draft.ReviewComment is null ? "草稿待报送或发布" : "被退回修改")}{when}", null, $"/console/reports/{draft.Id}", late || draft.ReviewComment is not null));
                    break;
                case { Status: ReportStatus.Accepted } accepted:
                    tasks.Add(new WorkTask($"{agency.Name} {year} 年度报告已审核通过，待发布{when}", null, $"/console/reports/{accepted.Id}", late));
                    break;
            }
        }
        // The supervisor sees every agency below past Art. 49's date without a published report.
        var below = await db.Agencies.AsNoTracking().Where(a => acceptable.Contains(a.Id) && a.Id != scope.AgencyId).ToListAsync(ct);
        var publishedBelow = await db.AnnualReports.AsNoTracking()
            .Where(r => acceptable.Contains(r.AgencyId) && r.Year == year && (r.Status == ReportStatus.Published || r.Status == ReportStatus.Superseded))
            .Select(r => r.AgencyId).Distinct().ToListAsync(ct);
        var lateBelow = below.Where(a => today > ReportWorkflow.Due(a.Kind, year) && !publishedBelow.Contains(a.Id)).OrderBy(a => a.SortOrder).ToList();
        if (lateBelow.Count > 0)
        {
            tasks.Add(new WorkTask($"个下级机关逾期未公布 {year} 年度报告（条例第四十九条）：{string.Join("、", lateBelow.Select(a => a.Name))}", lateBelow.Count,
                $"/console/reports/rollup?year={year}", Urgent: true));
        }
        var toAccept = await db.AnnualReports.CountAsync(r => acceptable.Contains(r.AgencyId) && r.AgencyId != scope.AgencyId && r.Status == ReportStatus.Submitted, ct);
        if (toAccept > 0)
        {
            tasks.Add(new WorkTask("份下级机关报送的年度报告待审核", toAccept, "/console/reports?status=Submitted", Urgent: true));
        }
        var imported = await db.AnnualReports.CountAsync(r => readable.Contains(r.AgencyId) && r.SourceFileId != null && r.ErrorCount > 0 && r.Status != ReportStatus.Superseded, ct);
        if (imported > 0)
        {
            tasks.Add(new WorkTask("份导入的报告未通过勾稽关系检查", imported, "/console/reports?show=import-problems"));
        }
    }
}
