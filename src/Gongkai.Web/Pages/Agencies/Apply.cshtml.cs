using Gongkai.Web.Applications;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>
/// 依申请公开: the online application form. The ID number is checked by its check digit, the phone by
/// its form; a valid application is registered in the agency's queue with a tracking number and a
/// secret code, received today (<see cref="ReceiptRules.OnlineReceived"/>). Never refused for want of a
/// holiday notice: a deadline in a year without one is provisional (暂定).
/// </summary>
[EnableRateLimiting(ApplicationLimits.Policy)]
public sealed class ApplyModel(GongkaiDb db, PortalCache.PortalData portal, TimeProvider clock, WorkingCalendars calendars, SiteSettings site) : AgencyColumnPage(db, portal)
{
    public sealed record Done(string TrackingNumber, string Code, DateOnly Received, DateOnly Due, string? ProvisionalNote);

    public override ColumnSection Section => ColumnSection.Apply;

    [BindProperty]
    public ApplicantForm Form { get; set; } = new();

    public Done? Submitted { get; private set; }

    /// <summary>What was asked for, on the receipt (read back from the stored application, not carried in the cookie).</summary>
    public string? SubmittedDescription { get; private set; }

    /// <summary>The page's address, printed on the receipt: the site's public address (Site:PublicUrl), never the Host header a visitor sent.</summary>
    public string PageUrl => $"{site.Origin}{Request.Path}";

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await FindAgencyAsync(code, ct))
        {
            return NotFound();
        }
        Form.Validate(ModelState, nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var calendar = await calendars.CurrentAsync(Db, ct);
        var (application, secret) = ApplicationRecords.New(Form.ToApplicant(), Agency.Id, ReceiptRules.OnlineReceived(clock.GetUtcNow()), Channel.Online,
            calendar, clock.GetUtcNow().UtcDateTime);
        Db.Actor.Set(null, "公众（在线申请）");
        await ApplicationRecords.AddAsync(Db, application, ct);
        // Post/Redirect/Get: refreshing the confirmation never submits the application again.
        TempData[DoneKey] = System.Text.Json.JsonSerializer.Serialize(new Done(application.TrackingNumber, secret, application.Received, application.DueDate,
            calendar.IsProvisional(application.Received, application.DueDate) ? WorkingCalendar.ProvisionalNote(application.DueDate.Year) : null));
        return Redirect($"/agency/{Agency.ShortCode}/apply");
    }

    /// <summary>The paper application form (申请表) addressed to this agency, for people who apply in writing (Art. 29).</summary>
    public async Task<IActionResult> OnGetFormAsync(string code, CancellationToken ct)
    {
        if (!await FindAgencyAsync(code, ct))
        {
            return NotFound();
        }
        var a = Agency;
        var docx = Gongkai.Documents.Letters.ApplicationFormDocx.Render(new(a.Name, a.OfficeName, a.OfficeAddress, a.OfficePostcode, a.OfficePhone, a.OfficeFax,
            a.OfficeHours, $"{site.Origin}/agency/{a.ShortCode}/apply"));
        return File(docx, Gongkai.Documents.Letters.ApplicationFormDocx.ContentType, $"政府信息公开申请表（{a.Name}）.docx");
    }

    private const string DoneKey = "application-submitted";

    /// <summary>The confirmation, once, right after the submission; the code is never shown again.</summary>
    protected override async Task<IActionResult> LoadSectionAsync(CancellationToken ct)
    {
        if (TempData[DoneKey] is string done)
        {
            Submitted = System.Text.Json.JsonSerializer.Deserialize<Done>(done);
            SubmittedDescription = await Db.Applications.AsNoTracking().Where(a => a.TrackingNumber == Submitted!.TrackingNumber && a.AgencyId == Agency.Id)
                .Select(a => a.Description).SingleOrDefaultAsync(ct);
        }
        return Page();
    }
}
