using Gongkai.Data.MovingIn;
using Gongkai.Web.MovingIn;

namespace Gongkai.Web.Pages.Console.Users;

/// <summary>
/// An administrator brings staff accounts from a spreadsheet: preview row by row, then confirm; the
/// new accounts' one-time passwords are shown once, on the confirming page, and never stored readable.
/// </summary>
public sealed class ImportModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SheetUpload Sheet { get; set; } = new();

    public IReadOnlyList<UserImport.InitialPassword> Passwords { get; private set; } = [];

    public IActionResult OnGet() => staff.HasAnywhere(Permission.ManageUsers) ? Page() : Forbid();

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => RunAsync(apply: false, ct);

    public Task<IActionResult> OnPostApplyAsync(CancellationToken ct) => RunAsync(apply: true, ct);

    private async Task<IActionResult> RunAsync(bool apply, CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageUsers))
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
        var by = new UserImport.Importer(staff.Role, staff.AgencyId);
        if (apply)
        {
            (Sheet.Preview, Passwords) = await UserImport.ApplyAsync(db, by, sheet, Sheet.FileName ?? "", clock.GetUtcNow().UtcDateTime, ct);
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            Sheet.Preview = await UserImport.PreviewAsync(db, by, sheet, ct);
        }
        Sheet.Applied = apply && Sheet.Preview.HasWork;
        if (Sheet.Preview.Problem is { } sheetProblem)
        {
            ModelState.AddModelError("Sheet.File", sheetProblem);
        }
        return Page();
    }
}
