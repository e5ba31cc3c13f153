namespace Gongkai.Web.Pages.Console.Applications;

/// <summary>
/// An applicant's full ID number, for the agency's members who handle its applications, one
/// deliberate look at a time: the page asks first, the look is audited, and nothing caches it.
/// </summary>
public sealed class IdNumberModel(GongkaiDb db, StaffContext staff) : PageModel
{
    public DisclosureApplication Application { get; private set; } = null!;

    /// <summary>The number, after the post that asked for it.</summary>
    public string? Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Number = await ApplicationRecords.RevealIdNumberAsync(db, Application, ct);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || !await staff.CanAsync(Permission.ReadRecords, application.AgencyId, ct))
        {
            return NotFound();
        }
        if (!await staff.CanAsync(Permission.RevealPersonalData, application.AgencyId, ct))
        {
            return Forbid();
        }
        Application = application;
        return null;
    }
}
