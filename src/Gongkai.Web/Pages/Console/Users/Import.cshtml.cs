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
        var by = new UserImport.Importer(staff.Role, staff.AgencyId);
        return await Sheet.RunAsync(this, apply, async sheet =>
        {
            if (!apply)
            {
                return await UserImport.PreviewAsync(db, by, sheet, ct);
            }
            (var preview, Passwords) = await UserImport.ApplyAsync(db, by, sheet, Sheet.FileName ?? "", clock.GetUtcNow().UtcDateTime, ct);
            // The one-time passwords are on this page only: no cache keeps it.
            Response.Headers.CacheControl = "no-store";
            return preview;
        }, ct);
    }
}
