using Gongkai.Documents.Letters;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Data.Applications;

/// <summary>The documents sent to an applicant, as DOCX: the reply letter (告知书) and the fee notice (收费通知书).</summary>
public static class ApplicationLetters
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The reply letter from the agency's template for the reply type, or the default one.</summary>
    public static async Task<byte[]> ReplyAsync(GongkaiDb db, DisclosureApplication application, (ReplyType Type, DateOnly Date) reply, CancellationToken ct)
    {
        var type = reply.Type;
        var template = await db.ReplyLetterTemplates.AsNoTracking()
            .Where(t => t.AgencyId == application.AgencyId && t.ReplyType == type).Select(t => t.Body).SingleOrDefaultAsync(ct)
            ?? ReplyLetters.DefaultBody(type);
        var agency = await db.Agencies.Where(a => a.Id == application.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var paragraphs = ReplyLetters.Paragraphs(template, new Dictionary<string, string>
        {
            ["申请人"] = application.ApplicantName, ["收到日期"] = ReportHtml.Date(application.Received), ["所需信息"] = application.Description,
            ["机关"] = agency, ["答复日期"] = ReportHtml.Date(reply.Date), ["获取方式"] = application.FormWanted,
        });
        return LetterDocx.Render(ReplyLetters.Title(type), $"（查询号 {application.TrackingNumber}）", paragraphs, agency, ReportHtml.Date(reply.Date));
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
