using Gongkai.Domain.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data;

/// <summary>
/// An information item (政府信息) of proactive disclosure with the metadata Chinese government
/// sites print, its place in the workflow and, for 规章 and 规范性文件, its validity. Never
/// deleted: a withdrawn item stays in the record with the reason.
/// </summary>
public sealed class InfoItem : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }

    /// <summary>索引号, from the agency's pattern when the item is first saved; unique.</summary>
    public required string IndexNumber { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }

    public required string Title { get; set; }
    /// <summary>文号 (青政办发〔2024〕12号), if the item is a document.</summary>
    public string? DocumentNumber { get; set; }
    /// <summary>发布机构 as printed; the agency's name unless jointly issued.</summary>
    public required string Issuer { get; set; }
    /// <summary>成文日期: when the information was formed (Art. 26 counts from it).</summary>
    public DateOnly WrittenOn { get; set; }
    /// <summary>发布日期, set when approved.</summary>
    public DateOnly? PublishedOn { get; set; }
    /// <summary>主题分类 (综合政务、城乡建设…), free text as the agency's catalog uses it.</summary>
    public string? Topic { get; set; }
    /// <summary>The Art. 20/21 heading (<see cref="Categories"/>).</summary>
    public required string CategoryCode { get; set; }

    /// <summary>Sanitised HTML of the body.</summary>
    public required string BodyHtml { get; set; }
    /// <summary>The body as plain text, for the personal-data guard and search.</summary>
    public required string BodyText { get; set; }

    public DocumentKind DocumentKind { get; set; }
    /// <summary>When a 规章 or 规范性文件 was repealed or lapsed (废止、失效).</summary>
    public DateOnly? RepealedOn { get; set; }
    /// <summary>For a policy interpretation (政策解读): the document it explains.</summary>
    public int? InterpretsItemId { get; set; }

    public PublicationChannels Channels { get; set; }
    public ItemStatus Status { get; set; }
    public int AuthorId { get; set; }
    public required string AuthorName { get; set; }

    /// <summary>Why personal data found in the item may be published anyway (a reviewer's recorded decision).</summary>
    public string? PersonalDataOverride { get; set; }

    public DateOnly? WithdrawnOn { get; set; }
    public string? WithdrawReason { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    /// <summary>The next sequence of the agency's year and its index number, by the agency's pattern and code.</summary>
    /// <summary>What the report's figures count of it; nothing for an item never published (drafts do not count).</summary>
    public DisclosedItem? Disclosed() => Status is ItemStatus.Published or ItemStatus.Withdrawn
        ? new DisclosedItem(DocumentKind, WrittenOn, PublishedOn, RepealedOn, WithdrawnOn, Channels)
        : null;

    public static async Task<(int Sequence, string IndexNumber)> NextIndexAsync(GongkaiDb db, Agency agency, int year, CancellationToken ct)
    {
        var sequence = (await db.InfoItems.Where(i => i.AgencyId == agency.Id && i.Year == year).MaxAsync(i => (int?)i.Sequence, ct) ?? 0) + 1;
        return (sequence, Domain.Disclosure.IndexNumber.Format(agency.IndexPattern ?? Domain.Disclosure.IndexNumber.DefaultPattern, agency.IndexCode ?? agency.ShortCode.ToUpperInvariant(), year, sequence));
    }
}

/// <summary>A sign-off in the item's workflow: who, when, which action, which opinion (append-only).</summary>
public sealed class ItemSignOff : IAudited
{
    public long Id { get; set; }
    public int ItemId { get; set; }
    public int AgencyId { get; set; }
    public ItemAction Action { get; set; }
    public int UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Opinion { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}

/// <summary>A file attached to an item, with the text extracted from it for search and the personal-data guard.</summary>
public sealed class ItemAttachment : IAudited
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int AgencyId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }

    [NotAudited]
    public required byte[] Content { get; set; }

    /// <summary>The file's text where it can be read (DOCX, XLSX, text); empty for images.</summary>
    public required string Text { get; set; }
    public DateTime UploadedUtc { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}
