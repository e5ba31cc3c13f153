using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Supervision;

namespace Gongkai.Data.Supervision;

/// <summary>The 督办 use cases: what may be chased up, sending, answering, and the lists (<see cref="ChaseUps"/>).</summary>
public static class ChaseUpRecords
{
    /// <summary>A late record a chase-up may be about: its agency, its name, and how it is late.</summary>
    /// <param name="SubjectId">The application's or item's id; for a report, the year.</param>
    public sealed record Subject(ChaseUpSubject Kind, int SubjectId, int AgencyId, string Agency, string Title, string Late, string Link);

    /// <summary>
    /// The record behind a chase-up, if it exists and is late on <paramref name="today"/>: an
    /// application past its last day (open, or answered after it), an item past Art. 26's period,
    /// a year's report not published by Art. 49's date or published failing its checks. Null
    /// otherwise — a chase-up is about something late, with the lateness to show.
    /// </summary>
    /// <param name="id">The application's or item's id; for a report, the agency's id.</param>
    /// <param name="year">For a report, the year it reports on.</param>
    public static async Task<Subject?> LateSubjectAsync(GongkaiDb db, ChaseUpSubject kind, int id, int? year, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        switch (kind)
        {
            case ChaseUpSubject.Application:
            {
                var a = await db.Applications.AsNoTracking().Where(x => x.Id == id)
                    .Join(db.Agencies, x => x.AgencyId, g => g.Id, (x, g) => new { x.Id, x.AgencyId, Agency = g.Name, x.TrackingNumber, x.Status, x.DueDate, x.AnsweredOn })
                    .SingleOrDefaultAsync(ct);
                var open = a is not null && CaseStatusLabels.Open.Contains(a.Status) && a.AnsweredOn is null;
                var late = a is null ? null
                    : open && a.DueDate < today ? $"应于 {a.DueDate:yyyy-MM-dd} 前答复，至今未答复"
                    : a.AnsweredOn is { } on && on > a.DueDate ? $"应于 {a.DueDate:yyyy-MM-dd} 前答复，{on:yyyy-MM-dd} 才答复"
                    : null;
                return late is null ? null : new Subject(kind, a!.Id, a.AgencyId, a.Agency, $"申请 {a.TrackingNumber}", late, $"/console/applications/{a.Id}");
            }
            case ChaseUpSubject.Item:
            {
                var i = await db.InfoItems.AsNoTracking().Where(x => x.Id == id)
                    .Join(db.Agencies, x => x.AgencyId, g => g.Id, (x, g) => new { x.Id, x.AgencyId, Agency = g.Name, x.Title, x.Status, x.WrittenOn, x.PublishedOn })
                    .SingleOrDefaultAsync(ct);
                if (i is null || !Timeliness.Late(calendar, i.Status, i.WrittenOn, i.PublishedOn, today))
                {
                    return null;
                }
                var due = Timeliness.Due(calendar, i.WrittenOn);
                var late = i.PublishedOn is { } p ? $"成文 {i.WrittenOn:yyyy-MM-dd}，应于 {due:yyyy-MM-dd} 前公开，{p:yyyy-MM-dd} 才公开" : $"成文 {i.WrittenOn:yyyy-MM-dd}，应于 {due:yyyy-MM-dd} 前公开，至今未公开";
                return new Subject(kind, i.Id, i.AgencyId, i.Agency, i.Title, late, $"/console/items/{i.Id}");
            }
            default:
            {
                var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
                if (agency is null || year is not { } y)
                {
                    return null;
                }
                var due = ReportWorkflow.Due(agency.Kind, y);
                var editions = await db.AnnualReports.AsNoTracking().Where(r => r.AgencyId == id && r.Year == y)
                    .Select(r => new { r.Id, r.Status, r.PublishedOn, r.ErrorCount, r.Edition }).ToListAsync(ct);
                var published = editions.Where(r => r.PublishedOn is not null).MinBy(r => r.PublishedOn);
                var current = editions.Where(r => r.Status == ReportStatus.Published).MaxBy(r => r.Edition);
                var late = published is null && today > due ? $"应于 {due:yyyy-MM-dd} 前发布，至今未发布"
                    : published?.PublishedOn is { } on && on > due ? $"应于 {due:yyyy-MM-dd} 前发布，{on:yyyy-MM-dd} 才发布"
                    : current is { ErrorCount: > 0 } ? $"已发布的报告有 {current.ErrorCount} 项校验未通过"
                    : null;
                var link = editions.MaxBy(r => r.Edition) is { } last ? $"/console/reports/{last.Id}" : $"/console/reports/rollup?year={y}";
                return late is null ? null : new Subject(kind, y, agency.Id, agency.Name, $"{y} 年度报告", late, link);
            }
        }
    }

