using Gongkai.Documents.Files;
using Gongkai.Documents.Items;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Data.Disclosure;

/// <summary>A piece of personal data found in an item, and where: the body or an attachment.</summary>
public sealed record ItemFinding(string Source, PersonalDataFinding Finding);

/// <summary>Between stored information items and the disclosure rules.</summary>
public static class ItemRecords
{
    /// <summary>Personal data in the body and in the attachments' text.</summary>
    public static async Task<IReadOnlyList<ItemFinding>> FindingsAsync(GongkaiDb db, InfoItem item, CancellationToken ct)
    {
        var attachments = await db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == item.Id).Select(a => new { a.FileName, a.Text }).ToListAsync(ct);
        return
        [
            .. PersonalDataGuard.Find(item.Title + "\n" + item.BodyText).Select(f => new ItemFinding("正文", f)),
            .. attachments.SelectMany(a => PersonalDataGuard.Find(a.Text).Select(f => new ItemFinding($"附件“{a.FileName}”", f))),
        ];
    }

    /// <summary>Findings that still block publication: all of them, unless a reviewer recorded why they may be published.</summary>
    public static int Open(InfoItem item, IReadOnlyList<ItemFinding> findings) => item.PersonalDataOverride is null ? findings.Count : 0;

    /// <summary>
    /// Takes a workflow action on a tracked item: the status and dates the workflow gives, the
    /// sign-off kept for ever, the audit note. Saving it also updates the search index. Throws
    /// <see cref="ItemWorkflowException"/> when the action may not happen.
    /// </summary>
    public static void Act(GongkaiDb db, InfoItem item, ItemAction action, Actor actor, string? opinion, int openFindings, DateOnly today, DateTime nowUtc)
    {
        var status = ItemWorkflow.Next(item.Status, action, actor, item.AuthorId, opinion, openFindings);
        var dates = ItemWorkflow.DatesAfter(action, new ItemDates(item.PublishedOn, item.WithdrawnOn, item.WithdrawReason), opinion, today);
        (item.Status, item.PublishedOn, item.WithdrawnOn, item.WithdrawReason, item.UpdatedUtc) = (status, dates.PublishedOn, dates.WithdrawnOn, dates.WithdrawReason, nowUtc);
        db.ItemSignOffs.Add(new ItemSignOff
        {
            ItemId = item.Id, AgencyId = item.AgencyId, Action = action, UserId = actor.UserId, UserName = actor.Name, AtUtc = nowUtc,
            Opinion = string.IsNullOrWhiteSpace(opinion) ? action.Label() : opinion.Trim(),
        });
        db.AuditNote = $"{action.Label()}：{item.Title}";
    }

    /// <summary>
    /// The workflow action on an item read at <paramref name="version"/>: stale when someone acted
    /// meanwhile; refused with the workflow's reason (<see cref="ItemWorkflow.Next"/>); else the
    /// sign-off, the dates and the audit note saved together (the search index follows the save).
    /// </summary>
    public static async Task<Outcome> ActAsync(GongkaiDb db, InfoItem item, ItemAction action, Actor actor, string? opinion, int version,
        DateOnly today, DateTime nowUtc, string? correctionReason, CancellationToken ct)
    {
        if (version != item.Version)
        {
            return new Outcome(OutcomeKind.Stale, [new Problem(null, Outcome.StaleMessage)]);
        }
        try
        {
            Act(db, item, action, actor, opinion, Open(item, await FindingsAsync(db, item, ct)), today, nowUtc);
        }
        catch (ItemWorkflowException e)
        {
            return Outcome.Refused(e.Message);
        }
        db.CorrectionReason = CorrectionReasons.Normalise(correctionReason);
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>What masking did: the pieces masked, and the attachments that could not be masked in the file (a PDF, a picture).</summary>
    public sealed record Masking(int Count, IReadOnlyList<string> Unmasked);

    /// <summary>
    /// Masks every piece of personal data in the title, the body and the DOCX/XLSX attachments in
    /// one action (1101**********1234), with the count in the audit note; a PDF or picture cannot
    /// be masked here and keeps its findings.
    /// </summary>
    public static async Task<Outcome<Masking>> MaskAsync(GongkaiDb db, InfoItem item, DateTime nowUtc, CancellationToken ct)
    {
        var count = PersonalDataGuard.Find(item.Title + "\n" + item.BodyText).Count;
        item.Title = PersonalDataGuard.MaskAll(item.Title);
        item.BodyHtml = PersonalDataGuard.MaskAll(item.BodyHtml);
        item.BodyText = BodyHtml.Text(item.BodyHtml);
        item.UpdatedUtc = nowUtc;
        var attachments = await db.ItemAttachments.Where(a => a.ItemId == item.Id).ToListAsync(ct);
        var maskedFiles = new List<string>();
        foreach (var attachment in attachments.Where(a => PersonalDataGuard.Find(a.Text).Count > 0))
        {
            if (AttachmentFiles.Masked(attachment.FileName, attachment.Content) is { } masked)
            {
                count += PersonalDataGuard.Find(attachment.Text).Count;
                (attachment.Content, attachment.Size, attachment.Text) = (masked, masked.Length, AttachmentFiles.Text(attachment.FileName, masked));
                maskedFiles.Add(attachment.FileName);
            }
        }
        var left = attachments.Where(a => PersonalDataGuard.Find(a.Text).Count > 0).Select(a => a.FileName).ToList();
        db.AuditNote = $"屏蔽 {count} 处个人信息" + (maskedFiles.Count > 0 ? $"（含附件 {string.Join("、", maskedFiles)}）" : "");
        return Outcome<Masking>.Of(await Outcome.SaveAsync(db, ct), new Masking(count, left));
    }

    /// <summary>A reviewer's decision that the personal data found may be published (a public official's office phone …), with the reason, who and when on record.</summary>
    public static async Task<Outcome> OverrideAsync(GongkaiDb db, InfoItem item, string? reason, string reviewer, DateOnly today, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 4)
        {
            return Outcome.Refused("请填写可以公开这些信息的理由（至少 4 个字）。", "reason");
        }
        item.PersonalDataOverride = $"{reason.Trim()}（{reviewer}，{today:yyyy-MM-dd}）";
        db.AuditNote = "审核人确认个人信息可以公开：" + reason.Trim();
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>An attachment to a draft: refused when its type or size is not accepted or it cannot be read within <paramref name="limits"/>; its text is kept for the personal-data guard and search.</summary>
    public static async Task<Outcome> AttachAsync(GongkaiDb db, InfoItem item, string fileName, byte[] content, ReadLimits limits, DateTime nowUtc, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName);
        if (AttachmentFiles.Problem(name, content.Length) is { } problem)
        {
            return Outcome.Refused(problem, "file");
        }
        string text;
        try
        {
            text = AttachmentFiles.Text(name, content, limits);
        }
        catch (InvalidDataException e)
        {
            return Outcome.Refused(e.Message, "file");
        }
        db.ItemAttachments.Add(new ItemAttachment
        {
            ItemId = item.Id, AgencyId = item.AgencyId, FileName = name, ContentType = AttachmentFiles.ContentTypes[Path.GetExtension(name)],
            Size = content.Length, Content = content, Text = text, UploadedUtc = nowUtc,
        });
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>Records that a 规章 or 规范性文件 was repealed or lapsed on <paramref name="day"/>: after it was written, not after today.</summary>
    public static async Task<Outcome> RepealAsync(GongkaiDb db, InfoItem item, DateOnly? day, DateOnly today, string? correctionReason, CancellationToken ct)
    {
        if (day is not { } repealed || repealed < item.WrittenOn || repealed > today)
        {
            return Outcome.Refused("废止日期须在成文日期之后、不晚于今天。", "repealedOn");
        }
        item.RepealedOn = repealed;
        db.AuditNote = $"标记废止：{repealed:yyyy-MM-dd}";
        db.CorrectionReason = CorrectionReasons.Normalise(correctionReason);
        return await Outcome.SaveAsync(db, ct);
    }

    /// <summary>What a clerk writes of an item: its metadata and its body (HTML or plain text); what a form left empty is null.</summary>
    public sealed record Draft(string? Title, string? DocumentNumber, string? Issuer, DateOnly? WrittenOn, string? Topic, string? CategoryCode,
        DocumentKind DocumentKind, string? InterpretsIndexNumber, PublicationChannels Channels, string? Body);

    /// <summary>
    /// What <see cref="SaveDraftAsync"/> refuses, each at its field, for the fields given (a form
    /// shows them with its own): a stale version, a catalogue the agency's level does not have, a
    /// date written in the future, an interpreted document the agency does not have, a body with
    /// no text left once cleaned. Also the interpreted document found.
    /// </summary>
    public static async Task<(IReadOnlyList<Problem> Problems, int? Interprets)> DraftProblemsAsync(GongkaiDb db, Agency agency, InfoItem? item, Draft draft, int version,
        DateOnly today, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (item is not null && version != item.Version)
        {
            problems.Add(new Problem(null, Outcome.StaleMessage));
        }
        if (draft.CategoryCode is { } category && Categories.For(agency.Level == Domain.Agencies.AgencyLevel.Township).All(c => c.Code != category))
        {
            problems.Add(new Problem(nameof(Draft.CategoryCode), "请选择公开目录。"));
        }
        if (draft.WrittenOn > today)
        {
            problems.Add(new Problem(nameof(Draft.WrittenOn), "成文日期不能晚于今天。"));
        }
        int? interprets = null;
        if (!string.IsNullOrWhiteSpace(draft.InterpretsIndexNumber))
        {
            interprets = await db.InfoItems.Where(i => i.IndexNumber == draft.InterpretsIndexNumber.Trim() && i.AgencyId == agency.Id && i.DocumentKind != DocumentKind.None)
                .Select(i => (int?)i.Id).SingleOrDefaultAsync(ct);
            if (interprets is null)
            {
                problems.Add(new Problem(nameof(Draft.InterpretsIndexNumber), "本机构没有这个索引号的规章或规范性文件。"));
            }
        }
        if (draft.Body is { } body && BodyHtml.Text(Cleaned(body)).Length == 0)
        {
            problems.Add(new Problem(nameof(Draft.Body), "正文没有可以发布的文字。"));
        }
        return (problems, interprets);
    }

    // Stored sanitised: what a clerk pastes from Word keeps its structure, never its scripts.
    internal static string Cleaned(string body) => BodyHtml.Sanitize(body.Contains('<') ? body : BodyHtml.FromPlainText(body));

    /// <summary>
    /// Writes a new item (<paramref name="item"/> null: a draft with the agency's next 索引号) or
    /// changes a draft read at <paramref name="version"/>; refused as <see cref="DraftProblemsAsync"/>
    /// says (stale when changed meanwhile). Title, date, catalogue and body are required.
    /// </summary>
    public static async Task<Outcome<InfoItem>> SaveDraftAsync(GongkaiDb db, Agency agency, InfoItem? item, Draft draft, int version,
        (int Id, string Name) author, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        if (draft is not { Title: not null, WrittenOn: not null, CategoryCode: not null, Body: not null })
        {
            throw new ArgumentException("A draft needs its title, date, catalogue and body.", nameof(draft));
        }
        var (problems, interprets) = await DraftProblemsAsync(db, agency, item, draft, version, today, ct);
        if (problems.Count > 0)
        {
            return Outcome<InfoItem>.Of(new Outcome(problems.Any(p => p.Field is null) ? OutcomeKind.Stale : OutcomeKind.Refused, problems), null);
        }
        var html = Cleaned(draft.Body);
        var text = BodyHtml.Text(html);
        if (item is null)
        {
            var year = draft.WrittenOn.Value.Year;
            var (sequence, index) = await InfoItem.NextIndexAsync(db, agency, year, ct);
            item = new InfoItem
            {
                AgencyId = agency.Id, IndexNumber = index, Year = year, Sequence = sequence, Title = "", Issuer = "", CategoryCode = "", BodyHtml = "", BodyText = "",
                Status = ItemStatus.Draft, AuthorId = author.Id, AuthorName = author.Name, CreatedUtc = nowUtc,
            };
            db.InfoItems.Add(item);
        }
        item.Title = draft.Title.Trim();
        item.DocumentNumber = string.IsNullOrWhiteSpace(draft.DocumentNumber) ? null : draft.DocumentNumber.Trim();
        item.Issuer = string.IsNullOrWhiteSpace(draft.Issuer) ? agency.Name : draft.Issuer.Trim();
        item.WrittenOn = draft.WrittenOn.Value;
        item.Topic = string.IsNullOrWhiteSpace(draft.Topic) ? null : draft.Topic.Trim();
        item.CategoryCode = draft.CategoryCode;
        item.DocumentKind = draft.DocumentKind;
        item.InterpretsItemId = interprets;
        item.Channels = draft.Channels;
        item.BodyHtml = html;
        item.BodyText = text;
        item.UpdatedUtc = nowUtc;
        // Two drafts of one agency saved at once draw the same next sequence: the one that loses
        // draws again (the unique index decides; a lock would not hold across nodes on SQLite).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Outcome<InfoItem>.Of(await Outcome.SaveAsync(db, ct), item);
            }
            catch (DbUpdateException e) when (attempt < 50 && db.Entry(item).State == EntityState.Added && Outcome.IsUniqueViolation(e, "info_items"))
            {
                // A short random pause keeps many writers at once from drawing the same number again.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
                (item.Sequence, item.IndexNumber) = await InfoItem.NextIndexAsync(db, agency, item.Year, ct);
            }
        }
    }

    /// <summary>What the console shows of an item beside its own fields.</summary>
    public sealed record ItemView(string AgencyCode, IReadOnlyList<ItemFinding> Findings, IReadOnlyList<ItemSignOff> SignOffs,
        IReadOnlyList<(int Id, string FileName, long Size)> Attachments, IReadOnlyList<(int Id, string Title)> Interpretations, (int Id, string Title)? Original,
        DateOnly PublishBy, bool Late);

    /// <summary>
    /// An item's page: its agency's column code, the personal data found, every sign-off, its
    /// attachments, what interprets it and what it interprets, and Art. 26's date (late when
    /// published, or still unpublished, after it).
    /// </summary>
    public static async Task<ItemView> ViewAsync(GongkaiDb db, InfoItem item, Domain.Calendar.WorkingCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var attachments = await db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == item.Id).OrderBy(a => a.Id).Select(a => new { a.Id, a.FileName, a.Size }).ToListAsync(ct);
        var interpretations = await db.InfoItems.AsNoTracking().Where(i => i.InterpretsItemId == item.Id).Select(i => new { i.Id, i.Title }).ToListAsync(ct);
        return new ItemView(
            await db.Agencies.Where(a => a.Id == item.AgencyId).Select(a => a.ShortCode).SingleAsync(ct),
            await FindingsAsync(db, item, ct),
            await db.ItemSignOffs.AsNoTracking().Where(s => s.ItemId == item.Id).OrderBy(s => s.Id).ToListAsync(ct),
            attachments.Select(a => (a.Id, a.FileName, a.Size)).ToList(),
            interpretations.Select(i => (i.Id, i.Title)).ToList(),
            item.InterpretsItemId is { } original ? await db.InfoItems.Where(i => i.Id == original).Select(i => new ValueTuple<int, string>(i.Id, i.Title)).SingleAsync(ct) : null,
            Timeliness.Due(calendar, item.WrittenOn),
            Timeliness.Late(calendar, item.Status, item.WrittenOn, item.PublishedOn, today));
    }

    /// <summary>The drafts <paramref name="userId"/> wrote whose last sign-off sent them back.</summary>
    public static async Task<IReadOnlyList<int>> SentBackToAsync(GongkaiDb db, int userId, CancellationToken ct)
    {
        var drafts = await db.InfoItems.Where(i => i.AuthorId == userId && i.Status == ItemStatus.Draft).Select(i => i.Id).ToListAsync(ct);
        var last = await db.ItemSignOffs.Where(s => drafts.Contains(s.ItemId)).GroupBy(s => s.ItemId)
            .Select(g => g.OrderByDescending(s => s.Id).Select(s => new { s.ItemId, s.Action }).First()).ToListAsync(ct);
        return last.Where(l => l.Action == ItemAction.SendBack).Select(l => l.ItemId).ToList();
    }

    /// <summary>有效性 as sites print it: 有效 / 已废止 (on the day), for documents only.</summary>
    public static string? Validity(InfoItem item, DateOnly today) => item.DocumentKind == DocumentKind.None
        ? null
        : item.RepealedOn is { } repealed && repealed <= today ? $"已废止（{repealed:yyyy-MM-dd}）" : "有效";
}
