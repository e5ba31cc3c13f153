namespace Gongkai.Web.Pages.Console.Audit;

/// <summary>
/// The audit log of the agencies an admin or supervisor may read, newest first, as sentences: by
/// agency, person, kind of record and dates, a page at a time.
/// </summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    /// <summary>Only what this staff member did.</summary>
    [BindProperty(SupportsGet = true, Name = "person")]
    public int? Person { get; set; }

    /// <summary>Only this kind of record (an entity type, <see cref="AuditText.Records"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "record"), TextLimit(40)]
    public string? Record { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Routine sign-ins and sign-outs (<see cref="AuditActions.Sessions"/>) are shown when asked.</summary>
    [BindProperty(SupportsGet = true, Name = "signins")]
    public bool SignIns { get; set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> People { get; private set; } = [];
    public IReadOnlyList<(AuditEntry Entry, AuditText.Line Line)> Entries { get; private set; } = [];
    public bool HasMore { get; private set; }

    public string AgencyName(int? id) => id is null ? "—" : Agencies.FirstOrDefault(a => a.Id == id)?.Name ?? "";

    /// <summary>The filters as a query string, for the pager.</summary>
    public string Query(int page) => string.Join("&", new (string, object?)[] { ("agency", Agency), ("person", Person), ("record", Record), ("from", From?.ToString("yyyy-MM-dd")), ("to", To?.ToString("yyyy-MM-dd")), ("signins", SignIns ? "true" : null), ("page", page) }
        .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.ToString()!)}"));

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
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Agencies = await db.Agencies.AsNoTracking().Where(a => readable.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
        var people = await db.StaffUsers.AsNoTracking().Where(u => readable.Contains(u.AgencyId)).OrderBy(u => u.AgencyId).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        People = people.Select(p => (p.Id, p.DisplayName)).ToList();
        var query = db.AuditEntries.AsNoTracking();
        query = Agency is { } one
            ? query.Where(e => e.AgencyId == one)
            : AccessPolicy.HasEverywhere(staff.Role, Permission.ReadAudit)
                ? query
                : query.Where(e => e.AgencyId != null && readable.Contains(e.AgencyId.Value));
        if (Person is { } person)
        {
            query = query.Where(e => e.ActorUserId == person);
        }
        if (!string.IsNullOrEmpty(Record))
        {
            query = query.Where(e => e.EntityType == Record);
        }
        if (!SignIns)
        {
            query = query.Where(e => !AuditActions.Sessions.Contains(e.Action));
        }
        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset;
            query = query.Where(e => e.OccurredUtc >= start);
        }
        if (To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset;
            query = query.Where(e => e.OccurredUtc < end);
        }
        var rows = await query.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        rows = rows.Take(PageSize).ToList();
        var names = people.ToDictionary(p => p.Id, p => p.DisplayName);
        var subjects = await SubjectsAsync(rows, names, ct);
        Entries = rows.Select(e => (e, AuditText.Describe(e, e.ActorUserId is { } id && names.TryGetValue(id, out var shown) ? shown : e.ActorName,
            subjects.GetValueOrDefault((e.EntityType, e.EntityId))))).ToList();
        ViewData["Title"] = "审计日志";
        return Page();
    }

    /// <summary>The page's records by their names: applications by tracking number, items and reports by title, accounts by name.</summary>
    private async Task<Dictionary<(string, string), string>> SubjectsAsync(IReadOnlyList<AuditEntry> rows, IReadOnlyDictionary<int, string> people, CancellationToken ct)
    {
        List<int> Ids(string type) => rows.Where(r => r.EntityType == type && int.TryParse(r.EntityId, out _)).Select(r => int.Parse(r.EntityId, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var subjects = new Dictionary<(string, string), string>();
        var applications = Ids("DisclosureApplication");
        foreach (var a in await db.Applications.Where(a => applications.Contains(a.Id)).Select(a => new { a.Id, a.TrackingNumber }).ToListAsync(ct))
        {
            subjects[("DisclosureApplication", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = a.TrackingNumber;
        }
        var items = Ids("InfoItem");
        foreach (var i in await db.InfoItems.Where(i => items.Contains(i.Id)).Select(i => new { i.Id, i.Title }).ToListAsync(ct))
        {
            subjects[("InfoItem", i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = $"“{i.Title}”";
        }
        var reports = Ids("AnnualReportRecord");
        foreach (var r in await db.AnnualReports.Where(r => reports.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(ct))
        {
            subjects[("AnnualReportRecord", r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = $"“{r.Title}”";
        }
        foreach (var id in Ids("StaffUser").Where(people.ContainsKey))
        {
            subjects[("StaffUser", id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = people[id];
        }
        foreach (var id in Ids("Agency"))
        {
            subjects[("Agency", id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = AgencyName(id);
        }
        return subjects;
    }
}
