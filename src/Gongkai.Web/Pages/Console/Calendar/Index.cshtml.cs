namespace Gongkai.Web.Pages.Console.Calendar;

/// <summary>The system admin loads the next year's holiday schedule when the State Council publishes it.</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    [BindProperty, Display(Name = "年份"), Required(ErrorMessage = "请填写年份。"), Range(2008, 2100, ErrorMessage = "年份应在 2008 至 2100 之间。")]
    public int? Year { get; set; }

    [BindProperty, Display(Name = "节假日安排文件"), Required(ErrorMessage = "请选择 CSV 文件。")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<CalendarSchedule> Loaded { get; private set; } = [];
    public string Covered { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        if (ModelState.IsValid && Upload!.Length > 1024 * 1024)
        {
            ModelState.AddModelError(nameof(Upload), "文件不超过 1 MB。");
        }
        if (ModelState.IsValid)
        {
            using var reader = new StreamReader(Upload!.OpenReadStream());
            var csv = await reader.ReadToEndAsync(ct);
            try
            {
                var result = await calendars.ImportAsync(db, Year!.Value, csv, staff.UserName, clock, ct);
                TempData["Notice"] = $"已载入 {result.Year} 年节假日安排第 {result.Version} 版；{result.ApplicationsMoved} 件未办结申请的答复期限随之更新。";
                return Redirect("/console/calendar");
            }
            catch (FormatException e)
            {
                ModelState.AddModelError(nameof(Upload), e.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Loaded = await db.CalendarSchedules.AsNoTracking().OrderByDescending(s => s.Year).ThenByDescending(s => s.Version).ToListAsync(ct);
        var years = (await calendars.CurrentAsync(db, ct)).CoveredYears.Order().ToList();
        Covered = $"{years.First()}—{years.Last()} 年";
    }
}
