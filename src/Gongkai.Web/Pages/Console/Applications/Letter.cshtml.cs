namespace Gongkai.Web.Pages.Console.Applications;

/// <summary>
/// An application's letters as DOCX: the reply letter (告知书, from the agency's template for the
/// reply type), the fee notice (收费通知书) and the procedural letters made at their steps (受理回执,
/// 补正告知书, 第三方意见征询函, 延期答复告知书). A letter Art. 36 finds incomplete is not made; the
/// page says what is missing.
/// </summary>
public sealed class LetterModel(GongkaiDb db, StaffContext staff, WorkingCalendars calendars, Gongkai.Data.Mail.Notices notices) : PageModel
{
    /// <summary>The reply letter's name in the address; the fee notice's; otherwise a <see cref="ProceduralLetter"/>.</summary>
    public const string Reply = "reply", FeeNotice = "fee-notice";

    /// <remarks>Addresses are lowercase (<see cref="CanonicalPaths"/>), so is a procedural letter's name in them.</remarks>
    public static string Address(int applicationId, string letter) => $"/console/applications/{applicationId}/letters/{letter.ToLowerInvariant()}";

    public int ApplicationId { get; private set; }

    /// <summary>Why the letter was not made.</summary>
    public string Missing { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, string letter, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, ct);
        // Another agency's application answers as a missing one: its ids are not to be probed.
        if (application is null || !await staff.CanAsync(Permission.ReadRecords, application.AgencyId, ct))
        {
            return NotFound();
        }
        ApplicationId = id;
        var calendar = await calendars.CurrentAsync(db, ct);
        var (domain, steps) = await ApplicationRecords.LoadAsync(db, application, calendar, ct);
        try
        {
            switch (letter)
            {
                case Reply when domain.Reply is { } reply:
                    return File(await ApplicationLetters.ReplyAsync(db, application, reply, notices.Site, ct), ApplicationLetters.DocxType, ApplicationLetters.ReplyFileName(application));
                case FeeNotice when domain.FeeNotice is { } notice:
                    return File(await ApplicationLetters.FeeNoticeAsync(db, application, notice, calendar, ct), ApplicationLetters.DocxType, $"收费通知书-{application.TrackingNumber}.docx");
                case Reply or FeeNotice:
                    return NotFound();
            }
            var available = Enum.TryParse<ProceduralLetter>(letter, ignoreCase: true, out var procedural) && Enum.IsDefined(procedural)
                ? ApplicationLetters.Available(application, steps).Where(l => l.Letter == procedural).ToList()
                : [];
            if (available.Count == 0)
            {
                return NotFound();
            }
            return File(await ApplicationLetters.ProceduralAsync(db, application, procedural, available[0].Step, calendar, notices.Site, ct),
                ApplicationLetters.DocxType, ApplicationLetters.FileName(procedural, application));
        }
        catch (LetterIncompleteException e)
        {
            Missing = e.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }
}
