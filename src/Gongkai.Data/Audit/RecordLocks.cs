using Gongkai.Data.Applications;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gongkai.Data.Audit;

/// <summary>
/// Enforces <see cref="RecordLock"/> on every save: each changed application, appeal and item is
/// placed in the cells of every locked year of its agency as it was and as it would be, by the
/// same functions that count the reports; where they differ the save needs a reason, and then
/// leaves a <see cref="RecordCorrection"/>. An imported edition (a report published before the
/// records were kept here) locks nothing: its figures were never counted from these records.
/// </summary>
internal static class RecordLocks
{
    /// <summary>Whether the save corrects a locked year (and so carries its reason); throws when it would without one.</summary>
    public static async Task<bool> CheckAsync(GongkaiDb db, string? reason, string actorName, DateTime nowUtc, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is DisclosureApplication or AppealRecord or InfoItem)
            .ToList();
        if (changed.Count == 0)
        {
            return false;
        }
        var agencyIds = changed.Select(e => AgencyOf(e.Entity)).Distinct().ToList();
        var locked = (await db.AnnualReports.AsNoTracking()
                .Where(r => agencyIds.Contains(r.AgencyId) && r.SourceFileId == null && RecordLock.LockingStatuses.Contains(r.Status))
                .Select(r => new { r.AgencyId, r.Year, r.FormatCode, r.Status })
                .ToListAsync(ct))
            .Where(r => ApplicationTables.Computable(r.FormatCode))
            .ToLookup(r => r.AgencyId);
        if (locked.Count == 0)
        {
            return false;
        }
        var corrections = new List<RecordCorrection>();
        var late = new List<RecordCorrection>();
        foreach (var entry in changed)
        {
            var agencyId = AgencyOf(entry.Entity);
            var before = entry.State == EntityState.Added ? null : entry.OriginalValues.ToObject();
            var after = entry.State == EntityState.Deleted ? null : entry.Entity;
            foreach (var year in locked[agencyId].GroupBy(r => r.Year))
            {
                // A local printed sheet (imported) counts nothing from the records: no record change alters it.
                if (ReportFormats.Find(year.OrderByDescending(r => r.Status == ReportStatus.Published).First().FormatCode) is not { } format)
                {
                    continue;
                }
                if (RecordLock.AltersFigures(CellsOf(before, format, year.Key), CellsOf(after, format, year.Key)))
                {
                    // RecordLock.ALateApplication_IsAcceptedAndFlagged: a newly received application is never refused.
                    var flagged = entry.State == EntityState.Added && entry.Entity is DisclosureApplication && string.IsNullOrWhiteSpace(reason);
                    (flagged ? late : corrections).Add(new RecordCorrection
                    {
                        AgencyId = agencyId, Year = year.Key, RecordKind = KindOf(entry), RecordName = NameOf(entry),
                        Reason = flagged ? RecordLock.LateRecordReason(year.Key) : reason?.Trim() ?? "",
                        ActorName = actorName, OccurredUtc = nowUtc,
                    });
                }
            }
        }
        if (late.Count > 0)
        {
            db.RecordCorrections.AddRange(late);
            var note = late[0].Reason;
            db.AuditNote = db.AuditNote is null ? note : $"{db.AuditNote}；{note}";
        }
        if (corrections.Count == 0)
        {
            return false;
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            var years = string.Join("、", corrections.Select(c => c.Year).Distinct().Order());
            throw new RecordsLockedException($"这项修改会改变已报送上级的 {years} 年度报告中的数字，属于对已报送记录的更正，请填写更正说明后再保存。");
        }
        db.RecordCorrections.AddRange(corrections);
        return true;
    }

    private static int AgencyOf(object entity) => entity switch
    {
        DisclosureApplication a => a.AgencyId,
        AppealRecord a => a.AgencyId,
        _ => ((InfoItem)entity).AgencyId,
    };

    private static IEnumerable<CellKey> CellsOf(object? record, ReportFormat format, int year) => record switch
    {
        DisclosureApplication a => ApplicationTables.CellsOf(a.Tally(), format, year),
        AppealRecord a => ApplicationTables.CellsOf(a.ToDomain(), format, year),
        InfoItem i when i.Disclosed() is { } item => ProactiveTables.CellsOf(item, format.Code, year),
        _ => [],
    };

    private static string KindOf(EntityEntry entry) => entry.Entity switch
    {
        DisclosureApplication => "申请",
        AppealRecord => "行政复议、行政诉讼",
        _ => "政府信息",
    };

    private static string NameOf(EntityEntry entry) => entry.Entity switch
    {
        DisclosureApplication a => $"申请 {a.TrackingNumber}",
        AppealRecord a => $"{a.Body} {a.Filed:yyyy-MM-dd}（申请记录 {a.ApplicationId}）",
        InfoItem i => $"{i.IndexNumber} {i.Title}",
        _ => "",
    };
}
