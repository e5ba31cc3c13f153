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
        var received = ReportRecords.ChinaToday(clock);
        var calendar = WorkingCalendar.National;
        var domain = new ApplicationCase(received, Channel.Online, Form.Kind!.Value);
        var (tracking, secret, hash) = ApplicationRecords.NewCredentials(received, Agency.Id);
        var application = new DisclosureApplication
        {
            AgencyId = Agency.Id,
            TrackingNumber = tracking,
            AccessCodeHash = hash,
            Received = received,
            Channel = Channel.Online,
            Rules = domain.Rules,
            ApplicantKind = Form.Kind!.Value,
            ApplicantName = Form.Name!.Trim(),
            IdNumber = string.IsNullOrWhiteSpace(Form.IdNumber) ? null : Form.IdNumber.Trim().ToUpperInvariant(),
            Phone = Form.Phone!.Trim(),
            Email = string.IsNullOrWhiteSpace(Form.Email) ? null : Form.Email.Trim(),
            Address = string.IsNullOrWhiteSpace(Form.Address) ? null : Form.Address.Trim(),
            Description = Form.Description!.Trim(),
            FormWanted = Form.FormWanted!,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        ApplicationRecords.Refresh(application, domain, calendar);
        Db.Actor.Set(null, "公众（在线申请）");
        Db.Applications.Add(application);
        await Db.SaveChangesAsync(ct);
        Submitted = new Done(tracking, secret, application.DueDate);
        return Page();
    }
}
