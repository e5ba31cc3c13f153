namespace Gongkai.Web.Pages.Console.Reports;

/// <summary>Every edition of the annual reports of the agencies the staff member may read.</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff) : PageModel
{
    public IReadOnlyList<AnnualReportRecord> Reports { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Agencies { get; private set; } = new Dictionary<int, string>();
    public bool CanCreate => staff.HasAnywhere(Permission.EditReports);

    public string AgencyName(int id) => Agencies.GetValueOrDefault(id, "");

    /// <summary>Only editions in this state (the dashboard's links).</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public ReportStatus? Status { get; set; }

    /// <summary>"import-problems": imported editions that fail a check.</summary>
    [BindProperty(SupportsGet = true, Name = "show"), TextLimit(20)]
    public string? Show { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        Agencies = await db.Agencies.Where(a => readable.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var query = db.AnnualReports.AsNoTracking().Where(r => readable.Contains(r.AgencyId));
        if (Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        if (Show == "import-problems")
        {
            query = query.Where(r => r.SourceFileId != null && r.ErrorCount > 0 && r.Status != ReportStatus.Superseded);
        }
        Reports = await query
            .OrderByDescending(r => r.Year).ThenBy(r => r.AgencyId).ThenByDescending(r => r.Edition)
            .Select(r => new AnnualReportRecord
            {
                Id = r.Id, AgencyId = r.AgencyId, Year = r.Year, Edition = r.Edition, FormatCode = r.FormatCode, Status = r.Status,
                Title = r.Title, Content = "", ErrorCount = r.ErrorCount, WarningCount = r.WarningCount, UpdatedUtc = r.UpdatedUtc,
            })
            .ToListAsync(ct);
    }
}
