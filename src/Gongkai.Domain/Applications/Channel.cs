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
