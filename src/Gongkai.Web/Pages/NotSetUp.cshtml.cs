namespace Gongkai.Web.Pages;

/// <summary>What an empty production database shows in place of every page (<see cref="SetupGate"/>).</summary>
public sealed class NotSetUpModel(GongkaiDb db, SetupGate gate) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await gate.IsSetUpAsync(db, ct))
        {
            return Redirect("/");
        }
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }
}
