using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Supervision;

namespace Gongkai.Data.Reports;

/// <summary>
/// What an agency does with its annual report editions: start one for a year, save the draft, fill
/// it from the records, take a workflow step (<see cref="ReportWorkflow"/>), correct a published
/// edition, record one published elsewhere (import). Each returns an <see cref="Outcome"/>.
/// </summary>
public static class ReportEditions
{
    /// <summary>The Regulation (国务院令第492号) took effect on 2008-05-01; no earlier reports exist.</summary>
    public const int FirstYear = 2008;

    /// <summary>A new draft for <paramref name="year"/> in the year's format (the legacy variant for 2018 and before).</summary>
    public static async Task<Outcome<AnnualReportRecord>> CreateAsync(GongkaiDb db, int agencyId, int year, string legacyVariant, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (year < FirstYear || year > today.Year)
        {
            problems.Add(new Problem("Year", $"年度应在 {FirstYear} 至 {today.Year} 之间。"));
        }
        if (ReportFormats.LegacyVariants.All(f => f.Code != legacyVariant))
        {
            problems.Add(new Problem("LegacyVariant", "请选择有效的统计表格式。"));
        }
        if (problems.Count == 0 && await db.AnnualReports.AnyAsync(r => r.AgencyId == agencyId && r.Year == year, ct))
        {
            problems.Add(new Problem("Year", "该机构本年度的报告已存在，请打开已有报告修改或更正。"));
        }
        if (problems.Count > 0)
        {
            return Outcome<AnnualReportRecord>.Of(Outcome.Refused(problems), null);
        }
        var agency = await db.Agencies.SingleAsync(a => a.Id == agencyId, ct);
        var record = ReportRecords.NewEdition(agency.Id, year, 1, AnnualReport.Blank(ReportFormats.ForYear(year, legacyVariant), agency.Name, year), nowUtc);
        db.AnnualReports.Add(record);
        return Outcome<AnnualReportRecord>.Of(await Outcome.SaveAsync(db, ct), record);
    }

    /// <summary>Saves the edited draft read at <paramref name="version"/>, its changes described in the audit log; stale when saved by someone else meanwhile.</summary>
    public static Task<Outcome> SaveDraftAsync(GongkaiDb db, AnnualReportRecord record, AnnualReport stored, AnnualReport edited, int version, DateTime nowUtc, CancellationToken ct)
    {
        if (ReportWorkflow.PeriodProblem(edited.PeriodStart, edited.PeriodEnd) is { } period)
        {
            return Task.FromResult(Outcome.Refused(period, "PeriodEnd"));
        }
        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        ReportRecords.Store(record, edited, nowUtc);
        db.AuditNote = ReportChanges.Describe(stored, edited);
        return Outcome.SaveAsync(db, ct);
    }

    /// <summary>
    /// Fills every figure the records give and drafts the empty narrative parts; what was counted
    /// is kept as the cells' source, typed figures and their notes stay. Returns what was counted.
    /// </summary>
    public static async Task<Outcome<RecordCount>> FillFromRecordsAsync(GongkaiDb db, AnnualReportRecord record, AnnualReport stored, DateTime nowUtc, CancellationToken ct)
    {
        if (!ApplicationTables.Computable(stored.FormatCode))
        {
            return Outcome<RecordCount>.Of(Outcome.Refused("该格式的报告不能根据办理记录生成。"), null);
        }
        var counted = await RecordCounts.CountAsync(db, [record.AgencyId], stored.Format, record.Year, ct);
        var values = stored.Values.Copy();
        foreach (var (key, value) in counted.Values.All)
        {
            values.Set(key, value);
        }
        var report = NarrativeDraft.Fill(stored with { Values = values, Sources = stored.Sources.Counted(counted.Values) },
            await ReportRecords.PublishedAsync(db, record.AgencyId, record.Year - 1, ct));
        ReportRecords.Store(record, report, nowUtc);
        db.AuditNote = $"由办理记录生成（{counted.Applications} 件申请，{counted.Items} 条主动公开信息）；" + ReportChanges.Describe(stored, report);
        return Outcome<RecordCount>.Of(await Outcome.SaveAsync(db, ct), counted);
    }

    /// <summary>
    /// Replaces the drafted parts' text (第二十条 parts the draft covers) with the draft of the
    /// current table, at the clerk's request — after a regeneration left the text saying other
    /// figures. The text replaced stays in the audit log.
    /// </summary>
    /// <summary>
    /// The parts a redraft would replace, offered when the text states figures the table no longer
    /// has (<see cref="AnnualReport.Check"/>'s text checks); none otherwise.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RedraftableAsync(GongkaiDb db, AnnualReportRecord record, AnnualReport stored, IReadOnlyList<Violation> violations, CancellationToken ct) =>
        record.Status == ReportStatus.Draft && violations.Any(v => v.CheckCode.StartsWith("text.", StringComparison.Ordinal) && v.Severity == Severity.Error)
            ? NarrativeDraft.Redraftable(stored, await ReportRecords.PublishedAsync(db, record.AgencyId, record.Year - 1, ct))
            : [];

