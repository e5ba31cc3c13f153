namespace Gongkai.Web.Pages.Agencies;

/// <summary>The sections of an agency's 政府信息公开 column, in the order the portal shows them.</summary>
public enum ColumnSection
{
    Home,
    Guide,
    Rules,
    Catalog,
    Reports,
    Apply,
}

/// <summary>A page inside one agency's 政府信息公开 column, found by the agency's short code.</summary>
public abstract class AgencyColumnPage(GongkaiDb db, PortalCache.PortalData portal) : PageModel
{
    public Agency Agency { get; private set; } = null!;
    public abstract ColumnSection Section { get; }

    public static IReadOnlyList<(ColumnSection Section, string Title, string Path)> Sections { get; } =
    [
        (ColumnSection.Guide, "政府信息公开指南", "guide"),
        (ColumnSection.Rules, "政府信息公开制度", "rules"),
        (ColumnSection.Catalog, "法定主动公开内容", "catalog"),
        (ColumnSection.Reports, "政府信息公开年报", "reports"),
        (ColumnSection.Apply, "依申请公开", "apply"),
    ];

    protected GongkaiDb Db => db;

    /// <summary>What the portal's pages read over and over, dropped when it changes.</summary>
    protected PortalCache.PortalData Portal => portal;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await FindAgencyAsync(code, ct))
        {
            return NotFound();
        }
        return await LoadSectionAsync(ct);
    }

    /// <summary>Finds the column's agency by its code; false when there is none.</summary>
    protected async Task<bool> FindAgencyAsync(string code, CancellationToken ct)
    {
        var key = code.ToLowerInvariant();
        var agency = await portal.GetAsync($"agency:{key}", () => db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.ShortCode == key, ct));
        if (agency is null)
        {
            return false;
        }
        Agency = agency;
        ViewData["Title"] = Section == ColumnSection.Home
            ? $"{agency.Name} 政府信息公开"
            : $"{Sections.Single(s => s.Section == Section).Title} - {agency.Name}";
        return true;
    }

    /// <summary>Loads what the section shows, once the agency is known.</summary>
    protected virtual Task<IActionResult> LoadSectionAsync(CancellationToken ct) => Task.FromResult<IActionResult>(Page());
}
