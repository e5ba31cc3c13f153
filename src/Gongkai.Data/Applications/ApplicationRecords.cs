using System.Security.Cryptography;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Data.Applications;

/// <summary>Between stored applications and the domain's <see cref="ApplicationCase"/>: registering, replaying, the applicant's other requests.</summary>
public static class ApplicationRecords
{
    private static readonly PasswordHasher<DisclosureApplication> Hasher = new();

    /// <summary>The application's case as its recorded steps leave it, and the steps.</summary>
    public static async Task<(ApplicationCase Case, IReadOnlyList<ApplicationStep> Steps)> LoadAsync(GongkaiDb db, DisclosureApplication application, WorkingCalendar calendar, CancellationToken ct)
    {
        var steps = await db.ApplicationSteps.AsNoTracking().Where(s => s.ApplicationId == application.Id).OrderBy(s => s.Id).ToListAsync(ct);
        return (Replay(application.Received, application.Channel, application.ApplicantKind, application.Rules, steps, calendar), steps);
    }

    /// <summary>Everything the clerk's page shows about one application: its case and deadline, steps, appeals, letters and the staff who acted.</summary>
    public sealed record ApplicationFile(DisclosureApplication Application, ApplicationCase Case, IReadOnlyList<ApplicationStep> Steps, Deadline Deadline,
        IReadOnlyList<AppealRecord> Appeals, int RequestNumberInMonth, IReadOnlyList<ProceduralLetter> Letters,
        IReadOnlyDictionary<int, string> StaffNames)
    {
        /// <summary>This agency's published items a 36(一) reply may point to (the newest first); filled only where a reply may be recorded.</summary>
        public IReadOnlyList<(string IndexNumber, string Title)> PublishedItems { get; init; } = [];
    }

