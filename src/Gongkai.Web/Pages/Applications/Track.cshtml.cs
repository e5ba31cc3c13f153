using Gongkai.Web.Applications;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Applications;

/// <summary>
/// The applicant's status page: by tracking number and secret code only, it shows the steps, the
/// due date and how it was computed — and nothing of anybody else.
/// </summary>
[EnableRateLimiting(ApplicationLimits.Policy)]
public sealed class TrackModel(GongkaiDb db, WorkingCalendars calendars) : PageModel
{
    public sealed record Result(DisclosureApplication Application, string AgencyName, ApplicationCase Case, Deadline Deadline);

    [BindProperty, Display(Name = "查询号"), Required(ErrorMessage = "请填写查询号。")]
    public string? TrackingNumber { get; set; }

    [BindProperty, Display(Name = "查询码"), Required(ErrorMessage = "请填写查询码。")]
    public string? Code { get; set; }

    public Result? Found { get; private set; }

    /// <summary>The link in the applicant's mails names the tracking number (never the code) and lands here with it filled in.</summary>
    public void OnGet([TextLimit(40)] string? number)
    {
        TrackingNumber = number?.Trim();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.TrackingNumber == TrackingNumber!.Trim(), ct);
        // The same answer, after the same work, whether the number or the code is wrong: nothing tells which numbers exist.
        if (!ApplicationRecords.Opens(application, Code!))
        {
            ModelState.AddModelError("", "查询号或查询码不正确。");
            return Page();
        }
        var calendar = await calendars.CurrentAsync(db, ct);
        var (domain, _) = await ApplicationRecords.LoadAsync(db, application, calendar, ct);
        var agency = await db.Agencies.Where(a => a.Id == application.AgencyId).Select(a => a.Name).SingleAsync(ct);
        Found = new Result(application, agency, domain, domain.Deadline(calendar));
        return Page();
    }
}
