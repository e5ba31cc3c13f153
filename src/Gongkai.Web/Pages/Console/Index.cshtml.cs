using Gongkai.Domain.Agencies;

namespace Gongkai.Web.Pages.Console;

/// <summary>The staff dashboard: who you are and the agencies you can see.</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff) : PageModel
{
    public sealed record AgencyCard(int Id, string Name, AgencyKind Kind, AgencyLevel Level, int StaffCount);

    public string DisplayName => staff.DisplayName;
    public string RoleLabel => staff.Role.Label();
    public string AgencyName { get; private set; } = "";
    public IReadOnlyList<AgencyCard> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var visible = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        AgencyName = await db.Agencies.Where(a => a.Id == staff.AgencyId).Select(a => a.Name).SingleAsync(ct);
        Agencies = await db.Agencies.AsNoTracking()
            .Where(a => visible.Contains(a.Id))
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new AgencyCard(a.Id, a.Name, a.Kind, a.Level, db.StaffUsers.Count(u => u.AgencyId == a.Id && u.IsActive)))
            .ToListAsync(ct);
    }
}
