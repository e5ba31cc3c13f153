using Gongkai.Documents.Letters;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Data.Applications;

/// <summary>The documents sent to an applicant, as DOCX: the reply letter (告知书) and the fee notice (收费通知书).</summary>
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
        var reason = await db.ApplicationSteps.AsNoTracking()
            .Where(s => s.ApplicationId == application.Id && StepKindLabels.Answering.Contains(s.Kind))
            .OrderByDescending(s => s.Id).Select(s => s.Reason).FirstOrDefaultAsync(ct) ?? "";
        var values = new Dictionary<string, string>
        {
            ["申请人"] = application.ApplicantName, ["收到日期"] = ReportHtml.Date(application.Received), ["所需信息"] = application.Description,
            ["机关"] = agency.Name, ["答复日期"] = ReportHtml.Date(reply.Date), ["获取方式"] = application.FormWanted,
            ["理由"] = reason.Trim().TrimEnd('。'), ["专栏网址"] = $"{site}/agency/{agency.ShortCode}",
        };
        var empty = ReplyLetters.Required(type).Where(p => string.IsNullOrWhiteSpace(values[p])).Select(ReplyLetters.ElementName).ToList();
        if (empty.Count > 0)
        {
            throw new LetterIncompleteException($"答复告知书缺少必备内容：{string.Join("、", empty)}。请在答复步骤中写明后再生成。");
        }
        var remedies = ReplyLetters.RemediesNaming(ReplyLetters.ReconsiderationBody(agency.Kind == Domain.Agencies.AgencyKind.Department, parent), agency.Name);
        var paragraphs = ReplyLetters.Paragraphs(template, values, remedies);
        return LetterDocx.Render(ReplyLetters.Title(type), $"（查询号 {application.TrackingNumber}）", paragraphs, agency.Name, ReportHtml.Date(reply.Date));
    }

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
