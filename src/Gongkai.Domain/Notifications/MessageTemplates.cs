using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Notifications;

/// <summary>
/// The mails an applicant and the reviewers receive: a default subject and text per kind, which an
/// agency admin may replace, with placeholders in braces filled from the record. A mail to an
/// applicant carries only what the applicant wrote and what the agency decided: never the ID
/// number, never the access code (the tracking page asks for it), so a forwarded or intercepted
/// mail opens nothing.
/// </summary>
public static partial class MessageTemplates
{
    public sealed record Template(string Subject, string Body);

    /// <summary>The kinds an agency admin may edit (digests and warnings are lists, not letters).</summary>
    public static readonly IReadOnlyList<MessageKind> Editable =
        [MessageKind.Receipt, MessageKind.SupplementRequested, MessageKind.Extended, MessageKind.FeeNotice, MessageKind.Reply, MessageKind.ReviewRequested];

    private static readonly string[] Common = ["申请人", "机关", "查询号", "收到日期", "所需信息", "查询地址"];

    /// <summary>The placeholders each kind fills.</summary>
    public static IReadOnlyList<string> Placeholders(MessageKind kind) => kind switch
    {
        MessageKind.Receipt => [.. Common, "答复期限"],
        MessageKind.SupplementRequested => [.. Common, "补正内容", "告知日期"],
        MessageKind.Extended => [.. Common, "延期理由", "答复期限"],
        MessageKind.FeeNotice => [.. Common, "收费金额", "缴费期限"],
        MessageKind.Reply => [.. Common, "答复结果", "答复日期"],
        MessageKind.ReviewRequested => ["机关", "标题", "索引号", "提交人", "链接"],
        _ => ["内容"],
    };

    public static Template Default(MessageKind kind) => kind switch
    {
        MessageKind.Receipt => new("已收到您的政府信息公开申请（查询号 {查询号}）",
            "{申请人}：\n{机关}已于{收到日期}收到您的政府信息公开申请，申请获取“{所需信息}”。\n查询号：{查询号}\n"
            + "本机关将在{答复期限}前答复（《中华人民共和国政府信息公开条例》第三十三条，按工作日计算；如需补正、征求第三方意见或延期，本机关将另行告知）。\n"
            + "您可以凭查询号和提交申请时获得的查询码在 {查询地址} 查看办理进度。本邮件不含查询码，请妥善保管。"),
        MessageKind.SupplementRequested => new("请补正您的政府信息公开申请（查询号 {查询号}）",
            "{申请人}：\n您于{收到日期}向{机关}提出的政府信息公开申请（查询号 {查询号}）内容需要补正，请补充或者说明：\n{补正内容}\n"
            + "根据《中华人民共和国政府信息公开条例》第三十条，答复期限自本机关收到补正的申请之日起计算；无正当理由逾期不补正的，视为放弃申请。\n"
            + "办理进度：{查询地址}"),
        MessageKind.Extended => new("您的政府信息公开申请延期答复（查询号 {查询号}）",
            "{申请人}：\n您于{收到日期}向{机关}提出的政府信息公开申请（查询号 {查询号}）需要延长答复期限。\n延期理由：{延期理由}\n"
            + "根据《中华人民共和国政府信息公开条例》第三十三条第二款，本机关将在{答复期限}前答复（延长的期限最长不超过二十个工作日）。\n办理进度：{查询地址}"),
        MessageKind.FeeNotice => new("政府信息公开信息处理费缴费通知（查询号 {查询号}）",
            "{申请人}：\n您于{收到日期}向{机关}提出的政府信息公开申请（查询号 {查询号}）超过了按件或按量免费的范围，依《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），需缴纳信息处理费 {收费金额} 元。\n"
            + "请于{缴费期限}前缴纳；逾期未缴纳的，视为放弃申请。缴费通知书请向本机关索取或在办理进度页面查看。\n办理进度：{查询地址}"),
        MessageKind.Reply => new("您的政府信息公开申请已答复（查询号 {查询号}）",
            "{申请人}：\n{机关}已于{答复日期}答复您于{收到日期}提出的政府信息公开申请（查询号 {查询号}）。\n答复结果：{答复结果}\n"
            + "答复告知书见附件。\n" + ReplyLetters.Remedies + "\n办理进度：{查询地址}"),
        MessageKind.ReviewRequested => new("待保密审查：{标题}",
            "{机关}的信息“{标题}”（索引号 {索引号}）已由{提交人}提交保密审查，请审查：\n{链接}"),
        _ => new("{内容}", "{内容}"),
    };

    /// <summary>The template with its placeholders filled; a value never fills a placeholder it brings along.</summary>
    public static Template Fill(Template template, IReadOnlyDictionary<string, string> values) =>
        new(Line(Replace(template.Subject, values)), Replace(template.Body, values).Replace("\r\n", "\n", StringComparison.Ordinal).Trim());

    private static string Replace(string text, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>A subject is one line.</summary>
    private static string Line(string s) => string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Placeholders a template names that its kind does not fill (a typo would be sent as it is).</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(MessageKind kind, Template template) =>
        PlaceholderPattern().Matches(template.Subject + "\n" + template.Body).Select(m => m.Groups[1].Value)
            .Where(p => !Placeholders(kind).Contains(p)).Distinct().ToList();

    /// <summary>The text as simple HTML: one paragraph per line, every character encoded.</summary>
    public static string Html(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><body style=\"font-family:sans-serif;line-height:1.6\">");
        foreach (var line in text.Split('\n'))
        {
            html.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(line)).Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    [GeneratedRegex(@"\{([^{}\n]{1,10})\}")]
    private static partial Regex PlaceholderPattern();
}
