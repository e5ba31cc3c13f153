namespace Gongkai.Web.Pages.Console.Users;

/// <summary>The accounts of the agencies the signed-in admin manages (their accounts, or their roles and lockouts).</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string UserName, string DisplayName, int AgencyId, StaffRole Role, bool IsActive, bool Locked, DateTime? LastLoginUtc);

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<Row> Users { get; private set; } = [];

    public bool MayCreate => staff.HasAnywhere(Permission.ManageUsers);

    public string AgencyName(int id) => Agencies.FirstOrDefault(a => a.Id == id)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageUsers) && !staff.HasAnywhere(Permission.ManageSecurity))
        {
            return Forbid();
        }
        var manageable = (await staff.AgenciesWhereAsync(Permission.ManageUsers, ct)).Union(await staff.AgenciesWhereAsync(Permission.ManageSecurity, ct)).ToHashSet();
        if (Agency is { } filter && !manageable.Contains(filter))
        {
            return Forbid();
        }
        Agencies = await db.Agencies.AsNoTracking().Where(a => manageable.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Users = await db.StaffUsers.AsNoTracking()
            .Where(u => Agency == null ? manageable.Contains(u.AgencyId) : u.AgencyId == Agency)
            .OrderBy(u => u.AgencyId).ThenBy(u => u.UserName)
            .Select(u => new Row(u.Id, u.UserName, u.DisplayName, u.AgencyId, u.Role, u.IsActive, u.LockoutEndUtc > now, u.LastLoginUtc))
            .ToListAsync(ct);
        return Page();
    }
}
