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
        // The report keeps the agency's name as registered here; the printed name stays in the source file.
        var outcome = await ReportEditions.ImportAsync(db, Source, Imported.Report with { AgencyName = AgencyName }, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        var record = outcome.Value!;
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
