using Gongkai.Data;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Reports;

/// <summary>Between the stored edition (its JSON document) and the report model.</summary>
public static class ReportRecords
{
    public static AnnualReport Load(AnnualReportRecord record) => ReportJson.Read(record.Content);

    /// <summary>Writes the report into the record, with the counts of failed checks the lists show.</summary>
    public static void Store(AnnualReportRecord record, AnnualReport report, DateTime nowUtc)
    {
        var violations = report.Check();
        record.Content = ReportJson.Write(report);
        record.Title = report.Title;
        record.FormatCode = report.FormatCode;
        record.PublishedOn = report.PublishedOn;
        record.ErrorCount = violations.Count(v => v.Severity == Severity.Error);
        record.WarningCount = violations.Count - record.ErrorCount;
        record.UpdatedUtc = nowUtc;
    }

    public static AnnualReportRecord NewEdition(int agencyId, int year, int edition, AnnualReport report, DateTime nowUtc)
    {
        var record = new AnnualReportRecord
        {
            AgencyId = agencyId, Year = year, Edition = edition, Status = ReportStatus.Draft,
            FormatCode = report.FormatCode, Title = report.Title, Content = "", CreatedUtc = nowUtc,
        };
        Store(record, report, nowUtc);
        return record;
    }

    /// <summary>The editions the public may read: published and superseded, newest edition first.</summary>
    public static IQueryable<AnnualReportRecord> Public(GongkaiDb db, int agencyId) =>
        db.AnnualReports.AsNoTracking()
            .Where(r => r.AgencyId == agencyId && r.Status != ReportStatus.Draft)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Edition);

    public static string StatusLabel(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Published => "已发布",
        ReportStatus.Superseded => "已被更正",
        _ => status.ToString(),
    };
}
