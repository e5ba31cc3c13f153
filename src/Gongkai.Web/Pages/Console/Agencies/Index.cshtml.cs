namespace Gongkai.Web.Pages.Console.Agencies;

/// <summary>The agencies the signed-in staff member may read.</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff) : PageModel
{
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public bool CanCreate => staff.HasAnywhere(Permission.ManageAgencies);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        Agencies = await db.Agencies.AsNoTracking().Where(a => readable.Contains(a.Id))
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Name).ToListAsync(ct);
    }
}
