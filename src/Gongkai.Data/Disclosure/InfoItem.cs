using Gongkai.Domain.Disclosure;

namespace Gongkai.Data.Disclosure;

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

internal sealed class InfoItemConfiguration : IEntityTypeConfiguration<InfoItem>
{
    public void Configure(EntityTypeBuilder<InfoItem> e)
    {
        e.ToTable("info_items");
        e.HasIndex(i => i.IndexNumber).IsUnique().HasDatabaseName("ix_info_items_index_number");
        e.HasIndex(i => new { i.AgencyId, i.Year, i.Sequence }).IsUnique().HasDatabaseName("ix_info_items_agency_id_year_sequence");
        e.HasIndex(i => new { i.AgencyId, i.Status, i.PublishedOn, i.Id }).HasDatabaseName("ix_info_items_agency_id_status_published_on_id");
        e.HasIndex(i => new { i.AgencyId, i.Status, i.CategoryCode, i.PublishedOn, i.Id }).HasDatabaseName("ix_info_items_catalog");
        e.HasIndex(i => i.InterpretsItemId).HasDatabaseName("ix_info_items_interprets_item_id");
        e.HasIndex(i => new { i.AgencyId, i.DocumentKind, i.Status, i.WrittenOn, i.PublishedOn, i.RepealedOn, i.WithdrawnOn, i.Channels }).HasDatabaseName("ix_info_items_report");
        e.HasOne<Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<InfoItem>().WithMany().HasForeignKey(i => i.InterpretsItemId).OnDelete(DeleteBehavior.Restrict);
        e.Property(i => i.DocumentKind).HasConversion<string>();
        e.Property(i => i.Status).HasConversion<string>();
        e.Property(i => i.Channels).HasConversion<int>();
        e.Property(i => i.Version).IsConcurrencyToken();
    }
}
