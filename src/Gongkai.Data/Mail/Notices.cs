using Gongkai.Data.Applications;
using Gongkai.Data.Calendar;
using Gongkai.Data.Disclosure;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Notifications;
using Gongkai.Domain.Staff;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gongkai.Data.Mail;

/// <summary>
/// The mails a save causes, written by the save itself in its transaction (see
/// <see cref="GongkaiDb.SaveChangesAsync(bool, CancellationToken)"/>): whatever records a step —
/// a console page, the public form, the command line — the applicant's mail exists exactly when
/// the step does. Read from the change tracker before the save, composed after its rows have keys.
/// </summary>
/// <param name="Site">The public address, for the links in the mails.</param>
public sealed class Notices(WorkingCalendars calendars, string site)
{
    public sealed record Pending(IReadOnlyList<DisclosureApplication> Applications, IReadOnlyList<ApplicationStep> Steps, IReadOnlyList<InfoItem> SentForReview)
    {
        public bool IsEmpty => Applications.Count == 0 && Steps.Count == 0 && SentForReview.Count == 0;
    }

    public static Pending Of(ChangeTracker tracker)
    {
        var applications = tracker.Entries<DisclosureApplication>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var steps = tracker.Entries<ApplicationStep>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var review = tracker.Entries<InfoItem>()
            .Where(e => e.Entity.Status == ItemStatus.InReview && (e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(i => i.Status).OriginalValue != ItemStatus.InReview)))
            .Select(e => e.Entity).ToList();
        return new Pending(applications, steps, review);
    }

    /// <summary>Adds the outbox rows for <paramref name="pending"/> (saved by the caller in the same transaction).</summary>
    public async Task AddAsync(GongkaiDb db, Pending pending, DateTime nowUtc, CancellationToken ct)
    {
        foreach (var application in pending.Applications.Where(a => a.Email is not null))
        {
            // What arrived on paper or in person gets the written receipt too (Receipt_OnlyForPaperChannels).
            var receipt = ProceduralLetters.NeedsReceipt(application.Channel)
                ? await LetterAsync(db, application, ProceduralLetter.Receipt, null, ct)
                : null;
            await ToApplicantAsync(db, application, MessageKind.Receipt, new() { ["答复期限"] = ReportHtml.Date(application.DueDate) }, receipt, nowUtc, ct);
        }
        foreach (var step in pending.Steps)
        {
            if (await db.Applications.FindAsync([step.ApplicationId], ct) is not { Email: not null } application)
            {
                continue;
            }
            switch (step.Kind)
            {
                case StepKind.RequestSupplement:
                    await ToApplicantAsync(db, application, MessageKind.SupplementRequested, new() { ["补正内容"] = step.Reason, ["告知日期"] = ReportHtml.Date(step.Date) },
                        await LetterAsync(db, application, ProceduralLetter.SupplementNotice, step, ct), nowUtc, ct);
                    break;
                case StepKind.Extend:
                    await ToApplicantAsync(db, application, MessageKind.Extended, new() { ["延期理由"] = step.Reason, ["答复期限"] = ReportHtml.Date(application.DueDate) },
                        await LetterAsync(db, application, ProceduralLetter.ExtensionNotice, step, ct), nowUtc, ct);
                    break;
                case StepKind.SendFeeNotice:
                    var calendar = await calendars.CurrentAsync(db, ct);
                    await ToApplicantAsync(db, application, MessageKind.FeeNotice, new()
                    {
                        ["收费金额"] = (step.Amount ?? 0).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                        ["缴费期限"] = ReportHtml.Date(ApplicationCase.FeeDueAfter(calendar, step.Date)),
                    }, null, nowUtc, ct);
                    break;
                case StepKind.Reply or StepKind.DeemAbandonedNoSupplement or StepKind.DeemAbandonedUnpaid when application is { ReplyType: { } type, AnsweredOn: { } on }:
                    byte[]? letter;
                    try
                    {
                        letter = await ApplicationLetters.ReplyAsync(db, application, (type, on), site, ct);
                    }
                    catch (LetterIncompleteException)
                    {
                        letter = null; // the reply stands; the clerk is told what is missing when making the letter
                    }
                    await ToApplicantAsync(db, application, MessageKind.Reply, new() { ["答复结果"] = type.Label(), ["答复日期"] = ReportHtml.Date(on) },
                        letter is null ? null : (ApplicationLetters.ReplyFileName(application), letter), nowUtc, ct);
                    break;
            }
        }
        foreach (var item in pending.SentForReview)
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == item.AgencyId).Select(a => a.Name).SingleAsync(ct);
            var template = await MessageTemplateRecord.ForAsync(db, item.AgencyId, MessageKind.ReviewRequested, ct);
            var text = MessageTemplates.Fill(template, new Dictionary<string, string>
            {
                ["机关"] = agency, ["标题"] = item.Title, ["索引号"] = item.IndexNumber, ["提交人"] = item.AuthorName, ["链接"] = $"{site}/console/items/{item.Id}",
            });
            var reviewers = await db.StaffUsers.AsNoTracking()
                .Where(u => u.AgencyId == item.AgencyId && u.IsActive && u.Role == StaffRole.Reviewer && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
            foreach (var reviewer in reviewers)
            {
                db.Outbox.Add(New(item.AgencyId, null, MessageKind.ReviewRequested, reviewer, text, null, nowUtc));
            }
        }
    }

    /// <summary>A procedural letter to attach, named for its title; none when a required element is empty (the clerk is told when making it).</summary>
    private async Task<(string Name, byte[] Bytes)?> LetterAsync(GongkaiDb db, DisclosureApplication application, ProceduralLetter letter, ApplicationStep? step, CancellationToken ct)
    {
        try
        {
            var bytes = await ApplicationLetters.ProceduralAsync(db, application, letter, step, await calendars.CurrentAsync(db, ct), site, ct);
            return (ApplicationLetters.FileName(letter, application), bytes);
        }
        catch (LetterIncompleteException)
        {
            return null;
        }
    }

    private async Task ToApplicantAsync(GongkaiDb db, DisclosureApplication application, MessageKind kind, Dictionary<string, string> values, (string Name, byte[] Bytes)? attachment, DateTime nowUtc, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == application.AgencyId).Select(a => a.Name).SingleAsync(ct);
        values["申请人"] = application.ApplicantName;
        values["机关"] = agency;
        values["查询号"] = application.TrackingNumber;
        values["收到日期"] = ReportHtml.Date(application.Received);
        values["所需信息"] = application.Description;
        values["查询地址"] = TrackingAddress(application.TrackingNumber);
        var text = MessageTemplates.Fill(await MessageTemplateRecord.ForAsync(db, application.AgencyId, kind, ct), values);
        db.Outbox.Add(New(application.AgencyId, application.Id, kind, application.Email!, text, attachment, nowUtc));
    }

    /// <summary>The tracking page with the number filled in; the access code is never in a link.</summary>
    public string TrackingAddress(string trackingNumber) => ApplicationLetters.TrackingAddress(site, trackingNumber);

    public string Site => site;

    public static OutboxMessage New(int? agencyId, int? applicationId, MessageKind kind, string to, MessageTemplates.Template text, (string Name, byte[] Bytes)? attachment, DateTime nowUtc, string? dedupeKey = null) => new()
    {
        AgencyId = agencyId, ApplicationId = applicationId, Kind = kind, Recipient = to, Subject = text.Subject, TextBody = text.Body,
        AttachmentName = attachment?.Name, Attachment = attachment?.Bytes, DedupeKey = dedupeKey,
        State = OutboxState.Pending, CreatedUtc = nowUtc, NextAttemptUtc = nowUtc,
    };
}
