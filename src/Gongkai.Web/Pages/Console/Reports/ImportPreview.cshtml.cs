using Gongkai.Documents.Import;
using Gongkai.Domain.Reports.Import;
using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Reports;

/// <summary>
/// What was read from an uploaded report, beside its source text, with the problems found; one
/// button imports it as a draft edition of the agency's report for its year, the file kept with it.
/// </summary>
public sealed class ImportPreviewModel(GongkaiDb db, StaffContext staff, ImportReadings readings, TimeProvider clock) : PageModel
{
    public ReportSourceFile Source { get; private set; } = null!;
    public ImportedReport Imported { get; private set; } = null!;
    public string SourceText { get; private set; } = "";
    public string AgencyName { get; private set; } = "";

    /// <summary>Another agency or year in the file than the one it is being imported as.</summary>
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var year = Imported.Report.Year;
        if (await db.AnnualReports.AnyAsync(r => r.AgencyId == Source.AgencyId && r.Year == year, ct))
        {
            ModelState.AddModelError("", $"{AgencyName}的 {year} 年度报告已存在，未导入。如需替换，请在该报告页面使用“更正”。");
            return Page();
        }
        if (await db.AnnualReports.AnyAsync(r => r.SourceFileId == Source.Id, ct))
        {
            ModelState.AddModelError("", "该文件已导入。");
            return Page();
        }
        // The report keeps the agency's name as registered here; the printed name stays in the source file.
        var report = Imported.Report with { AgencyName = AgencyName };
        var record = ReportRecords.NewEdition(Source.AgencyId, year, 1, report, clock.GetUtcNow().UtcDateTime, Source.Id);
        db.AnnualReports.Add(record);
        db.AuditNote = $"由文件 {Source.FileName} 导入 {year} 年度报告";
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = "已导入为草稿。核对后即可发布。";
        return Redirect($"/console/reports/{record.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var source = await db.ReportSourceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (source is null || !await staff.CanAsync(Permission.ReadRecords, source.AgencyId, ct))
        {
            return NotFound();
        }
        if (!await staff.CanAsync(Permission.EditReports, source.AgencyId, ct))
        {
            return Forbid();
        }
        Source = source;
        (Imported, SourceText) = readings.Get(source);
        AgencyName = await db.Agencies.Where(a => a.Id == source.AgencyId).Select(a => a.Name).SingleAsync(ct);
        Warnings = ImportIdentity.Warnings(Imported, AgencyName);
        return null;
    }
}
