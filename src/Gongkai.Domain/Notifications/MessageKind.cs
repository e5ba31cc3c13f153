namespace Gongkai.Domain.Notifications;

/// <summary>What a mail is about: one template each, the first five to applicants.</summary>
public enum MessageKind
{
    /// <summary>The application is received: tracking number and the reply deadline (Art. 33).</summary>
    Receipt,

    /// <summary>补正: what is missing; the period restarts when it arrives (Art. 30).</summary>
    SupplementRequested,

    /// <summary>延期答复: the reason and the new date (Art. 33 ¶2).</summary>
    Extended,

    /// <summary>收费通知: the amount and the last day to pay (国办函〔2020〕109号).</summary>
    FeeNotice,

    /// <summary>答复: the decision, the letter attached, the remedies (Art. 51).</summary>
    Reply,

    /// <summary>To the agency's reviewers: an item was sent for the confidentiality review.</summary>
    ReviewRequested,

    /// <summary>A staff member's daily digest.</summary>
    StaffDigest,

    /// <summary>A supervisor's warning about annual reports not yet submitted (Art. 49).</summary>
    ReportWarning,

    /// <summary>An agency admin's test of the mail settings and a template.</summary>
    Test,
}

public static class MessageKindLabels
{
    public static string Label(this MessageKind kind) => kind switch
    {
        MessageKind.Receipt => "收到申请",
        MessageKind.SupplementRequested => "告知补正",
        MessageKind.Extended => "延期答复",
        MessageKind.FeeNotice => "收费通知",
        MessageKind.Reply => "答复",
        MessageKind.ReviewRequested => "待保密审查提醒",
        MessageKind.StaffDigest => "每日待办提醒",
        MessageKind.ReportWarning => "年度报告报送提醒",
        _ => "测试邮件",
    };
}
