using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Data.Applications;

/// <summary>Loads recorded applications back into the domain, for the figures of a report year.</summary>
public static class ApplicationHistory
{
    /// <summary>
    /// The applications a report year can count (received by its end and not answered before its
    /// start), grouped in the database by agency and by everything the tables distinguish: applicant, channel,
    /// reply type, extension, received before the year or in it, answered in the year or not.
    /// Each group carries its earliest dates, which fall on the same side of the year's bounds as
    /// every member's, so the one counting function classifies the group as it would each member.
    /// The stored answer is kept equal to the steps by <see cref="DisclosureApplication.Follow"/>.
    /// </summary>
    /// <param name="perAgency">false: all the agencies' applications together (agency 0), a few hundred groups instead of a few hundred per agency.</param>
    public static async Task<IReadOnlyList<(int AgencyId, ApplicationTally Tally)>> TalliesForYearAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, int year, bool perAgency = true, CancellationToken ct = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var groups = await CountableIn(db, agencyIds, year)
            .GroupBy(a => new
            {
                AgencyId = perAgency ? a.AgencyId : 0,
                a.ApplicantKind,
                a.Channel,
                a.ReplyType,
                a.Extended,
                Carried = a.Received < start,
                Answered = a.AnsweredOn != null && a.AnsweredOn <= end,
            })
            .Select(g => new { g.Key, Received = g.Min(a => a.Received), AnsweredOn = g.Min(a => a.AnsweredOn), Count = g.Count() })
            .ToListAsync(ct);
        return groups.Select(g => (g.Key.AgencyId, new ApplicationTally(g.Key.ApplicantKind, g.Key.Channel, g.Received,
            ApplicationTally.Answer(g.Key.ReplyType, g.AnsweredOn), g.Key.Extended, g.Count))).ToList();
    }

    /// <summary>Received by the year's end and not answered before its start: what a report year can count.</summary>
    private static IQueryable<DisclosureApplication> CountableIn(GongkaiDb db, IReadOnlyCollection<int> agencyIds, int year)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        return db.Applications.AsNoTracking()
            .Where(a => agencyIds.Contains(a.AgencyId) && a.Received <= end && (a.AnsweredOn == null || a.AnsweredOn >= start));
    }

    /// <summary>Each application a report year can count, one by one: the records behind a figure.</summary>
    public static async Task<IReadOnlyList<CountedApplication>> ApplicationsForYearAsync(GongkaiDb db, int agencyId, int year, CancellationToken ct = default) =>
        (await CountableIn(db, [agencyId], year).OrderBy(a => a.Received).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.TrackingNumber, a.Description, a.ApplicantKind, a.Channel, a.Received, a.ReplyType, a.AnsweredOn, a.Extended })
            .ToListAsync(ct))
        .Select(a => new CountedApplication(a.Id, a.TrackingNumber, a.Description, new ApplicationTally(a.ApplicantKind, a.Channel, a.Received,
            ApplicationTally.Answer(a.ReplyType, a.AnsweredOn), a.Extended)))
        .ToList();

    /// <summary>Given applications, replayed through the domain.</summary>
    public static async Task<IReadOnlyList<ApplicationCase>> CasesForIdsAsync(GongkaiDb db, IReadOnlyCollection<int> ids, WorkingCalendar calendar, CancellationToken ct = default) =>
        (await ReplayAsync(db, db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)), calendar, ct)).Select(c => c.Case).ToList();

    /// <summary>The applications still open (not replied, not closed), each replayed: two queries however many there are.</summary>
    public static async Task<IReadOnlyDictionary<int, ApplicationCase>> OpenCasesAsync(GongkaiDb db, WorkingCalendar calendar, CancellationToken ct = default) =>
        (await ReplayAsync(db, db.Applications.AsNoTracking().Where(a => CaseStatusLabels.Open.Contains(a.Status)), calendar, ct))
            .ToDictionary(c => c.Id, c => c.Case);

    private static async Task<IReadOnlyList<(int Id, ApplicationCase Case)>> ReplayAsync(GongkaiDb db, IQueryable<DisclosureApplication> relevant, WorkingCalendar calendar, CancellationToken ct)
    {
        var applications = await relevant.Select(a => new { a.Id, a.Received, a.Channel, a.ApplicantKind, a.Rules }).ToListAsync(ct);
        var steps = (await (from s in db.ApplicationSteps.AsNoTracking()
                            join a in relevant on s.ApplicationId equals a.Id
                            select s).ToListAsync(ct))
            .ToLookup(s => s.ApplicationId);
        return applications.Select(a => (a.Id, ApplicationRecords.Replay(a.Received, a.Channel, a.ApplicantKind, a.Rules, steps[a.Id], calendar))).ToList();
    }

    /// <summary>The reconsiderations and lawsuits a report year can count.</summary>
    public static async Task<IReadOnlyList<Appeal>> AppealsForYearAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default) =>
        (await AppealRecordsForYearAsync(db, agencyIds, year, ct)).Select(a => a.ToDomain()).ToList();

    /// <summary>The reconsiderations and lawsuits filed in a year, as recorded.</summary>
    public static async Task<IReadOnlyList<AppealRecord>> AppealRecordsForYearAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        return await db.Appeals.AsNoTracking().Where(a => agencyIds.Contains(a.AgencyId) && a.Filed >= start && a.Filed <= end).OrderBy(a => a.Filed).ThenBy(a => a.Id).ToListAsync(ct);
    }
}

/// <summary>An application as a report counts it, with what the clerk knows it by.</summary>
public sealed record CountedApplication(int Id, string TrackingNumber, string Description, ApplicationTally Tally);
