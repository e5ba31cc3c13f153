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

    private async Task<IActionResult> RunAsync(bool apply, CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        var (sheet, problem) = await Sheet.ReadAsync(fromCopy: apply, ct);
        if (sheet is null)
        {
            ModelState.AddModelError("Sheet.File", problem!);
            // A file refused by the readers' limits answers 422, as every upload path does.
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Sheet.Preview = apply ? await AgencyImport.ApplyAsync(db, sheet, Sheet.FileName ?? "", ct) : await AgencyImport.PreviewAsync(db, sheet, ct);
        Sheet.Applied = apply && Sheet.Preview.HasWork;
        if (Sheet.Preview.Problem is { } sheetProblem)
        {
            ModelState.AddModelError("Sheet.File", sheetProblem);
        }
        return Page();
    }
}
