using Gongkai.Data;
using Gongkai.Domain.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Disclosure;

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

    public static async Task<IReadOnlyList<string>> AttachmentTextsAsync(GongkaiDb db, int itemId, CancellationToken ct) =>
        await db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == itemId).Select(a => a.Text).ToListAsync(ct);

    public static string Label(this DocumentKind kind) => kind switch
    {
        DocumentKind.Rule => "规章",
        DocumentKind.Normative => "行政规范性文件",
        _ => "其他",
    };

    public static string Label(this PublicationChannels channel) => channel switch
    {
        PublicationChannels.Website => "政府网站",
        PublicationChannels.Weibo => "政务微博",
        PublicationChannels.WeChat => "政务微信",
        PublicationChannels.Gazette => "政府公报",
        PublicationChannels.Other => "其他方式",
        _ => "",
    };

    public static IReadOnlyList<PublicationChannels> AllChannels { get; } =
        [PublicationChannels.Website, PublicationChannels.Weibo, PublicationChannels.WeChat, PublicationChannels.Gazette, PublicationChannels.Other];

    /// <summary>有效性 as sites print it: 有效 / 已废止 (on the day), for documents only.</summary>
    public static string? Validity(InfoItem item, DateOnly today) => item.DocumentKind == DocumentKind.None
        ? null
        : item.RepealedOn is { } repealed && repealed <= today ? $"已废止（{repealed:yyyy-MM-dd}）" : "有效";
}
