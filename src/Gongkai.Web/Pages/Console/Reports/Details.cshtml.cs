using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports.Supervision;
using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Reports;

/// <summary>
/// One edition of a report with its check results. A draft is published from here (only without
/// errors); a published edition is never changed again: a correction is a new edition, and
/// publishing it marks the old one superseded.
/// </summary>
public sealed class DetailsModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    public AnnualReportRecord Record { get; private set; } = null!;
    public AnnualReport Report { get; private set; } = null!;
    public IReadOnlyList<Violation> Violations { get; private set; } = [];
    public IReadOnlyList<NarrativeOverlap> Copies { get; private set; } = [];

    /// <summary>Changes to the year's records made after a report of the year was submitted (<see cref="RecordLock"/>).</summary>
    public IReadOnlyList<RecordCorrection> Corrections { get; private set; } = [];
    public string Html { get; private set; } = "";
    public string AgencyCode { get; private set; } = "";
    public bool CanEdit { get; private set; }

    /// <summary>Whether the staff member reviews this report for the agency's superior.</summary>
    public bool CanReview { get; private set; }

    /// <summary>Whether the agency has a superior here, which must accept the report before it is published.</summary>
    public bool HasSuperior { get; private set; }

    /// <summary>Art. 49's date for this report.</summary>
    public DateOnly Due { get; private set; }
    public bool IsLatest { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => ActAsync(id, ReportAction.Submit, null, ct);

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) => ActAsync(id, ReportAction.Accept, null, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, [Display(Name = "退回意见"), TextLimit(1000)] string? comment, CancellationToken ct) => ActAsync(id, ReportAction.Return, comment, ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) => ActAsync(id, ReportAction.Publish, null, ct);

    /// <summary>One step of <see cref="ReportWorkflow"/>: the agency submits and publishes, its superior accepts or returns.</summary>
    private async Task<IActionResult> ActAsync(int id, ReportAction action, string? comment, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (action is ReportAction.Accept or ReportAction.Return ? !CanReview : !CanEdit)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            Record.Status = ReportWorkflow.Next(Record.Status, action, HasSuperior, ReportChecks.HasErrors(Violations), Record.SourceFileId is not null, comment,
                ReportWorkflow.YearEnded(Record.Year, ChinaTime.Today(clock)));
        }
        catch (ReportWorkflowException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Record.ReviewComment = action == ReportAction.Return ? comment!.Trim() : action == ReportAction.Submit ? null : Record.ReviewComment;
        var notice = action.Label() + "。";
        if (action == ReportAction.Publish)
        {
            if (Report.PublishedOn is null)
            {
                Report = Report with { PublishedOn = ChinaTime.Today(clock) };
                ReportRecords.Store(Record, Report, now);
            }
            Record.PublishedUtc = now;
            var earlier = await db.AnnualReports
                .Where(r => r.AgencyId == Record.AgencyId && r.Year == Record.Year && r.Id != Record.Id && r.Status == ReportStatus.Published)
                .ToListAsync(ct);
            foreach (var old in earlier)
            {
                old.Status = ReportStatus.Superseded;
            }
            notice = earlier.Count > 0 ? $"已发布第 {Record.Edition} 版，原版本标记为已被更正。" : "已发布。";
        }
        db.AuditNote = $"{action.Label()}：{Record.Year} 年度报告第 {Record.Edition} 版" + (comment is null ? "" : $"（{comment.Trim()}）");
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = notice;
        return Redirect($"/console/reports/{id}");
    }

    /// <summary>The file an imported edition was read from.</summary>
    public async Task<IActionResult> OnGetSourceAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var file = Record.SourceFileId is { } sourceId ? await db.ReportSourceFiles.AsNoTracking().SingleAsync(f => f.Id == sourceId, ct) : null;
        return file is null ? NotFound() : File(file.Content, "application/octet-stream", file.FileName);
    }

    public async Task<IActionResult> OnPostCorrectAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (Record.Status != ReportStatus.Published || !IsLatest)
        {
            ModelState.AddModelError("", "只能更正现行发布的版本。");
            return Page();
        }
        var correction = ReportRecords.NewEdition(Record.AgencyId, Record.Year, Record.Edition + 1, Report with { PublishedOn = null }, clock.GetUtcNow().UtcDateTime);
        db.AnnualReports.Add(correction);
        db.AuditNote = $"更正 {Record.Year} 年度报告：由第 {Record.Edition} 版生成第 {correction.Edition} 版草稿";
        await db.SaveChangesAsync(ct);
        return Redirect($"/console/reports/{correction.Id}/edit");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (record, denied) = await ReportAccess.FindAsync(db, staff, id, Permission.ReadRecords, ct);
        if (record is null)
        {
            return denied;
        }
        Record = record;
        Report = ReportRecords.Load(record);
        var previous = await ReportRecords.PublishedAsync(db, record.AgencyId, record.Year - 1, ct);
        Violations = [.. Report.Check(imported: record.SourceFileId is not null), .. CrossYear.Check(Report, previous)];
        Copies = CopiedNarrative.Flag(ReportRecords.Narrative(Report), await ReportRecords.ComparableNarrativesAsync(db, record, ct));
        Corrections = await db.RecordCorrections.AsNoTracking().Where(c => c.AgencyId == record.AgencyId && c.Year == record.Year).OrderBy(c => c.Id).ToListAsync(ct);
        Html = ReportHtml.Fragment(Report, cell => ReportHtml.ValueHtml(Report.Values, cell) + CellOrigins.Marker(Report, record.Id, cell));
        CanEdit = await staff.CanAsync(Permission.EditReports, record.AgencyId, ct);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == record.AgencyId, ct);
        HasSuperior = agency.ParentId is not null;
        // The superior reviews the agencies below it, never its own report.
        CanReview = record.AgencyId != staff.AgencyId && await staff.CanAsync(Permission.AcceptReports, record.AgencyId, ct);
        Due = ReportWorkflow.Due(agency.Kind, record.Year);
        IsLatest = !await db.AnnualReports.AnyAsync(r => r.AgencyId == record.AgencyId && r.Year == record.Year && r.Edition > record.Edition, ct);
        AgencyCode = agency.ShortCode;
        ViewData["Title"] = record.Title;
        return null;
    }
}
