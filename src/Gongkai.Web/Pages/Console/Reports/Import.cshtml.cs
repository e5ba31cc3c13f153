using Gongkai.Documents.Import;
using Gongkai.Domain.Reports.Import;
using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Reports;

/// <summary>An agency admin uploads a published report; it is kept and parsed, then previewed before import.</summary>
public sealed class ImportModel(GongkaiDb db, StaffContext staff, ImportReadings readings, TimeProvider clock) : PageModel
{
    public const long MaxBytes = 20 * 1024 * 1024;

    [BindProperty, Display(Name = "机构"), Required(ErrorMessage = "请选择机构。")]
    public int? AgencyId { get; set; }

    [BindProperty, Display(Name = "报告文件"), Required(ErrorMessage = "请选择要上传的报告文件。")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.EditReports))
        {
            return Forbid();
        }
        AgencyId = staff.AgencyId;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.EditReports) || (AgencyId is { } id && !await staff.CanAsync(Permission.EditReports, id, ct)))
        {
            return Forbid();
        }
        byte[] content = [];
        ImportReadings.Reading? reading = null;
        if (Upload is { } upload)
        {
            if (upload.Length == 0 || upload.Length > MaxBytes)
            {
                ModelState.AddModelError(nameof(Upload), "文件为空或超过 20 MB。");
            }
            else
            {
                content = await Uploads.BytesAsync(upload, ct);
                try
                {
                    reading = readings.Read(upload.FileName, content);
                }
                catch (ReportImportException e)
                {
                    ModelState.AddModelError(nameof(Upload), $"无法解析：{e.Message}");
                }
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var kept = await ReportSourceFile.KeepAsync(db, AgencyId!.Value, Upload!.FileName, content, staff.UserId, clock.GetUtcNow().UtcDateTime, ct);
        if (kept.Value is not { } source)
        {
            OutcomeView.Show(this, kept);
            await LoadAsync(ct);
            return Page();
        }
        readings.Keep(source.Id, reading!);
        return Redirect($"/console/reports/import/{source.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var allowed = await staff.AgenciesWhereAsync(Permission.EditReports, ct);
        Agencies = await db.Agencies.AsNoTracking().Where(a => allowed.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
    }
}
