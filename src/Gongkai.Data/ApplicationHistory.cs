using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>Loads recorded applications back into the domain, for the figures of a report year.</summary>
public static class ApplicationHistory
{
    /// <summary>
    /// The applications a report year can count: received by its end and not answered before its
    /// start, with their steps, replayed through the domain (which re-checks every step).
    /// </summary>
    public static async Task<IReadOnlyList<ApplicationCase>> CasesForYearAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, int year, WorkingCalendar calendar, CancellationToken ct = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        return await ReplayAsync(db, db.Applications.AsNoTracking()
            .Where(a => agencyIds.Contains(a.AgencyId) && a.Received <= end && (a.AnsweredOn == null || a.AnsweredOn >= start)), calendar, ct);
    }

    /// <summary>Given applications, replayed through the domain.</summary>
    public static Task<IReadOnlyList<ApplicationCase>> CasesForIdsAsync(GongkaiDb db, IReadOnlyCollection<int> ids, WorkingCalendar calendar, CancellationToken ct = default) =>
        ReplayAsync(db, db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)), calendar, ct);

    private static async Task<IReadOnlyList<ApplicationCase>> ReplayAsync(GongkaiDb db, IQueryable<DisclosureApplication> relevant, WorkingCalendar calendar, CancellationToken ct)
    {
        var applications = await relevant.Select(a => new { a.Id, a.Received, a.Channel, a.ApplicantKind, a.Rules }).ToListAsync(ct);
        var steps = (await (from s in db.ApplicationSteps.AsNoTracking()
                            join a in relevant on s.ApplicationId equals a.Id
                            select s).ToListAsync(ct))
            .OrderBy(s => s.Id)
            .ToLookup(s => s.ApplicationId);
        return applications.Select(a =>
        {
            var domain = new ApplicationCase(a.Received, a.Channel, a.ApplicantKind, a.Rules);
            foreach (var step in steps[a.Id])
            {
                domain.Record(step.ToDomain(), calendar);
            }
            return domain;
        }).ToList();
    }

    /// <summary>The reconsiderations and lawsuits a report year can count.</summary>
    public static async Task<IReadOnlyList<Appeal>> AppealsForYearAsync(GongkaiDb db, IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var rows = await db.Appeals.AsNoTracking().Where(a => agencyIds.Contains(a.AgencyId) && a.Filed >= start && a.Filed <= end).ToListAsync(ct);
        return rows.Select(a => a.ToDomain()).ToList();
    }
}
