using Microsoft.EntityFrameworkCore.Infrastructure;
using Gongkai.Data.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Data.Calendar;

/// <summary>
/// The calendar in force: the embedded schedules plus the latest loaded version of each later
/// year. Loading a schedule never changes a deadline silently: the open applications whose due
/// date moves are updated in the same transaction and each change is in the audit log.
/// One per process (a singleton): it keeps the combined calendar until a newer schedule is loaded,
/// which it notices by the last schedule's id — one cheap query, right on every web node.
/// </summary>
public sealed class WorkingCalendars
{
    private volatile Cached? _cached;

    private sealed record Cached(int LastId, WorkingCalendar Calendar);

    public async Task<WorkingCalendar> CurrentAsync(GongkaiDb db, CancellationToken ct = default)
    {
        var lastId = await db.CalendarSchedules.MaxAsync(s => (int?)s.Id, ct);
        if (lastId is null)
        {
            return WorkingCalendar.National;
        }
        if (_cached is { } cached && cached.LastId == lastId)
        {
            return cached.Calendar;
        }
        var loaded = await db.CalendarSchedules.AsNoTracking().ToListAsync(ct);
        var calendar = loaded.GroupBy(s => s.Year)
            .Select(g => g.MaxBy(s => s.Version)!)
            .Aggregate(WorkingCalendar.National, (combined, schedule) => combined.WithYear(schedule.Year, WorkingCalendar.ParseDays(schedule.Csv)));
        _cached = new Cached(lastId.Value, calendar);
        return calendar;
    }

    /// <summary>
    /// The calendar of a database that may not exist (the CLI's <c>gongkai deadline</c>, run anywhere):
    /// the database's when it has one, else the embedded schedules — never creating a database to ask.
    /// </summary>
    public async Task<WorkingCalendar> CurrentIfAnyAsync(GongkaiDb db, CancellationToken ct = default)
    {
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            return WorkingCalendar.National;
        }
        try
        {
            return await CurrentAsync(db, ct);
        }
        catch (System.Data.Common.DbException)
        {
            return WorkingCalendar.National; // a database without the schema yet
        }
    }

    public sealed record ImportResult(int Year, int Version, int ApplicationsMoved);

    /// <summary>An open application whose due date a schedule would move.</summary>
    public sealed record DueDateMove(int ApplicationId, string TrackingNumber, string Agency, DateOnly From, DateOnly To);

    /// <summary>
    /// What loading <paramref name="days"/> as <paramref name="year"/>'s schedule would change,
    /// nothing stored: every open application whose due date moves, from and to.
    /// </summary>
    public async Task<IReadOnlyList<DueDateMove>> PreviewAsync(GongkaiDb db, int year, IReadOnlyList<ScheduledDay> days, CancellationToken ct = default)
    {
        var calendar = (await CurrentAsync(db, ct)).WithYear(year, days);
        var cases = await ApplicationHistory.OpenCasesAsync(db, calendar, ct);
        var open = await (from a in db.Applications.AsNoTracking()
                          join g in db.Agencies.AsNoTracking() on a.AgencyId equals g.Id
                          where cases.Keys.Contains(a.Id)
                          select new { a.Id, a.TrackingNumber, Agency = g.Name, a.DueDate }).ToListAsync(ct);
        return open.Select(a => new DueDateMove(a.Id, a.TrackingNumber, a.Agency, a.DueDate, cases[a.Id].Deadline(calendar).Due))
            .Where(m => m.From != m.To).OrderBy(m => m.To).ThenBy(m => m.TrackingNumber).ToList();
    }

    /// <summary>
    /// Loads a year's schedule as a new version after checking it (dates of that year, weekdays off
    /// and weekends worked only, every statutory holiday off: <see cref="HolidayNotice.MissingStatutory"/>),
    /// then moves the due dates of open applications it changes.
    /// </summary>
    public async Task<ImportResult> ImportAsync(GongkaiDb db, int year, string csv, string loadedBy, TimeProvider clock, CancellationToken ct = default)
    {
        var days = WorkingCalendar.ParseDays(csv); // refuses malformed lines and impossible days
        if (days.Where(d => d.Date.Year != year).Select(d => (DateOnly?)d.Date).FirstOrDefault() is { } foreign)
        {
            throw new FormatException($"{year} 年的安排中出现了其他年份的日期：{foreign:yyyy-MM-dd}");
        }
        if (days.Count == 0)
        {
            throw new FormatException($"{year} 年的安排是空的。");
        }
        if (HolidayNotice.MissingStatutory(year, days) is { Count: > 0 } missing)
        {
            throw new FormatException($"{year} 年的安排不完整：{string.Join("", missing)}请按国务院办公厅通知补全后再载入。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var version = (await db.CalendarSchedules.Where(s => s.Year == year).MaxAsync(s => (int?)s.Version, ct) ?? 0) + 1;
        db.CalendarSchedules.Add(new CalendarSchedule { Year = year, Version = version, Csv = csv, LoadedUtc = clock.GetUtcNow().UtcDateTime, LoadedBy = loadedBy });
        await db.SaveChangesAsync(ct);
        var calendar = await CurrentAsync(db, ct);
        var cases = await ApplicationHistory.OpenCasesAsync(db, calendar, ct);
        var open = await db.Applications.Where(a => cases.Keys.Contains(a.Id)).ToListAsync(ct);
        var moved = 0;
        foreach (var application in open)
        {
            var before = application.DueDate;
            application.Follow(cases[application.Id], calendar);
            moved += application.DueDate != before ? 1 : 0;
        }
        db.AuditNote = $"载入 {year} 年节假日安排第 {version} 版，重新计算答复期限";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult(year, version, moved);
    }
}
