namespace Gongkai.Domain.Disclosure;

/// <summary>The channels an item went out on (Art. 23). An item counts once however many it has.</summary>
[Flags]
public enum PublicationChannels
{
    None = 0,
    Website = 1,
    Weibo = 2,
    WeChat = 4,
    Gazette = 8,
    Other = 16,
}

public static class PublicationChannelsLabels
{
    /// <summary>The channels as the console lists them, in the order of the report's channel rows.</summary>
    public static IReadOnlyList<PublicationChannels> Each { get; } =
        [PublicationChannels.Website, PublicationChannels.Weibo, PublicationChannels.WeChat, PublicationChannels.Gazette, PublicationChannels.Other];

    public static string Label(this PublicationChannels channel) => channel switch
    {
        PublicationChannels.Website => "政府网站",
        PublicationChannels.Weibo => "政务微博",
        PublicationChannels.WeChat => "政务微信",
        PublicationChannels.Gazette => "政府公报",
        PublicationChannels.Other => "其他方式",
        _ => "",
    };
}