    public static async Task<Outcome> RedraftAsync(GongkaiDb db, AnnualReportRecord record, AnnualReport stored, DateTime nowUtc, CancellationToken ct)
    {
        if (!ReportWorkflow.ContentEditable(record.Status))
        {
            return Outcome.Refused("只有草稿可以重拟正文。");
        }
        var report = NarrativeDraft.Redraft(stored, await ReportRecords.PublishedAsync(db, record.AgencyId, record.Year - 1, ct));
        ReportRecords.Store(record, report, nowUtc);
        db.AuditNote = "按表格重拟正文；" + ReportChanges.Describe(stored, report);
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>
    /// One step of <see cref="ReportWorkflow"/> on an edition whose check results are <paramref name="violations"/>:
    /// the agency submits and publishes, its superior accepts or returns. Publishing dates the
    /// report today and marks an earlier published edition superseded. Returns the notice to show.
    /// </summary>
    public static async Task<Outcome<string>> ActAsync(GongkaiDb db, AnnualReportRecord record, AnnualReport report, IReadOnlyList<Violation> violations,
        ReportAction action, bool hasSuperior, string? comment, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        try
        {
            record.Status = ReportWorkflow.Next(record.Status, action, hasSuperior, ReportChecks.HasErrors(violations), record.SourceFileId is not null, comment,
                ReportWorkflow.YearEnded(record.Year, today));
        }
        catch (ReportWorkflowException e)
        {
            return Outcome<string>.Of(Outcome.Refused(e.Message), null);
        }
        record.ReviewComment = action == ReportAction.Return ? comment!.Trim() : action == ReportAction.Submit ? null : record.ReviewComment;
        var notice = action.Label() + "。";
        if (action == ReportAction.Publish)
        {
            if (report.PublishedOn is null)
            {
                ReportRecords.Store(record, report with { PublishedOn = today }, nowUtc);
            }
            record.PublishedUtc = nowUtc;
            var earlier = await db.AnnualReports
                .Where(r => r.AgencyId == record.AgencyId && r.Year == record.Year && r.Id != record.Id && r.Status == ReportStatus.Published)
                .ToListAsync(ct);
            foreach (var old in earlier)
            {
                old.Status = ReportStatus.Superseded;
            }
            notice = earlier.Count > 0 ? $"已发布第 {record.Edition} 版，原版本标记为已被更正。" : "已发布。";
        }
        db.AuditNote = $"{action.Label()}：{record.Year} 年度报告第 {record.Edition} 版" + (comment is null ? "" : $"（{comment.Trim()}）");
        return Outcome<string>.Of(await Outcome.SaveAsync(db, ct), notice);
    }

    /// <summary>A correction of the edition in force: a new draft edition with its content, the published one untouched until the new one is published.</summary>
    public static async Task<Outcome<AnnualReportRecord>> CorrectAsync(GongkaiDb db, AnnualReportRecord record, AnnualReport report, bool isLatest, DateTime nowUtc, CancellationToken ct)
    {
        if (record.Status != ReportStatus.Published || !isLatest)
        {
            return Outcome<AnnualReportRecord>.Of(Outcome.Refused("只能更正现行发布的版本。"), null);
        }
        var correction = ReportRecords.NewEdition(record.AgencyId, record.Year, record.Edition + 1, report with { PublishedOn = null }, nowUtc);
        db.AnnualReports.Add(correction);
        db.AuditNote = $"更正 {record.Year} 年度报告：由第 {record.Edition} 版生成第 {correction.Edition} 版草稿";
        return Outcome<AnnualReportRecord>.Of(await Outcome.SaveAsync(db, ct), correction);
    }

    /// <summary>Records a report published elsewhere, read from <paramref name="source"/>, as a draft of the agency's year — once per file and per year.</summary>
    public static async Task<Outcome<AnnualReportRecord>> ImportAsync(GongkaiDb db, ReportSourceFile source, AnnualReport report, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.AnnualReports.AnyAsync(r => r.AgencyId == source.AgencyId && r.Year == report.Year, ct))
        {
            return Outcome<AnnualReportRecord>.Of(Outcome.Refused($"{report.AgencyName}的 {report.Year} 年度报告已存在，未导入。如需替换，请在该报告页面使用“更正”。"), null);
        }
        if (await db.AnnualReports.AnyAsync(r => r.SourceFileId == source.Id, ct))
        {
            return Outcome<AnnualReportRecord>.Of(Outcome.Refused("该文件已导入。"), null);
        }
        var record = ReportRecords.NewEdition(source.AgencyId, report.Year, 1, report, nowUtc, source.Id);
        db.AnnualReports.Add(record);
        db.AuditNote = $"由文件 {source.FileName} 导入 {report.Year} 年度报告";
        return Outcome<AnnualReportRecord>.Of(await Outcome.SaveAsync(db, ct), record);
    }
}
