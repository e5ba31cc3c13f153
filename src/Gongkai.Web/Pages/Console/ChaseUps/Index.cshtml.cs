using Gongkai.Data.Supervision;

namespace Gongkai.Web.Pages.Console.ChaseUps;

/// <summary>The 督办 sent to or from the agencies the staff member reads: the open ones first.</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    /// <summary>"open", "answered", or all.</summary>
    [BindProperty(SupportsGet = true, Name = "show"), TextLimit(20)]
    public string? Show { get; set; }

    public IReadOnlyList<ChaseUpRecords.Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ReadRecords))
        {
            return Forbid();
        }
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        bool? open = Show switch { "open" => true, "answered" => false, _ => null };
        Lines = await ChaseUpRecords.ListAsync(db, readable, open, ChinaTime.Today(clock), ct);
        ViewData["Title"] = "督办";
        return Page();
    }
}
