using Gongkai.Documents.Letters;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Data.Applications;

/// <summary>The documents sent about an application, as DOCX: the reply letter (告知书), the procedural letters and the fee notice (收费通知书).</summary>
public static class ApplicationLetters
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// The reply letter from the agency's template for the reply type, or the default one, with the
    /// clerk's reasons from the reply step, the column's address and the remedies' bodies named.
    /// Refused (<see cref="LetterIncompleteException"/>) while an element Art. 36 requires is empty.
    /// </summary>
    /// <param name="site">The portal's public address, for where information already public is.</param>
    public static async Task<byte[]> ReplyAsync(GongkaiDb db, DisclosureApplication application, (ReplyType Type, DateOnly Date) reply, string site, CancellationToken ct)
    {
        var type = reply.Type;
        var template = await db.ReplyLetterTemplates.AsNoTracking()
            .Where(t => t.AgencyId == application.AgencyId && t.ReplyType == type).Select(t => t.Body).SingleOrDefaultAsync(ct)
            ?? ReplyLetters.DefaultBody(type);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == application.AgencyId, ct);
        var parent = agency.ParentId is { } parentId
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == parentId && a.Kind == Domain.Agencies.AgencyKind.Government).Select(a => a.Name).SingleOrDefaultAsync(ct)
            : null;
        var answer = await db.ApplicationSteps.AsNoTracking()
            .Where(s => s.ApplicationId == application.Id && StepKindLabels.Answering.Contains(s.Kind))
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        var reason = Sentence(answer?.Reason);
        var column = $"{site}/agency/{agency.ShortCode}";
        var values = new Dictionary<string, string>
        {
            ["申请人"] = application.ApplicantName, ["收到日期"] = ReportHtml.Date(application.Received), ["所需信息"] = application.Description,
            ["机关"] = agency.Name, ["答复日期"] = ReportHtml.Date(reply.Date), ["获取方式"] = application.FormWanted,
            ["理由"] = reason, ["专栏网址"] = column,
            ["已公开信息"] = await AlreadyPublicAsync(db, answer?.ItemIndex, reason, column, site, ct),
            ["负责机关"] = ResponsibleOrgan(answer?.Party, answer?.PartyContact),
        };
        var empty = ReplyLetters.Missing(type, values);
        if (empty.Count > 0)
        {
            throw new LetterIncompleteException($"答复告知书缺少必备内容：{string.Join("、", empty)}。请在答复步骤中写明后再生成。");
        }
        var remedies = ReplyLetters.RemediesNaming(ReplyLetters.ReconsiderationBody(agency.Kind == Domain.Agencies.AgencyKind.Department, parent), agency.Name);
        var paragraphs = ReplyLetters.Paragraphs(template, values, remedies);
        return LetterDocx.Render(ReplyLetters.Title(type), $"（查询号 {application.TrackingNumber}）", paragraphs, agency.Name, ReportHtml.Date(reply.Date));
    }

    /// <summary>
    /// 36(一)'s where and how: the item the clerk chose at the reply step (title, 索引号, its address on
    /// the portal), else the clerk's own words with the column's address.
    /// </summary>
    private static async Task<string> AlreadyPublicAsync(GongkaiDb db, string? itemIndex, string reason, string column, string site, CancellationToken ct)
    {
        if (itemIndex is not null && await PublishedItemAsync(db, itemIndex, ct) is { } item)
        {
            return $"《{item.Title}》（索引号：{item.IndexNumber}），网址：{site}/agency/{item.AgencyCode}/items/{item.Id}" + (reason.Length > 0 ? $"；{reason}" : "");
        }
        return reason.Length > 0 ? $"{reason}（本机关政府信息公开专栏：{column}）" : "";
    }

    /// <summary>A published item by its 索引号, with its agency's column code, for a 36(一) reply.</summary>
    public static Task<PublishedItem?> PublishedItemAsync(GongkaiDb db, string indexNumber, CancellationToken ct) =>
        (from i in db.InfoItems.AsNoTracking()
         join a in db.Agencies.AsNoTracking() on i.AgencyId equals a.Id
         where i.IndexNumber == indexNumber.Trim() && i.Status == Domain.Disclosure.ItemStatus.Published
         select new PublishedItem(i.Id, i.Title, i.IndexNumber, a.ShortCode)).FirstOrDefaultAsync(ct);

    public sealed record PublishedItem(int Id, string Title, string IndexNumber, string AgencyCode);

    /// <summary>36(五): the responsible organ's name and contact when the clerk could determine them; the law asks nothing more when not.</summary>
    private static string ResponsibleOrgan(string? party, string? contact) => string.IsNullOrWhiteSpace(party)
        ? "本机关无法确定负责公开该政府信息的行政机关。"
        : $"负责公开该政府信息的行政机关为{party.Trim()}" + (string.IsNullOrWhiteSpace(contact) ? "" : $"（联系方式：{contact.Trim()}）") + "。";

    /// <summary>
    /// The Art. 36 elements as a reply step records them (the letter's own values add the item's
    /// title and address, looked up): what the assessment judges a reply by, with the same
    /// <see cref="ReplyLetters.Missing"/> that refuses an incomplete letter.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RecordedElements(string formWanted, string? reason, string? party, string? itemIndex) => new Dictionary<string, string>
    {
        ["理由"] = Sentence(reason), ["负责机关"] = party?.Trim() ?? "", ["已公开信息"] = string.IsNullOrWhiteSpace(itemIndex) ? Sentence(reason) : itemIndex,
        ["获取方式"] = formWanted,
    };

    private static string Sentence(string? text) => (text ?? "").Trim().TrimEnd('。');

    /// <summary>
    /// A procedural letter (<see cref="ProceduralLetter"/>) about <paramref name="application"/>, from
    /// the agency's template or the default, made at <paramref name="step"/> (the receipt at
    /// registration: no step); the statutory closing is always added. Refused
    /// (<see cref="LetterIncompleteException"/>) while a required element is empty.
    /// </summary>
    public static async Task<byte[]> ProceduralAsync(GongkaiDb db, DisclosureApplication application, ProceduralLetter letter, ApplicationStep? step,
        WorkingCalendar calendar, string site, CancellationToken ct)
    {
        if (step?.Kind != letter.Step())
        {
            throw new ArgumentException($"{letter} is made at {letter.Step()}, not at {step?.Kind}.", nameof(step));
        }
        var template = await db.ProceduralLetterTemplates.AsNoTracking()
            .Where(t => t.AgencyId == application.AgencyId && t.Letter == letter).Select(t => t.Body).SingleOrDefaultAsync(ct)
            ?? letter.DefaultBody();
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == application.AgencyId, ct);
        var date = step?.Date ?? application.Received;
        // The due date as the steps up to this letter's leave it (a later step may move it again).
        var steps = step is null ? [] : await db.ApplicationSteps.AsNoTracking().Where(s => s.ApplicationId == application.Id && s.Id <= step.Id).ToListAsync(ct);
        var deadline = ApplicationRecords.Replay(application.Received, application.Channel, application.ApplicantKind, application.Rules, steps, calendar).Deadline(calendar);
        var values = new Dictionary<string, string>
        {
            ["申请人"] = application.ApplicantName, ["收到日期"] = ReportHtml.Date(application.Received), ["所需信息"] = application.Description,
            ["机关"] = agency.Name, ["查询号"] = application.TrackingNumber, ["告知日期"] = ReportHtml.Date(date),
            ["渠道"] = application.Channel.Label(), ["答复期限"] = ReportHtml.Date(deadline.Due),
            ["查询地址"] = TrackingAddress(site, application.TrackingNumber),
            ["补正内容"] = Sentence(step?.Kind == StepKind.RequestSupplement ? step.Reason : null),
            ["补正期限"] = step is { Kind: StepKind.RequestSupplement, Days: { } days } ? ReportHtml.Date(calendar.AddWorkingDays(step.Date, days)) : "",
            ["补正工作日"] = step is { Kind: StepKind.RequestSupplement, Days: { } d } ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            ["第三方"] = step?.Kind == StepKind.StartConsultation ? step.Party?.Trim() ?? "" : "",
            ["征询事项"] = Sentence(step?.Kind == StepKind.StartConsultation ? step.Reason : null),
            ["延期理由"] = Sentence(step?.Kind == StepKind.Extend ? step.Reason : null),
            ["延长工作日"] = step is { Kind: StepKind.Extend, Days: { } e } ? e.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
        };
        var empty = letter.Required().Where(p => string.IsNullOrWhiteSpace(values[p])).Select(p => "{" + p + "}").ToList();
        if (empty.Count > 0)
        {
            throw new LetterIncompleteException($"{letter.Title()}缺少必备内容：{string.Join("、", empty)}。请在“{letter.Step()?.Label() ?? "登记"}”中写明后再生成。");
        }
        IReadOnlyList<string> paragraphs = [.. LetterText.Fill(template, values), .. letter.Closing(application.Channel, application.Rules, deadline.Note)];
        return LetterDocx.Render(letter.Title(), $"（查询号 {application.TrackingNumber}）", paragraphs, agency.Name, ReportHtml.Date(date));
    }

    /// <summary>
    /// The procedural letters an application has so far, each with the step it is made at (the
    /// last such step): the receipt once registered from paper or in person, the others once their
    /// step is recorded.
    /// </summary>
    public static IReadOnlyList<(ProceduralLetter Letter, ApplicationStep? Step)> Available(DisclosureApplication application, IReadOnlyList<ApplicationStep> steps) =>
        Enum.GetValues<ProceduralLetter>()
            .Select(letter => (letter, step: letter.Step() is { } kind ? steps.LastOrDefault(s => s.Kind == kind) : null))
            .Where(l => l.letter.Step() is null ? ProceduralLetters.NeedsReceipt(application.Channel) : l.step is not null)
            .ToList();

    /// <summary>The tracking page with the number filled in; the access code is never in a link.</summary>
    public static string TrackingAddress(string site, string trackingNumber) => $"{site}/track?number={Uri.EscapeDataString(trackingNumber)}";

    /// <summary>The file name of the reply letter (告知书), on the console's download and in the applicant's mail.</summary>
    public static string ReplyFileName(DisclosureApplication application) => $"告知书-{application.TrackingNumber}.docx";

    /// <summary>The file name of a procedural letter: its short name and the tracking number.</summary>
    public static string FileName(ProceduralLetter letter, DisclosureApplication application) => $"{letter.Label()}-{application.TrackingNumber}.docx";

    /// <summary>The fee notice of <paramref name="notice"/> (a fee notice step): amount, basis, the last day to pay, where to pay.</summary>
    public static async Task<byte[]> FeeNoticeAsync(GongkaiDb db, DisclosureApplication application, CaseStep notice, WorkingCalendar calendar, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == application.AgencyId, ct);
        var paragraphs = FeeNotice.Paragraphs(application.ApplicantName, application.Received, application.Description, notice.Amount ?? 0, notice.Reason,
            ApplicationCase.FeeDueAfter(calendar, notice.Date), $"请持本通知书到{agency.OfficeName}（{agency.OfficeAddress}）办理，或致电 {agency.OfficePhone} 询问非税收入缴款方式");
        return LetterDocx.Render(FeeNotice.Title, $"（查询号 {application.TrackingNumber}）", paragraphs, agency.Name, ReportHtml.Date(notice.Date));
    }
}

/// <summary>A letter that would leave out what the law requires of it: not made, and the message names what is missing.</summary>
public sealed class LetterIncompleteException(string message) : Exception(message);
