using Gongkai.Domain.Reports;

namespace Gongkai.Data.Reports;

/// <summary>Between the stored edition (its JSON document) and the report model.</summary>
public static class ReportRecords
{
    public static AnnualReport Load(AnnualReportRecord record) => ReportJson.Read(record.Content);

    /// <summary>Writes the report into the record, with the counts of failed checks the lists show.</summary>
    public static void Store(AnnualReportRecord record, AnnualReport report, DateTime nowUtc)
    {
        var violations = report.Check(imported: record.SourceFileId is not null);
        record.Content = ReportJson.Write(report);
        record.Title = report.Title;
        record.FormatCode = report.FormatCode;
        record.PublishedOn = report.PublishedOn;
        record.ErrorCount = violations.Count(v => v.Severity == Severity.Error);
        record.WarningCount = violations.Count - record.ErrorCount;
        record.UpdatedUtc = nowUtc;
    }

    /// <param name="sourceFileId">The file of a report published elsewhere that this edition records (imported).</param>
    public static AnnualReportRecord NewEdition(int agencyId, int year, int edition, AnnualReport report, DateTime nowUtc, int? sourceFileId = null)
    {
        var record = new AnnualReportRecord
        {
            AgencyId = agencyId, Year = year, Edition = edition, Status = ReportStatus.Draft,
            FormatCode = report.FormatCode, Title = report.Title, Content = "", CreatedUtc = nowUtc, SourceFileId = sourceFileId,
        };
        Store(record, report, nowUtc);
        return record;
    }

    /// <summary>The editions the public may read: published and superseded, newest edition first.</summary>
    public static IQueryable<AnnualReportRecord> Public(GongkaiDb db, int agencyId) =>
        db.AnnualReports.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && (r.Status == ReportStatus.Published || r.Status == ReportStatus.Superseded))
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Edition);

    /// <summary>The agency's report in force for a year (the published edition), if any.</summary>
    public static async Task<AnnualReport?> PublishedAsync(GongkaiDb db, int agencyId, int year, CancellationToken ct)
    {
        var record = await db.AnnualReports.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Year == year && r.Status == ReportStatus.Published)
            .OrderByDescending(r => r.Edition).FirstOrDefaultAsync(ct);
        return record is null ? null : Load(record);
    }

    /// <summary>The narrative parts of a report as one text, for comparing reports.</summary>
    public static string Narrative(AnnualReport report) => string.Join("\n", report.Parts.Select(p => p.Text));

    /// <summary>
    /// The texts a report's narrative may have been copied from: the agency's previous year and the
    /// other agencies' published reports of the same year (the newest 300, which bounds the work).
    /// </summary>
    public static async Task<IReadOnlyList<(string Source, string Text)>> ComparableNarrativesAsync(GongkaiDb db, AnnualReportRecord record, CancellationToken ct)
    {
        var rows = await db.AnnualReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Published && r.Id != record.Id
                && ((r.AgencyId == record.AgencyId && r.Year == record.Year - 1) || (r.AgencyId != record.AgencyId && r.Year == record.Year)))
            .OrderByDescending(r => r.Id).Take(300)
            .Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { a.Name, r.Year, r.Content })
            .ToListAsync(ct);
        return rows.Select(r => ($"{r.Name} {r.Year} 年度报告", Narrative(ReportJson.Read(r.Content)))).ToList();
    }
}
