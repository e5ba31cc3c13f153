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
        Db.Applications.Add(application);
        await Db.SaveChangesAsync(ct);
        Submitted = new Done(application.TrackingNumber, secret, application.DueDate);
        return Page();
    }
}
