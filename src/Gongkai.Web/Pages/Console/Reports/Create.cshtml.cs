using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Reports;

/// <summary>An agency admin starts the report for a year, in that year's format.</summary>
public sealed class CreateModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    private const int FirstYear = ReportEditions.FirstYear;

    [BindProperty, Display(Name = "机构"), Required(ErrorMessage = "请选择机构。")]
    public int? AgencyId { get; set; }

    [BindProperty, Display(Name = "年度"), Required(ErrorMessage = "请填写年度。")]
    public int? Year { get; set; }

    [BindProperty, Display(Name = "统计表格式（2018 年度及以前）")]
    public string LegacyVariant { get; set; } = "legacy-national";

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public int ThisYear => ChinaTime.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.EditReports))
        {
            return Forbid();
        }
        AgencyId = staff.AgencyId;
        await LoadAsync(ct);
        // The last finished year (Art. 49); when it has its report, this year's, to be drafted ahead; never a year that exists.
        var taken = await db.AnnualReports.Where(r => r.AgencyId == AgencyId).Select(r => r.Year).Distinct().ToListAsync(ct);
        var today = ChinaTime.Today(clock);
        Year = new[] { ReportWorkflow.DefaultYear(today), today.Year }.Cast<int?>().FirstOrDefault(y => !taken.Contains(y!.Value));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.EditReports) || (AgencyId is { } id && !await staff.CanAsync(Permission.EditReports, id, ct)))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var outcome = await ReportEditions.CreateAsync(db, AgencyId!.Value, Year!.Value, LegacyVariant, ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/console/reports/{outcome.Value!.Id}/edit");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var allowed = await staff.AgenciesWhereAsync(Permission.EditReports, ct);
        Agencies = await db.Agencies.AsNoTracking().Where(a => allowed.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
    }
}
