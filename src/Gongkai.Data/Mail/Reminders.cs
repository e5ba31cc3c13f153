using Gongkai.Data.Disclosure;
using Gongkai.Data.Reports;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Notifications;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Staff;

namespace Gongkai.Data.Mail;

/// <summary>
/// The daily reminders job: each clerk's and reviewer's digest of their agency's work
/// (<see cref="StaffDigest"/>), and from 1 January each supervisor's warning about the annual
/// reports below it (<see cref="ReportWarnings"/>). Written to the outbox with a key per person and
/// day, so a second run on the same day writes nothing.
/// </summary>
public static class Reminders
{
    public const string Job = "reminders";

    public sealed record Result(int Digests, int Warnings);

    private static readonly ItemStatus[] Unpublished = [ItemStatus.Draft, ItemStatus.InReview, ItemStatus.InApproval];

    public static async Task<Result> RunAsync(GongkaiDb db, WorkingCalendar calendar, string site, DateOnly day, DateTime nowUtc, CancellationToken ct)
    {
        var staff = await db.StaffUsers.AsNoTracking().Where(u => u.IsActive && u.Email != null).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        var keys = (await db.Outbox.AsNoTracking().Where(m => m.DedupeKey != null && m.DedupeKey.EndsWith($":{day:yyyy-MM-dd}")).Select(m => m.DedupeKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        int digests = 0, warnings = 0;

        var readers = staff.Where(u => u.Role is StaffRole.Clerk or StaffRole.Reviewer && !u.DigestsOff).ToList();
        foreach (var group in readers.GroupBy(u => u.AgencyId))
        {
            var digest = await DigestAsync(db, calendar, group.Key, day, ct);
            if (digest.IsEmpty)
            {
                continue;
            }
            var text = StaffDigest.Text(digest, names[group.Key], site);
            foreach (var user in group)
            {
                var key = $"digest:{user.Id}:{day:yyyy-MM-dd}";
                if (keys.Add(key))
                {
                    db.Outbox.Add(Notices.New(group.Key, null, MessageKind.StaffDigest, user.Email!,
                        new MessageTemplates.Template($"政府信息公开每日待办（{day:M月d日}）", text), null, nowUtc, key));
                    digests++;
                }
            }
        }

        var tree = new AgencyTree(agencies.Select(a => (a.Id, a.ParentId)));
        foreach (var supervisor in staff.Where(u => u.Role == StaffRole.Supervisor))
        {
            var below = tree.SelfAndDescendants(supervisor.AgencyId).Where(id => id != supervisor.AgencyId).ToHashSet();
            var content = ReportWarnings.For(day, calendar, await LatestReportsAsync(db, agencies.Where(a => below.Contains(a.Id)).ToList(), day.Year - 1, ct));
            var key = $"reports:{supervisor.Id}:{day:yyyy-MM-dd}";
            if (content.IsEmpty || !keys.Add(key))
            {
                continue;
            }
            db.Outbox.Add(Notices.New(supervisor.AgencyId, null, MessageKind.ReportWarning, supervisor.Email!,
                new MessageTemplates.Template($"{content.Year} 年政府信息公开工作年度报告报送提醒（{day:M月d日}）", ReportWarnings.Text(content, supervisor.DisplayName, site)), null, nowUtc, key));
            warnings++;
        }
        // Art. 49 binds each organ: the late agency's own admins are told too, not only its supervisor.
        foreach (var admin in staff.Where(u => u.Role == StaffRole.AgencyAdmin))
        {
            var content = ReportWarnings.For(day, calendar, await LatestReportsAsync(db, agencies.Where(a => a.Id == admin.AgencyId).ToList(), day.Year - 1, ct));
            var key = $"own-report:{admin.Id}:{day:yyyy-MM-dd}";
            if (content.NotSubmitted.Count == 0 || !keys.Add(key))
            {
                continue;
            }
            db.Outbox.Add(Notices.New(admin.AgencyId, null, MessageKind.ReportWarning, admin.Email!,
                new MessageTemplates.Template($"本机关 {content.Year} 年政府信息公开工作年度报告尚未报送（{day:M月d日}）", ReportWarnings.Text(content with { Failing = [] }, admin.DisplayName, site)), null, nowUtc, key));
            warnings++;
        }
        await db.SaveChangesAsync(ct);
        return new Result(digests, warnings);
    }

    /// <summary>An agency's digest for <paramref name="day"/>.</summary>
    public static Task<StaffDigest.Digest> DigestAsync(GongkaiDb db, WorkingCalendar calendar, int agencyId, DateOnly day, CancellationToken ct) =>
        DigestAsync(db, calendar, [agencyId], day, ct);

    /// <summary>
    /// The open work of <paramref name="agencyIds"/> on <paramref name="day"/>: the one query behind
    /// both the console's dashboard and the daily digest mail, so the two cannot differ.
    /// </summary>
    public static async Task<StaffDigest.Digest> DigestAsync(GongkaiDb db, WorkingCalendar calendar, IReadOnlyCollection<int> agencyIds, DateOnly day, CancellationToken ct)
    {
        var applications = await db.Applications.AsNoTracking().Where(a => agencyIds.Contains(a.AgencyId) && a.Status != CaseStatus.Closed)
            .Select(a => new StaffDigest.OpenApplication(a.Id, a.TrackingNumber, a.DueDate, a.Status, a.ApplicantName, a.Description, a.AgencyId)).ToListAsync(ct);
        var items = await db.InfoItems.AsNoTracking().Where(i => agencyIds.Contains(i.AgencyId) && Unpublished.Contains(i.Status))
            .Select(i => new StaffDigest.UnpublishedItem(i.Id, i.Title, i.IndexNumber, i.WrittenOn, i.Status)).ToListAsync(ct);
        // The chase-ups the agencies received; one a supervisor among them sent is its to wait for, not its work.
        var chaseUps = await db.ChaseUps.AsNoTracking().Where(c => agencyIds.Contains(c.AgencyId) && !agencyIds.Contains(c.FromAgencyId) && c.AnsweredOn == null)
            .Join(db.Agencies, c => c.FromAgencyId, a => a.Id, (c, a) => new StaffDigest.OpenChaseUp(c.Id, a.Name, c.SubjectTitle, c.Note, c.ReplyBy)).ToListAsync(ct);
        return StaffDigest.For(day, calendar, applications, items, chaseUps);
    }

    private static async Task<IReadOnlyList<ReportWarnings.AgencyReport>> LatestReportsAsync(GongkaiDb db, IReadOnlyList<Agency> agencies, int year, CancellationToken ct)
    {
        var ids = agencies.Select(a => a.Id).ToList();
        var editions = (await db.AnnualReports.AsNoTracking().Where(r => ids.Contains(r.AgencyId) && r.Year == year)
                .Select(r => new { r.AgencyId, r.Edition, r.Status, r.ErrorCount, r.ReviewComment }).ToListAsync(ct))
            .GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Edition)!);
        return agencies.Select(a => editions.GetValueOrDefault(a.Id) is { } e
            ? new ReportWarnings.AgencyReport(a.Name, a.Kind, e.Status, e.ErrorCount, e.Status == ReportStatus.Draft && e.ReviewComment != null)
            : new ReportWarnings.AgencyReport(a.Name, a.Kind, null, 0)).ToList();
    }
}
