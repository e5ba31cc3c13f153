using Gongkai.Domain.Agencies;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The signed-in staff member of this request and what they may do where. Pages ask it before
/// every read or change of an agency's records; the answer comes from <see cref="AccessPolicy"/>.
/// </summary>
public sealed class StaffContext(IHttpContextAccessor http, GongkaiDb db)
{
    private AgencyTree? _tree;
    private List<int>? _allIds;

    private System.Security.Claims.ClaimsPrincipal User =>
        http.HttpContext?.User ?? throw new InvalidOperationException("No request.");

    public int UserId => StaffClaims.UserId(User) ?? throw new InvalidOperationException("Not signed in.");
    public int AgencyId => StaffClaims.Agency(User) ?? throw new InvalidOperationException("Not signed in.");
    public StaffRole Role => StaffClaims.Role(User) ?? throw new InvalidOperationException("Not signed in.");
    public string UserName => User.Identity?.Name ?? "";
    public string DisplayName => User.FindFirst(StaffClaims.DisplayName)?.Value ?? UserName;

    public async Task<AgencyTree> TreeAsync(CancellationToken ct = default)
    {
        if (_tree is null)
        {
            var links = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
            _allIds = links.Select(l => l.Id).ToList();
            _tree = new AgencyTree(links.Select(l => (l.Id, l.ParentId)));
        }
        return _tree;
    }

    public async Task<bool> CanAsync(Permission permission, int agencyId, CancellationToken ct = default) =>
        AccessPolicy.Allows(Role, AgencyId, permission, agencyId, await TreeAsync(ct));

    public bool HasAnywhere(Permission permission) => AccessPolicy.HasAnywhere(Role, permission);

    /// <summary>Every agency id where the permission holds, for filtering a list in one query.</summary>
    public async Task<IReadOnlySet<int>> AgenciesWhereAsync(Permission permission, CancellationToken ct = default)
    {
        var tree = await TreeAsync(ct);
        return AccessPolicy.AgenciesWhere(Role, AgencyId, permission, tree, _allIds!);
    }
}
