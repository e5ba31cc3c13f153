using Gongkai.Data.MovingIn;
using Gongkai.Web.MovingIn;

namespace Gongkai.Web.Pages.Console.Agencies;

/// <summary>The system admin brings a county's agencies from a spreadsheet: preview row by row, then confirm.</summary>
public sealed class ImportModel(GongkaiDb db, StaffContext staff) : PageModel
{
    [BindProperty]
    public SheetUpload Sheet { get; set; } = new();

    public IActionResult OnGet() => staff.HasAnywhere(Permission.ManageAgencies) ? Page() : Forbid();

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => RunAsync(apply: false, ct);

    public Task<IActionResult> OnPostApplyAsync(CancellationToken ct) => RunAsync(apply: true, ct);

    private async Task<IActionResult> RunAsync(bool apply, CancellationToken ct) =>
        !staff.HasAnywhere(Permission.ManageAgencies)
            ? Forbid()
            : await Sheet.RunAsync(this, apply, sheet => apply ? AgencyImport.ApplyAsync(db, sheet, Sheet.FileName ?? "", ct) : AgencyImport.PreviewAsync(db, sheet, ct), ct);
}
