namespace Gongkai.Domain.Applications;

public enum Channel
{
    InPerson,
    Post,
    /// <summary>平常信函: ordinary mail with no signature, received on the day the office confirms it with the applicant.</summary>
    OrdinaryMail,
    Fax,
    Online,
    Other,
}

public static class ChannelLabels
{
    public static string Label(this Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交",
        Channel.Post => "邮寄（需签收）",
        Channel.OrdinaryMail => "平常信函",
        Channel.Fax => "传真",
        Channel.Online => "网络",
        _ => "其他",
    };
}

/// <summary>
/// The day an application is received, by channel (Art. 31) — said in these words on the public
/// form, the confirmation, /track, the console and the letters. The reply period runs from it.
/// </summary>
public static class ReceiptRules
{
    /// <summary>
    /// Policy <c>OnlineSubmission_IsReceivedOnTheDayItIsSubmitted</c>: online, Art. 31(三) takes the day
    /// both sides confirm. The applicant confirms by submitting; the platform confirms for the agency
    /// at once, by the receipt it shows at submission (the tracking number, and the same by mail when
    /// an address was given). Both happen the same moment, so the receipt date is the submission's
    /// Beijing date — never a later day on which a clerk first opens it.
    /// </summary>
    public static DateOnly OnlineReceived(DateTimeOffset submitted) => DateOnly.FromDateTime(submitted.UtcDateTime + Calendar.ChinaTime.Offset);

    public static string For(Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交的，以提交之日为收到申请之日（条例第三十一条第一项）。",
        Channel.Post => "以邮寄方式提交的，以政府信息公开工作机构签收之日为收到申请之日（条例第三十一条第二项）。",
        Channel.OrdinaryMail => "以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构于收到当日与申请人确认之日为收到申请之日（条例第三十一条第二项）。",
        Channel.Fax => "通过传真提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）。",
        Channel.Online => "通过本平台在线提交的，以双方确认之日为收到申请之日（条例第三十一条第三项）：申请人提交即为申请人确认，本平台在提交时即发出受理回执（查询号）即为本机关确认，因此提交当日（北京时间）为收到申请之日。",
        _ => "以政府信息公开工作机构收到并与申请人确认之日为收到申请之日（条例第三十一条）。",
    };
}
