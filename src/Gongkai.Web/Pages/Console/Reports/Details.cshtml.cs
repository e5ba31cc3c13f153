using Gongkai.Data;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Supervision;
using Gongkai.Domain.Staff;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

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
    public string Html { get; private set; } = "";
    public string AgencyCode { get; private set; } = "";
    public bool CanEdit { get; private set; }
    public bool IsLatest { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (Record.Status != ReportStatus.Draft)
        {
            ModelState.AddModelError("", "只有草稿可以发布。");
            return Page();
        }
        // An imported report is the record of what was published, errors included; anything else must pass.
        if (ReportChecks.HasErrors(Violations) && Record.SourceFileId is null)
        {
            ModelState.AddModelError("", "报告还有未通过的勾稽关系检查（错误），改正后才能发布。");
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (Report.PublishedOn is null)
        {
            Report = Report with { PublishedOn = ChinaTime.Today(clock) };
            ReportRecords.Store(Record, Report, now);
        }
        Record.Status = ReportStatus.Published;
        Record.PublishedUtc = now;
        var earlier = await db.AnnualReports
            .Where(r => r.AgencyId == Record.AgencyId && r.Year == Record.Year && r.Id != Record.Id && r.Status == ReportStatus.Published)
            .ToListAsync(ct);
        foreach (var old in earlier)
        {
            old.Status = ReportStatus.Superseded;
        }
        db.AuditNote = $"发布 {Record.Year} 年度报告第 {Record.Edition} 版";
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = earlier.Count > 0 ? $"已发布第 {Record.Edition} 版，原版本标记为已被更正。" : "已发布。";
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
        var record = await db.AnnualReports.FindAsync([id], ct);
        if (record is null)
        {
            return NotFound();
        }
        if (!await staff.CanAsync(Permission.ReadRecords, record.AgencyId, ct))
        {
            return Forbid();
        }
        Record = record;
        Report = ReportRecords.Load(record);
        var previous = await ReportRecords.PublishedAsync(db, record.AgencyId, record.Year - 1, ct);
        Violations = [.. Report.Check(), .. CrossYear.Check(Report, previous)];
        Copies = CopiedNarrative.Flag(ReportRecords.Narrative(Report), await ReportRecords.ComparableNarrativesAsync(db, record, ct));
        Html = ReportHtml.Fragment(Report);
        CanEdit = await staff.CanAsync(Permission.EditReports, record.AgencyId, ct);
        IsLatest = !await db.AnnualReports.AnyAsync(r => r.AgencyId == record.AgencyId && r.Year == record.Year && r.Edition > record.Edition, ct);
        AgencyCode = await db.Agencies.Where(a => a.Id == record.AgencyId).Select(a => a.ShortCode).SingleAsync(ct);
        ViewData["Title"] = record.Title;
        return null;
    }
}
