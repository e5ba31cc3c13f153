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
        var outcome = await ReportEditions.ActAsync(db, Record, Report, Violations, action, HasSuperior, comment, ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        TempData["Notice"] = outcome.Value;
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
        var outcome = await ReportEditions.CorrectAsync(db, Record, Report, IsLatest, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        return Redirect($"/console/reports/{outcome.Value!.Id}/edit");
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
