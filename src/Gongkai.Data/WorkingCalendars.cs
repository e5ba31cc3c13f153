using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>
/// The calendar in force: the embedded schedules (2008–2026) plus the latest loaded version of each
/// later year. Loading a schedule never changes a deadline silently: the open applications whose
/// due date moves are updated in the same transaction and each change is in the audit log.
/// </summary>
public static class WorkingCalendars
{
    // The merged calendar per database, valid while no newer schedule is loaded there (checked by
    // the last schedule's id: cheap, and right on every web node).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int? LastId, WorkingCalendar Calendar)> Cache = new();

    public static async Task<WorkingCalendar> CurrentAsync(GongkaiDb db, CancellationToken ct = default)
    {
        var lastId = await db.CalendarSchedules.MaxAsync(s => (int?)s.Id, ct);
        if (lastId is null)
        {
            return WorkingCalendar.National;
        }
        var key = db.Database.GetConnectionString() ?? "";
        if (Cache.TryGetValue(key, out var cached) && cached.LastId == lastId)
        {
            return cached.Calendar;
        }
        var loaded = await db.CalendarSchedules.AsNoTracking().ToListAsync(ct);
        var latest = loaded.GroupBy(s => s.Year).Select(g => g.OrderByDescending(s => s.Version).First()).ToList();
        var csv = new List<string> { "date,is_off_day,name" };
        var years = new HashSet<int>(WorkingCalendar.National.CoveredYears);
        csv.AddRange(EmbeddedLines().Where(l => !latest.Any(s => l.StartsWith(s.Year.ToString(CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal))));
        foreach (var schedule in latest)
        {
            csv.AddRange(schedule.Csv.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
            years.Add(schedule.Year);
        }
        var calendar = WorkingCalendar.Parse(string.Join("\n", csv.Distinct()), years);
        Cache[key] = (lastId, calendar);
        return calendar;
    }

    private static IEnumerable<string> EmbeddedLines()
    {
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream("cn-holidays.csv")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
    }

    public sealed record ImportResult(int Year, int Version, int ApplicationsMoved);

    /// <summary>
    /// Loads a year's schedule as a new version after checking it (dates of that year, weekdays off
    /// and weekends worked only), then moves the due dates of open applications it changes.
    /// </summary>
    public static async Task<ImportResult> ImportAsync(GongkaiDb db, int year, string csv, string loadedBy, TimeProvider clock, CancellationToken ct = default)
    {
        _ = WorkingCalendar.Parse(csv, [year]); // refuses malformed lines and impossible days
        var lines = csv.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var foreign = lines.FirstOrDefault(l => !l.StartsWith(year.ToString(CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal));
        if (foreign is not null)
        {
            throw new FormatException($"{year} 年的安排中出现了其他年份的日期：{foreign}");
        }
        if (lines.Count == 0)
        {
            throw new FormatException($"{year} 年的安排是空的。");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var version = (await db.CalendarSchedules.Where(s => s.Year == year).MaxAsync(s => (int?)s.Version, ct) ?? 0) + 1;
        db.CalendarSchedules.Add(new CalendarSchedule { Year = year, Version = version, Csv = csv, LoadedUtc = clock.GetUtcNow().UtcDateTime, LoadedBy = loadedBy });
        await db.SaveChangesAsync(ct);
        var calendar = await CurrentAsync(db, ct);
        var open = await db.Applications.Where(a => a.Status != CaseStatus.Replied && a.Status != CaseStatus.Closed).ToListAsync(ct);
        var moved = 0;
        foreach (var application in open)
        {
            var domain = (await ApplicationHistory.CasesForIdsAsync(db, [application.Id], calendar, ct)).Single();
            var before = application.DueDate;
            application.Follow(domain, calendar);
            moved += application.DueDate != before ? 1 : 0;
        }
        db.AuditNote = $"载入 {year} 年节假日安排第 {version} 版，重新计算答复期限";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult(year, version, moved);
    }
}
