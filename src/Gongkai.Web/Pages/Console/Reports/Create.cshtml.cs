using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Reports;

/// <summary>An agency admin starts the report for a year, in that year's format.</summary>
public sealed class CreateModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    /// <summary>The Regulation (国务院令第492号) took effect on 2008-05-01; no earlier reports exist.</summary>
    public const int FirstYear = 2008;

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
        var thisYear = ChinaTime.Today(clock).Year;
        if (Year is { } y && (y < FirstYear || y > thisYear))
        {
            ModelState.AddModelError(nameof(Year), $"年度应在 {FirstYear} 至 {thisYear} 之间。");
        }
        if (ReportFormats.LegacyVariants.All(f => f.Code != LegacyVariant))
        {
            ModelState.AddModelError(nameof(LegacyVariant), "请选择有效的统计表格式。");
        }
        if (ModelState.IsValid && await db.AnnualReports.AnyAsync(r => r.AgencyId == AgencyId && r.Year == Year, ct))
        {
            ModelState.AddModelError(nameof(Year), "该机构本年度的报告已存在，请打开已有报告修改或更正。");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var agency = await db.Agencies.SingleAsync(a => a.Id == AgencyId, ct);
        var report = AnnualReport.Blank(ReportFormats.ForYear(Year!.Value, LegacyVariant), agency.Name, Year.Value);
        var record = ReportRecords.NewEdition(agency.Id, Year.Value, 1, report, clock.GetUtcNow().UtcDateTime);
        db.AnnualReports.Add(record);
        await db.SaveChangesAsync(ct);
        return Redirect($"/console/reports/{record.Id}/edit");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var allowed = await staff.AgenciesWhereAsync(Permission.EditReports, ct);
        Agencies = await db.Agencies.AsNoTracking().Where(a => allowed.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
    }
}
