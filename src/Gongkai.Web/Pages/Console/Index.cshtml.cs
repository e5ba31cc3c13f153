using Gongkai.Domain.Notifications;

namespace Gongkai.Web.Pages.Console;

/// <summary>
/// The first page a staff member sees each morning: what is theirs to do now, by role, each a
/// count with a link to the filtered list — applications overdue and due within 3 working days,
/// items waiting for their review or approval or sent back to them, items near Art. 26's 20
/// working days, last year's annual report with Art. 49's date, reports to accept, imported
/// reports that fail checks, and for the system admin mail that could not be sent.
/// </summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    /// <param name="Urgent">Past a statutory date, or needing this person before anything else can move.</param>
    public sealed record Task(string Text, int? Count, string Link, bool Urgent = false);


    public string DisplayName => staff.DisplayName;
    public string RoleLabel => staff.Role.Label();
    public string AgencyName { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public IReadOnlyList<Task> Tasks { get; private set; } = [];

    /// <summary>All open work: every open application (the most urgent first), cases to archive, items in review.</summary>
    public StaffDigest.Digest Work { get; private set; } = new(default, [], [], [], []);

    public IReadOnlyDictionary<int, string> AgencyNames { get; private set; } = new Dictionary<int, string>();

    /// <summary>Applications registered late into a submitted report year.</summary>
    public IReadOnlyList<string> LateRecords { get; private set; } = [];

    public async System.Threading.Tasks.Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        AgencyName = await db.Agencies.Where(a => a.Id == staff.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        var calendar = await calendars.CurrentAsync(db, ct);
        var tasks = new List<Task>();
        Calendar(calendar, tasks);
        await ApplicationsAsync(readable, calendar, tasks, ct);
        await ItemsAsync(readable, calendar, tasks, ct);
        await ReportsAsync(readable, tasks, ct);
        if (staff.HasAnywhere(Permission.ManageAgencies) && await db.Outbox.CountAsync(m => m.State == OutboxState.Failed, ct) is > 0 and var failed)
        {
            tasks.Add(new Task("封邮件发送失败，请检查邮件服务器设置后重试", failed, "/console/mail?state=Failed", Urgent: true));
        }
        Tasks = tasks;
    }

    private async System.Threading.Tasks.Task ApplicationsAsync(IReadOnlySet<int> readable, WorkingCalendar calendar, List<Task> tasks, CancellationToken ct)
    {
        AgencyNames = await db.Agencies.Where(a => readable.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        // The same query as the daily digest mail (Reminders.DigestAsync): the two cannot disagree.
        Work = await Reminders.DigestAsync(db, calendar, readable, Today, ct);
        var (overdue, soon) = (Work.Overdue.Count(), Work.DueSoon.Count());
        if (overdue > 0)
        {
            tasks.Add(new Task("件申请已超过答复期限", overdue, "/console/applications?show=overdue", Urgent: true));
        }
        if (soon > 0)
        {
            tasks.Add(new Task($"件申请在 {StaffDigest.DueSoonWorkingDays} 个工作日内到期", soon, "/console/applications?show=due-soon", Urgent: true));
        }
        if (Work.Applications.Count - overdue - soon is > 0 and var rest)
        {
            tasks.Add(new Task("件申请正在办理", rest, "/console/applications"));
        }
        if (Work.Archive.Count > 0)
        {
            tasks.Add(new Task("件已答复的申请待归档（条例第四十五条）", Work.Archive.Count, "/console/applications"));
        }
        // Applications received in a year whose report was already submitted: that report needs a correction.
        var late = await db.RecordCorrections.AsNoTracking()
            .Where(c => readable.Contains(c.AgencyId) && c.Reason.StartsWith(RecordLock.LatePrefix))
            .Select(c => new { c.AgencyId, c.Year, c.RecordName }).ToListAsync(ct);
        LateRecords = late.Select(c => $"{AgencyNames.GetValueOrDefault(c.AgencyId)} {c.Year} 年度：{c.RecordName}").ToList();
        if (LateRecords.Count > 0 && staff.HasAnywhere(Permission.EditReports))
        {
            tasks.Add(new Task("件补登的申请收到于已报送的年度，需更正该年度报告", LateRecords.Count, "/console/reports", Urgent: true));
        }
    }

    /// <summary>
    /// From 1 November the system admin and each agency admin are told when next year's holiday
    /// notice is not loaded: deadlines into that year are provisional until it is.
    /// </summary>
    private void Calendar(WorkingCalendar calendar, List<Task> tasks)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies) && staff.Role != StaffRole.AgencyAdmin)
        {
            return;
        }
        var next = Today.Year + 1;
        if (Today.Month >= 11 && calendar.IsProvisional(next))
        {
            tasks.Add(new Task($"{next} 年节假日安排尚未载入：跨入 {next} 年的答复期限暂按法定节假日计算（暂定）。国务院办公厅公布后请在“工作日历”中载入", null, "/console/calendar", Urgent: true));
        }
        if (calendar.IsProvisional(Today.Year))
        {
            tasks.Add(new Task($"{Today.Year} 年节假日安排尚未载入：答复期限均为暂定，请在“工作日历”中载入", null, "/console/calendar", Urgent: true));
        }
    }

    private async System.Threading.Tasks.Task ItemsAsync(IReadOnlySet<int> readable, WorkingCalendar calendar, List<Task> tasks, CancellationToken ct)
    {
        var me = staff.UserId;
        var reviewable = await staff.AgenciesWhereAsync(Permission.Review, ct);
        var review = await db.InfoItems.CountAsync(i => reviewable.Contains(i.AgencyId) && i.Status == ItemStatus.InReview && i.AuthorId != me, ct);
        if (review > 0)
        {
            tasks.Add(new Task("条信息等待我保密审查", review, "/console/items?status=InReview", Urgent: true));
        }
        var approvable = await staff.AgenciesWhereAsync(Permission.ApproveItems, ct);
        var approve = await db.InfoItems.CountAsync(i => approvable.Contains(i.AgencyId) && i.Status == ItemStatus.InApproval && i.AuthorId != me, ct);
        if (approve > 0)
        {
            tasks.Add(new Task("条信息等待我审批发布", approve, "/console/items?status=InApproval", Urgent: true));
        }
        var sentBack = await Items.IndexModel.SentBackToAsync(db, me, ct);
        if (sentBack.Count > 0)
        {
            tasks.Add(new Task("条我起草的信息被退回修改", sentBack.Count, "/console/items?show=sent-back", Urgent: true));
        }
        var unpublished = await db.InfoItems.AsNoTracking()
            .Where(i => readable.Contains(i.AgencyId) && (i.Status == ItemStatus.Draft || i.Status == ItemStatus.InReview || i.Status == ItemStatus.InApproval))
            .Select(i => new StaffDigest.UnpublishedItem(i.Id, i.Title, i.IndexNumber, i.WrittenOn, i.Status)).ToListAsync(ct);
        var near = StaffDigest.For(Today, calendar, [], unpublished).NearArticle26.Count;
        if (near > 0)
        {
            tasks.Add(new Task($"条未发布的信息临近或超过条例第二十六条 {Timeliness.PublicationPeriod} 个工作日的公开时限", near, "/console/items?show=late"));
        }
    }

    private async System.Threading.Tasks.Task ReportsAsync(IReadOnlySet<int> readable, List<Task> tasks, CancellationToken ct)
    {
        var year = Today.Year - 1;
        var editable = await staff.AgenciesWhereAsync(Permission.EditReports, ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => editable.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
        var latest = (await db.AnnualReports.AsNoTracking().Where(r => editable.Contains(r.AgencyId) && r.Year == year)
                .Select(r => new { r.Id, r.AgencyId, r.Edition, r.Status, r.ReviewComment }).ToListAsync(ct))
            .GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Edition)!);
        foreach (var agency in agencies)
        {
            var due = ReportWorkflow.Due(agency.Kind, year);
            var late = Today > due;
            var when = $"（条例第四十九条：{due:yyyy年M月d日}前{(agency.Kind == Domain.Agencies.AgencyKind.Department ? "报送并公布" : "公布")}{(late ? "，已逾期" : "")}）";
            switch (latest.GetValueOrDefault(agency.Id))
            {
                case null:
                    tasks.Add(new Task($"{agency.Name} {year} 年度报告尚未生成{when}", null, "/console/reports/new", late));
                    break;
                case { Status: ReportStatus.Draft } draft:
                    tasks.Add(new Task($"{agency.Name} {year} 年度报告{(draft.ReviewComment is null ? "草稿待报送或发布" : "被退回修改")}{when}", null, $"/console/reports/{draft.Id}", late || draft.ReviewComment is not null));
                    break;
                case { Status: ReportStatus.Accepted } accepted:
                    tasks.Add(new Task($"{agency.Name} {year} 年度报告已审核通过，待发布{when}", null, $"/console/reports/{accepted.Id}", late));
                    break;
            }
        }
        var acceptable = await staff.AgenciesWhereAsync(Permission.AcceptReports, ct);
        // The supervisor sees every agency below past Art. 49's date without a published report.
        var below = await db.Agencies.AsNoTracking().Where(a => acceptable.Contains(a.Id) && a.Id != staff.AgencyId).ToListAsync(ct);
        var publishedBelow = await db.AnnualReports.AsNoTracking()
            .Where(r => acceptable.Contains(r.AgencyId) && r.Year == year && (r.Status == ReportStatus.Published || r.Status == ReportStatus.Superseded))
            .Select(r => r.AgencyId).Distinct().ToListAsync(ct);
        var lateBelow = below.Where(a => Today > ReportWorkflow.Due(a.Kind, year) && !publishedBelow.Contains(a.Id)).OrderBy(a => a.SortOrder).ToList();
        if (lateBelow.Count > 0)
        {
            tasks.Add(new Task($"个下级机关逾期未公布 {year} 年度报告（条例第四十九条）：{string.Join("、", lateBelow.Select(a => a.Name))}", lateBelow.Count,
                $"/console/reports/rollup?year={year}", Urgent: true));
        }
        var toAccept = await db.AnnualReports.CountAsync(r => acceptable.Contains(r.AgencyId) && r.AgencyId != staff.AgencyId && r.Status == ReportStatus.Submitted, ct);
        if (toAccept > 0)
        {
            tasks.Add(new Task("份下级机关报送的年度报告待审核", toAccept, "/console/reports?status=Submitted", Urgent: true));
        }
        var imported = await db.AnnualReports.CountAsync(r => readable.Contains(r.AgencyId) && r.SourceFileId != null && r.ErrorCount > 0 && r.Status != ReportStatus.Superseded, ct);
        if (imported > 0)
        {
            tasks.Add(new Task("份导入的报告未通过勾稽关系检查", imported, "/console/reports?show=import-problems"));
        }
    }
}
