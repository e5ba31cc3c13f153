namespace Gongkai.Web.Pages.Console.Calendar;

/// <summary>
/// The system admin loads a year's holiday schedule when the State Council publishes it: pasted
/// from the notice, typed as lines of dates or uploaded as CSV; previewed with every open
/// application whose due date moves; loaded on confirmation.
/// </summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    [BindProperty, Display(Name = "年份"), Required(ErrorMessage = "请填写年份。"), Range(2008, 2100, ErrorMessage = "年份应在 2008 至 2100 之间。")]
    public int? Year { get; set; }

    /// <summary>The notice's text, or lines of dates.</summary>
    [BindProperty, Display(Name = "通知正文或日期"), TextLimit(HolidayNotice.MaxLength)]
    public string? Text { get; set; }

    [BindProperty, Display(Name = "或上传 CSV 文件")]
    public IFormFile? Upload { get; set; }

    /// <summary>The schedule as previewed, in the stored CSV form, posted back to load it.</summary>
    [BindProperty]
    public string? Csv { get; set; }

    public IReadOnlyList<CalendarSchedule> Loaded { get; private set; } = [];
    public string Covered { get; private set; } = "";

    /// <summary>The first year whose notice is not loaded: the one to load next.</summary>
    public int NextYear { get; private set; }

    public NoticeReading? Reading { get; private set; }
    public IReadOnlyList<WorkingCalendars.DueDateMove> Moves { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        await LoadAsync(ct);
        Year = NextYear;
        return Page();
    }

    /// <summary>A CSV to fill in: the year's statutory weekdays off, to be completed from the notice.</summary>
    public IActionResult OnGetTemplate(int year)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        return year is < 2008 or > 2100
            ? NotFound()
            : File(System.Text.Encoding.UTF8.GetBytes(HolidayNotice.Template(year)), "text/csv; charset=utf-8", $"节假日安排-{year}.csv");
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        var text = Text;
        if (ModelState.IsValid && Upload is { Length: > 0 })
        {
            if (Upload.Length > 1024 * 1024)
            {
                ModelState.AddModelError(nameof(Upload), "文件不超过 1 MB。");
            }
            else
            {
                using var reader = new StreamReader(Upload.OpenReadStream());
                text = await reader.ReadToEndAsync(ct);
            }
        }
        if (ModelState.IsValid && string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(nameof(Text), "请粘贴通知正文、逐行填写日期，或上传 CSV 文件。");
        }
        if (ModelState.IsValid)
        {
            try
            {
                Reading = HolidayNotice.Read(Year!.Value, text!);
                Moves = await calendars.PreviewAsync(db, Year.Value, Reading.Days, ct);
                Csv = HolidayNotice.ToCsv(Reading.Days);
            }
            catch (FormatException e)
            {
                ModelState.AddModelError(Upload is { Length: > 0 } ? nameof(Upload) : nameof(Text), e.Message);
            }
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
        if (ModelState.IsValid && string.IsNullOrWhiteSpace(Csv))
        {
            ModelState.AddModelError("", "请先预览再载入。");
        }
        if (ModelState.IsValid)
        {
            try
            {
                var result = await calendars.ImportAsync(db, Year!.Value, Csv!, staff.UserName, clock, ct);
                TempData["Notice"] = $"已载入 {result.Year} 年节假日安排第 {result.Version} 版；{result.ApplicationsMoved} 件未办结申请的答复期限随之更新。";
                return Redirect("/console/calendar");
            }
            catch (FormatException e)
            {
                ModelState.AddModelError("", e.Message);
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
        NextYear = years.Last() + 1;
    }
}