    /// <summary>
    /// Reads what the clerk's page shows to a reader who <paramref name="mayEdit"/> (and
    /// <paramref name="mayApprove"/>): the published items a reply may point to are read only
    /// when the case allows this reader a reply now.
    /// </summary>
    public static async Task<ApplicationFile> FileAsync(GongkaiDb db, DisclosureApplication application, WorkingCalendar calendar, bool mayEdit, bool mayApprove, CancellationToken ct)
    {
        var (domain, steps) = await LoadAsync(db, application, calendar, ct);
        var actors = steps.Where(s => s.ActorUserId is not null).Select(s => s.ActorUserId!.Value).Distinct().ToList();
        var file = new ApplicationFile(application, domain, steps, domain.Deadline(calendar),
            await db.Appeals.AsNoTracking().Where(a => a.ApplicationId == application.Id).OrderBy(a => a.Id).ToListAsync(ct),
            await RequestNumberInMonthAsync(db, application, ct),
            ApplicationLetters.Available(application, steps).Select(l => l.Letter).ToList(),
            await db.StaffUsers.Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct));
        if (!mayEdit || !domain.AllowedSteps(mayApprove).Contains(StepKind.Reply))
        {
            return file;
        }
        var items = await db.InfoItems.AsNoTracking()
            .Where(i => i.AgencyId == application.AgencyId && i.Status == Domain.Disclosure.ItemStatus.Published)
            .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Take(200).Select(i => new { i.IndexNumber, i.Title }).ToListAsync(ct);
        return file with { PublishedItems = items.Select(i => (i.IndexNumber, i.Title)).ToList() };
    }

    /// <summary>The one replay of an application: its recorded steps, in the order recorded, through the domain.</summary>
    public static ApplicationCase Replay(DateOnly received, Channel channel, ApplicantKind kind, ReplyRules rules, IEnumerable<ApplicationStep> steps, WorkingCalendar calendar)
    {
        var domain = new ApplicationCase(received, channel, kind, rules);
        foreach (var step in steps.OrderBy(s => s.Id))
        {
            domain.Record(step.ToDomain(), calendar);
        }
        return domain;
    }

    /// <summary>
    /// A new application from what the applicant gave, received on <paramref name="received"/> by
    /// <paramref name="channel"/>, with its tracking number; returns the secret code to show once.
    /// </summary>
    public static (DisclosureApplication Application, string Code) New(Applicant applicant, int agencyId, DateOnly received, Channel channel, WorkingCalendar calendar, DateTime nowUtc)
    {
        var domain = new ApplicationCase(received, channel, applicant.Kind);
        var (tracking, code, hash) = NewCredentials(received, agencyId);
        var application = new DisclosureApplication
        {
            AgencyId = agencyId,
            TrackingNumber = tracking,
            AccessCodeHash = hash,
            Received = received,
            Channel = channel,
            Rules = domain.Rules,
            ApplicantKind = applicant.Kind,
            ApplicantName = applicant.Name.Trim(),
            IdNumber = Blank(applicant.IdNumber)?.ToUpperInvariant(),
            Phone = applicant.Phone.Trim(),
            Email = Blank(applicant.Email),
            Address = Blank(applicant.Address),
            Description = applicant.Description.Trim(),
            FormWanted = applicant.FormWanted,
            CreatedUtc = nowUtc,
        };
        application.Follow(domain, calendar);
        return (application, code);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// The full ID number of an application, for the member handling it who needs it (checking an
    /// applicant's identity, 条例第二十九条); each look is an audit entry naming who looked
    /// (个人信息保护法 第五十一条). Null when the application has none.
    /// </summary>
    public static async Task<string?> RevealIdNumberAsync(GongkaiDb db, DisclosureApplication application, CancellationToken ct)
    {
        if (application.IdNumber is not { } number)
        {
            return null;
        }
        var plain = Protection.PersonalDataCipher.IsSealed(number) ? db.PersonalData.Open(number) : number;
        await db.RecordEventAsync(AuditActions.Revealed, nameof(DisclosureApplication), application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            application.AgencyId, new { field = "IdNumber", shown = application.IdNumberMasked }, ct);
        return plain;
    }

    /// <summary>The day 国务院令第492号 came into force: no application can be received before it.</summary>
    public static readonly DateOnly FirstReceiptDay = new(2008, 5, 1);

    /// <summary>
    /// Registers an application received on paper, in person, by fax or by telephone (the console's
    /// form and <c>gongkai application register</c>): received neither in the future nor before the
    /// Regulation, never refused for want of a holiday notice (the deadline is then 暂定) nor for a
    /// submitted report year (a late record, <see cref="Domain.Reports.RecordLock.LateRecordReason"/>).
    /// </summary>
    /// <param name="correctionReason">Given when the clerk is correcting a submitted year on purpose.</param>
    public static async Task<Outcome<(DisclosureApplication Application, string Code)>> RegisterAsync(GongkaiDb db, Applicant applicant, int agencyId,
        DateOnly received, Channel channel, WorkingCalendar calendar, DateOnly today, DateTime nowUtc, string? correctionReason, CancellationToken ct)
    {
        if (received > today)
        {
            return Outcome<(DisclosureApplication, string)>.Of(Outcome.Refused("收到申请之日不能晚于今天。", "Received"), default);
        }
        if (received < FirstReceiptDay)
        {
            return Outcome<(DisclosureApplication, string)>.Of(Outcome.Refused("收到申请之日不能早于 2008 年 5 月 1 日（政府信息公开条例施行之日）。", "Received"), default);
        }
        var (application, code) = New(applicant, agencyId, received, channel, calendar, nowUtc);
        db.Applications.Add(application);
        db.CorrectionReason = CorrectionReasons.Normalise(correctionReason);
        return Outcome<(DisclosureApplication, string)>.Of(await Outcome.SaveAsync(db, ct), (application, code));
    }

    /// <summary>
    /// Records a step on an application read at <paramref name="version"/>: the domain checks the
    /// step against the lifecycle (refused with the rule), the stored status and due date follow,
    /// the step is kept with its actor; stale when another clerk recorded a step meanwhile.
    /// </summary>
    public static async Task<Outcome> RecordStepAsync(GongkaiDb db, DisclosureApplication application, ApplicationCase domain, CaseStep step, int version,
        WorkingCalendar calendar, int? actorUserId, DateTime nowUtc, string? correctionReason, CancellationToken ct)
    {
        if (version != application.Version)
        {
            return new Outcome(OutcomeKind.Stale, [new Problem(null, Outcome.StaleMessage)]);
        }
        step = step.Tidy();
        if (step.ItemIndex is { } index && await ApplicationLetters.PublishedItemAsync(db, index, ct) is null)
        {
            // 36(一) points the applicant to where the information is: it has to be there.
            return Outcome.Refused($"找不到索引号为“{index}”的已公开信息。", nameof(CaseStep.ItemIndex));
        }
        try
        {
            domain.Record(step, calendar);
        }
        catch (Exception e) when (e is CaseStepException or CalendarGapException)
        {
            // A date past the calendar's reach (the form fuzz posted 4566-04-30) is refused with the calendar's own words, as an illegal step is.
            return Outcome.Refused(e.Message);
        }
        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        application.Version = version + 1;
        application.Follow(domain, calendar);
        db.ApplicationSteps.Add(ApplicationStep.From(step, application, actorUserId, nowUtc));
        db.CorrectionReason = CorrectionReasons.Normalise(correctionReason);
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>Records a reconsideration or lawsuit about an application; it cannot predate the application.</summary>
    public static async Task<Outcome> AddAppealAsync(GongkaiDb db, DisclosureApplication application, AppealKind kind, DateOnly filed, string body,
        DateTime nowUtc, string? correctionReason, CancellationToken ct)
    {
        if (new Appeal(kind, filed, body).Problem(application.Received) is { } problem)
        {
            return Outcome.Refused(problem, "Filed");
        }
        db.Appeals.Add(new AppealRecord
        {
            AgencyId = application.AgencyId, ApplicationId = application.Id, Kind = kind, Filed = filed, Body = body.Trim(), CreatedUtc = nowUtc,
        });
        db.CorrectionReason = CorrectionReasons.Normalise(correctionReason);
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>Records how a reconsideration or lawsuit ended; it cannot end before it was filed.</summary>
    public static async Task<Outcome> DecideAppealAsync(GongkaiDb db, AppealRecord appeal, DateOnly? decided, AppealResult? result, string? correctionReason, CancellationToken ct)
    {
        if ((appeal.ToDomain() with { Decided = decided }).Problem(DateOnly.MinValue) is { } problem)
        {
            return Outcome.Refused(problem, "Decided");
        }
        appeal.Decided = decided;
        appeal.Result = result;
        db.CorrectionReason = CorrectionReasons.Normalise(correctionReason);
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>A tracking number: the day received, the agency, six random digits.</summary>
    public static string NewTrackingNumber(DateOnly received, int agencyId) =>
        $"{received:yyyyMMdd}{agencyId % 1000:D3}{RandomNumberGenerator.GetInt32(0, 1_000_000):D6}";

    /// <summary>A new tracking number and secret code; the code is shown once and stored only as a hash.</summary>
    public static (string TrackingNumber, string Code, string Hash) NewCredentials(DateOnly received, int agencyId)
    {
        var tracking = NewTrackingNumber(received, agencyId);
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var code = new string(Enumerable.Range(0, 8).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
        return (tracking, code, Hasher.HashPassword(null!, code));
    }

    /// <summary>
    /// Stores a new application. Tracking numbers are random, so two submissions of one agency on
    /// one day may draw the same one: the second then draws again, up to five times, instead of
    /// losing the citizen's submission.
    /// </summary>
    public static async Task AddAsync(GongkaiDb db, DisclosureApplication application, CancellationToken ct = default)
    {
        db.Applications.Add(application);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < 5 && Outcome.IsUniqueViolation(e, "tracking_number"))
            {
                application.TrackingNumber = NewTrackingNumber(application.Received, application.AgencyId);
            }
        }
    }

    /// <summary>A hash no code matches, checked when the tracking number is unknown, so that a lookup takes as long either way.</summary>
    private static readonly string NoApplication = Hasher.HashPassword(null!, Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Whether <paramref name="code"/> opens <paramref name="application"/>; with no application the
    /// same work is done against a hash no code matches, so the time taken does not tell which
    /// tracking numbers exist.
    /// </summary>
    public static bool Opens([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] DisclosureApplication? application, string code)
    {
        var matches = Hasher.VerifyHashedPassword(null!, application?.AccessCodeHash ?? NoApplication, code.Trim().ToUpperInvariant()) != PasswordVerificationResult.Failed;
        t_codesHashed++;
        return application is not null && matches;
    }

    [ThreadStatic]
    private static int t_codesHashed;

    /// <summary>How many codes this thread has checked against a hash — a missing number's too: the timing defence of <see cref="Opens"/>, made countable.</summary>
    public static int CodesHashedOnThisThread => t_codesHashed;

    /// <summary>
    /// Which of the same applicant's requests to the agency in the natural month this one is, in the
    /// order received (按件计收 counts requests so, 国办函〔2020〕109号). The same applicant: by ID
    /// number when there is one (its lookup value: the number itself is sealed), else by name and phone.
    /// </summary>
    public static Task<int> RequestNumberInMonthAsync(GongkaiDb db, DisclosureApplication application, CancellationToken ct = default)
    {
        var monthStart = new DateOnly(application.Received.Year, application.Received.Month, 1);
        return db.Applications.AsNoTracking()
            .Where(a => a.AgencyId == application.AgencyId && a.Received >= monthStart && a.Received <= application.Received
                && (application.IdNumberLookup != null ? a.IdNumberLookup == application.IdNumberLookup : a.ApplicantName == application.ApplicantName && a.Phone == application.Phone)
                && (a.Received < application.Received || a.Id <= application.Id))
            .CountAsync(ct);
    }
}
