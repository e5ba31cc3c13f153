using Gongkai.Data;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Applications;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>
/// 依申请公开: the online application form. The ID number is checked by its check digit, the phone by
/// its form; a valid application is registered in the agency's queue with a tracking number and a
/// secret code, received today (Art. 31: online, the day both sides confirm — the submission).
/// </summary>
[EnableRateLimiting(ApplicationLimits.Policy)]
public sealed class ApplyModel(GongkaiDb db, TimeProvider clock) : AgencyColumnPage(db)
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
        var (application, secret) = ApplicationRecords.New(Form, Agency.Id, ReportRecords.ChinaToday(clock), Channel.Online,
            WorkingCalendar.National, clock.GetUtcNow().UtcDateTime);
        Db.Actor.Set(null, "公众（在线申请）");
        Db.Applications.Add(application);
        await Db.SaveChangesAsync(ct);
        Submitted = new Done(application.TrackingNumber, secret, application.DueDate);
        return Page();
    }
}
