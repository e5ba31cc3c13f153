using Gongkai.Web.Applications;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Applications;

/// <summary>
/// The applicant's status page: by tracking number and secret code only, it shows the steps, the
/// due date and how it was computed — and nothing of anybody else.
/// </summary>
[EnableRateLimiting(ApplicationLimits.Policy)]
public sealed class TrackModel(GongkaiDb db, WorkingCalendars calendars, TimeProvider clock, Gongkai.Data.Mail.Notices notices) : PageModel
{
    /// <param name="WorkingDaysLeft">Working days to the due date while the application is open (negative: overdue); null once answered.</param>
    public sealed record Result(DisclosureApplication Application, string AgencyName, ApplicationCase Case, Deadline Deadline, int? WorkingDaysLeft);

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
        Found = await OpenAsync(ct);
        return Page();
    }

    /// <summary>The reply letter (告知书) as the agency made it, for the applicant who gives the number and the code — never by the number alone.</summary>
    public async Task<IActionResult> OnPostLetterAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || await OpenAsync(ct) is not { } found)
        {
            return Page();
        }
        if (found.Case.Reply is not { } reply)
        {
            Found = found;
            ModelState.AddModelError("", "本申请尚未答复，还没有答复告知书。");
            return Page();
        }
        try
        {
            return File(await ApplicationLetters.ReplyAsync(db, found.Application, reply, notices.Site, ct), ApplicationLetters.DocxType, ApplicationLetters.ReplyFileName(found.Application));
        }
        catch (LetterIncompleteException)
        {
            Found = found;
            ModelState.AddModelError("", "答复告知书暂不能在线下载，请与政府信息公开工作机构联系领取。");
            return Page();
        }
    }

    private async Task<Result?> OpenAsync(CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.TrackingNumber == TrackingNumber!.Trim(), ct);
        // The same answer, after the same work, whether the number or the code is wrong: nothing tells which numbers exist.
        if (!ApplicationRecords.Opens(application, Code!))
        {
            ModelState.AddModelError("", "查询号或查询码不正确。");
            return null;
        }
        var calendar = await calendars.CurrentAsync(db, ct);
        var (domain, _) = await ApplicationRecords.LoadAsync(db, application, calendar, ct);
        var agency = await db.Agencies.Where(a => a.Id == application.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var deadline = domain.Deadline(calendar);
        var left = domain.Reply is null ? Gongkai.Domain.Notifications.StaffDigest.WorkingDaysLeft(calendar, ChinaTime.Today(clock), deadline.Due) : (int?)null;
        return new Result(application, agency, domain, deadline, left);
    }
}