    /// <summary>Sends a chase-up about <paramref name="subject"/> from <paramref name="fromAgencyId"/>: refused, at its field, by <see cref="ChaseUps.SendProblems"/>.</summary>
    public static async Task<Outcome<ChaseUp>> SendAsync(GongkaiDb db, Subject subject, int fromAgencyId, (int? Id, string Name) sender, string note, DateOnly? replyBy,
        DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var problems = ChaseUps.SendProblems(fromAgencyId, subject.AgencyId, note, replyBy, today);
        if (problems.Count > 0)
        {
            return Outcome<ChaseUp>.Of(Outcome.Refused(problems.Select(p => new Problem(p.Field.Length == 0 ? null : p.Field, p.Message)).ToList()), null);
        }
        var chaseUp = new ChaseUp
        {
            AgencyId = subject.AgencyId, FromAgencyId = fromAgencyId, Subject = subject.Kind, SubjectId = subject.SubjectId,
            SubjectTitle = $"{subject.Title}（{subject.Late}）", Note = note.Trim(), ReplyBy = replyBy!.Value, SentOn = today,
            SentBy = sender.Name, SentByUserId = sender.Id, CreatedUtc = nowUtc,
        };
        db.ChaseUps.Add(chaseUp);
        return Outcome<ChaseUp>.Of(await Outcome.SaveAsync(db, ct), chaseUp);
    }

    /// <summary>The agency's answer, once, to a chase-up read at <paramref name="version"/>.</summary>
    public static Task<Outcome> AnswerAsync(GongkaiDb db, ChaseUp chaseUp, string answer, int version, string answeredBy, DateOnly today, CancellationToken ct)
    {
        if (ChaseUps.AnswerProblem(answer, chaseUp.AnsweredOn is not null) is { } problem)
        {
            return Task.FromResult(Outcome.Refused(problem, chaseUp.AnsweredOn is null ? "Answer" : null));
        }
        db.Entry(chaseUp).Property(c => c.Version).OriginalValue = version;
        chaseUp.Answer = answer.Trim();
        chaseUp.AnsweredOn = today;
        chaseUp.AnsweredBy = answeredBy;
        return Outcome.SaveAsync(db, ct);
    }

    /// <summary>A line of the chase-up list.</summary>
    public sealed record Line(int Id, string Agency, string From, ChaseUpSubject Subject, string SubjectTitle, string Note, DateOnly SentOn, DateOnly ReplyBy, DateOnly? AnsweredOn, string State);

    /// <summary>The chase-ups sent to or from <paramref name="agencyIds"/>, the open ones first, newest first; <paramref name="open"/> null for all.</summary>
    public static async Task<IReadOnlyList<Line>> ListAsync(GongkaiDb db, IReadOnlySet<int> agencyIds, bool? open, DateOnly today, CancellationToken ct)
    {
        var query = db.ChaseUps.AsNoTracking().Where(c => agencyIds.Contains(c.AgencyId) || agencyIds.Contains(c.FromAgencyId));
        query = open switch { true => query.Where(c => c.AnsweredOn == null), false => query.Where(c => c.AnsweredOn != null), _ => query };
        var rows = await query
            .Join(db.Agencies, c => c.AgencyId, a => a.Id, (c, a) => new { c, Agency = a.Name })
            .Join(db.Agencies, x => x.c.FromAgencyId, a => a.Id, (x, a) => new { x.c, x.Agency, From = a.Name })
            .OrderBy(x => x.c.AnsweredOn != null).ThenByDescending(x => x.c.SentOn).ThenByDescending(x => x.c.Id).Take(ListLimit).ToListAsync(ct);
        return rows.Select(x => new Line(x.c.Id, x.Agency, x.From, x.c.Subject, x.c.SubjectTitle, x.c.Note, x.c.SentOn, x.c.ReplyBy, x.c.AnsweredOn,
            ChaseUps.State(x.c.ReplyBy, x.c.AnsweredOn, today))).ToList();
    }

    /// <summary>The list shows this many; a supervisor with more answers them first (the open ones come first).</summary>
    public const int ListLimit = 500;

    /// <summary>Where a chase-up's subject is in the console.</summary>
    public static string SubjectLink(ChaseUp c) => c.Subject switch
    {
        ChaseUpSubject.Application => $"/console/applications/{c.SubjectId}",
        ChaseUpSubject.Item => $"/console/items/{c.SubjectId}",
        // A late report may have no edition at all: the roll-up of its year lists the agency and where its report stands.
        _ => $"/console/reports/rollup?year={c.SubjectId}",
    };
}
