using Gongkai.Web.Applications;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>
/// 依申请公开: the online application form. The ID number is checked by its check digit, the phone by
/// its form; a valid application is registered in the agency's queue with a tracking number and a
/// secret code, received today (Art. 31: online, the day both sides confirm — the submission).
/// </summary>
[EnableRateLimiting(ApplicationLimits.Policy)]
public sealed class ApplyModel(GongkaiDb db, PortalCache.PortalData portal, TimeProvider clock, WorkingCalendars calendars) : AgencyColumnPage(db, portal)
{
    public sealed record Done(string TrackingNumber, string Code, DateOnly Due);

    public override ColumnSection Section => ColumnSection.Apply;

    [BindProperty]
    public ApplicantForm Form { get; set; } = new();

    public Done? Submitted { get; private set; }

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
        DisclosureApplication application;
        string secret;
        try
        {
            (application, secret) = ApplicationRecords.New(Form.ToApplicant(), Agency.Id, ChinaTime.Today(clock), Channel.Online,
                await calendars.CurrentAsync(Db, ct), clock.GetUtcNow().UtcDateTime);
        }
        catch (CalendarGapException)
        {
            // The deadline would run into a year whose holiday schedule an admin has not loaded yet.
            ModelState.AddModelError("", "系统暂时无法计算答复期限，在线申请暂停受理。请通过电话或当面向政府信息公开工作机构提出申请。");
            return Page();
        }
        Db.Actor.Set(null, "公众（在线申请）");
        await ApplicationRecords.AddAsync(Db, application, ct);
        // Post/Redirect/Get: refreshing the confirmation never submits the application again.
        TempData[DoneKey] = System.Text.Json.JsonSerializer.Serialize(new Done(application.TrackingNumber, secret, application.DueDate));
        return Redirect($"/agency/{Agency.ShortCode}/apply");
    }

    private const string DoneKey = "application-submitted";

    /// <summary>The confirmation, once, right after the submission; the code is never shown again.</summary>
    protected override Task<IActionResult> LoadSectionAsync(CancellationToken ct)
    {
        if (TempData[DoneKey] is string done)
        {
            Submitted = System.Text.Json.JsonSerializer.Deserialize<Done>(done);
        }
        return Task.FromResult<IActionResult>(Page());
    }
}
