using System.Text.Json;
using Gongkai.Domain.Notifications;

namespace Gongkai.Web.Pages.Console.Audit;

/// <summary>
/// An audit entry as a person reads it: "白沙镇 经办人 将申请 2026…401 的状态由 办理中 改为 已答复" —
/// the record by its name, the fields in Chinese, stored codes as their labels; digests of large
/// fields and bookkeeping fields only in the details.
/// </summary>
public static class AuditText
{
    /// <summary>What a kind of record is called.</summary>
    public static readonly IReadOnlyDictionary<string, string> Records = new Dictionary<string, string>
    {
        ["DisclosureApplication"] = "申请", ["ApplicationStep"] = "办理步骤", ["AppealRecord"] = "行政复议或诉讼", ["InfoItem"] = "信息",
        ["ItemSignOff"] = "审核签批", ["ItemAttachment"] = "附件", ["AnnualReportRecord"] = "年度报告", ["ReportSourceFile"] = "导入的报告文件",
        ["Agency"] = "机构", ["StaffUser"] = "账户", ["ReplyLetterTemplate"] = "告知书模板", ["MessageTemplateRecord"] = "邮件模板",
        ["CalendarSchedule"] = "节假日安排", ["Session"] = "登录", ["AssessmentSetRecord"] = "考评指标体系", ["ChaseUp"] = "督办",
    };

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Status"] = "状态", ["DueDate"] = "答复期限", ["AnsweredOn"] = "答复日期", ["ReplyType"] = "答复类型", ["Extended"] = "是否延期",
        ["ApplicantName"] = "申请人", ["ApplicantKind"] = "申请人类型", ["IdNumber"] = "身份证号码", ["IdNumberMasked"] = "身份证号码（脱敏）", ["Phone"] = "联系电话", ["Email"] = "电子邮箱",
        ["Address"] = "通信地址", ["Description"] = "所需信息", ["FormWanted"] = "获取方式", ["Received"] = "收到日期", ["Channel"] = "提交方式",
        ["TrackingNumber"] = "查询号", ["Kind"] = "类别", ["Date"] = "日期", ["Actor"] = "经办人", ["Reason"] = "理由或说明", ["Days"] = "工作日数",
        ["Amount"] = "金额", ["ByReviewer"] = "经审核人同意", ["Title"] = "标题", ["DocumentNumber"] = "文号", ["Issuer"] = "发布机构",
        ["WrittenOn"] = "成文日期", ["PublishedOn"] = "发布日期", ["Topic"] = "主题分类", ["CategoryCode"] = "公开目录", ["BodyHtml"] = "正文",
        ["BodyText"] = "正文文字", ["DocumentKind"] = "文件类别", ["RepealedOn"] = "废止日期", ["Channels"] = "发布渠道", ["IndexNumber"] = "索引号",
        ["WithdrawnOn"] = "撤回日期", ["WithdrawReason"] = "撤回理由", ["AuthorName"] = "起草人", ["Action"] = "操作", ["Opinion"] = "意见",
        ["UserName"] = "用户名", ["DisplayName"] = "姓名", ["Role"] = "角色", ["IsActive"] = "启用", ["PasswordHash"] = "密码", ["DigestsOff"] = "关闭每日提醒",
        ["Name"] = "名称", ["ShortCode"] = "简码", ["Year"] = "年度", ["Edition"] = "版本", ["FormatCode"] = "格式", ["Content"] = "内容",
        ["ErrorCount"] = "错误数", ["WarningCount"] = "提醒数", ["ReviewComment"] = "审核意见", ["FileName"] = "文件名", ["Body"] = "正文",
        ["Subject"] = "主题", ["Result"] = "结果", ["Decided"] = "审结日期", ["Filed"] = "受理日期",
        ["Note"] = "督办意见", ["ReplyBy"] = "回复期限", ["SentOn"] = "督办日期", ["SentBy"] = "督办人", ["SubjectTitle"] = "督办事项", ["Answer"] = "回复",
        ["AnsweredBy"] = "回复人", ["FromYear"] = "起始年度",
    };

    /// <summary>Fields that are bookkeeping, not content: shown only in the details.</summary>
    private static readonly HashSet<string> Quiet = ["AgencyId", "ApplicationId", "ItemId", "CreatedUtc", "UpdatedUtc", "RecordedUtc", "AtUtc", "UserId", "AuthorId",
        "ActorUserId", "PublishedUtc", "UploadedUtc", "UploadedBy", "Sequence", "Rules", "SourceFileId", "InterpretsItemId", "Size", "FromAgencyId", "SubjectId", "SentByUserId"];

    public sealed record Change(string Field, string? Before, string? After);

    /// <param name="Subject">The record by its name (申请 2026…401, 信息“…”), or its kind and number.</param>
    public sealed record Line(string Sentence, IReadOnlyList<Change> Changes, string? Note, string Raw);

    public static string RecordName(string entityType) => Records.GetValueOrDefault(entityType, entityType);

    /// <param name="subject">The record's name where the page knows it (a tracking number, a title).</param>
    public static Line Describe(AuditEntry entry, string actor, string? subject)
    {
        var record = RecordName(entry.EntityType);
        var named = subject is null ? $"{record} #{entry.EntityId}" : $"{record} {subject}";
        var changes = new List<Change>();
        string? note = null;
        try
        {
            using var json = JsonDocument.Parse(entry.Changes);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    if (property.Name == "_note")
                    {
                        note = property.Value.EnumerateArray().FirstOrDefault().GetString();
                        continue;
                    }
                    if (Quiet.Contains(property.Name) || property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() != 2)
                    {
                        continue;
                    }
                    var before = Value(entry.EntityType, property.Name, property.Value[0]);
                    var after = Value(entry.EntityType, property.Name, property.Value[1]);
                    changes.Add(new Change(Fields.GetValueOrDefault(property.Name, property.Name), before, after));
                }
            }
        }
        catch (JsonException)
        {
            // An entry written by an older version in another shape: its raw text is in the details.
        }
        var sentence = entry.Action switch
        {
            AuditActions.Created => $"{actor} 新增了{named}",
            AuditActions.Deleted => $"{actor} 删除了{named}",
            AuditActions.Updated when changes.Count == 1 && changes[0] is var c => $"{actor} 将{named}的{c.Field}由 {c.Before ?? "（空）"} 改为 {c.After ?? "（空）"}",
            AuditActions.Updated => $"{actor} 修改了{named}的 {string.Join("、", changes.Select(c => c.Field))}",
            _ => $"{actor} {AuditActions.Label(entry.Action)}",
        };
        return new Line(sentence, entry.Action == AuditActions.Created ? changes.Where(c => c.After is not null).ToList() : changes, note, entry.Changes);
    }

    /// <summary>A stored value as words: codes as their labels, digests as "（已更改，内容见详情）".</summary>
    private static string? Value(string entityType, string field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.ToString();
        if (text.StartsWith("sha256:", StringComparison.Ordinal))
        {
            return text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim('(', ')') is var size && size.Length > 0 ? $"（{size}）" : "（内容）";
        }
        return (entityType, field) switch
        {
            ("DisclosureApplication", "Status") when Enum.TryParse<CaseStatus>(text, out var s) => s.Label(),
            ("InfoItem", "Status") when Enum.TryParse<ItemStatus>(text, out var s) => s.Label(),
            ("AnnualReportRecord", "Status") when Enum.TryParse<ReportStatus>(text, out var s) => s.Label(),
            (_, "ReplyType") when Enum.TryParse<ReplyType>(text, out var r) => r.Label(),
            (_, "Channel") when Enum.TryParse<Channel>(text, out var c) => c.Label(),
            (_, "ApplicantKind") when Enum.TryParse<ApplicantKind>(text, out var k) => k.Label(),
            ("ApplicationStep", "Kind") when Enum.TryParse<StepKind>(text, out var k) => k.Label(),
            ("ItemSignOff", "Action") when Enum.TryParse<ItemAction>(text, out var a) => a.Label(),
            ("MessageTemplateRecord", "Kind") when Enum.TryParse<MessageKind>(text, out var m) => m.Label(),
            (_, "Role") when Enum.TryParse<StaffRole>(text, out var r) => r.Label(),
            (_, "CategoryCode") => Categories.Find(text)?.Label ?? text,
            _ when value.ValueKind is JsonValueKind.True => "是",
            _ when value.ValueKind is JsonValueKind.False => "否",
            _ => text.Length > 200 ? text[..200] + "…" : text,
        };
    }
}
