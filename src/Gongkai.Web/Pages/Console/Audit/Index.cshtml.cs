namespace Gongkai.Web.Pages.Console.Audit;

/// <summary>The audit log of the agencies an admin or supervisor may read, newest first.</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool HasMore { get; private set; }

    public string AgencyName(int? id) => id is null ? "—" : Agencies.FirstOrDefault(a => a.Id == id)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ReadAudit))
        {
            return Forbid();
        }
        var readable = await staff.AgenciesWhereAsync(Permission.ReadAudit, ct);
        if (Agency is { } filter && !readable.Contains(filter))
        {
            return Forbid();
        }
        PageNumber = Math.Max(1, PageNumber);
        Agencies = await db.Agencies.AsNoTracking().Where(a => readable.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        query = Agency is { } one
            ? query.Where(e => e.AgencyId == one)
            : staff.Role == StaffRole.SystemAdmin
                ? query
                : query.Where(e => e.AgencyId != null && readable.Contains(e.AgencyId.Value));
        var rows = await query.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
        return Page();
    }
}
