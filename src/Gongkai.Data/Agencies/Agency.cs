using Gongkai.Domain.Agencies;

namespace Gongkai.Data.Agencies;

/// <summary>An administrative organ that discloses information, with its disclosure office.</summary>
public sealed class Agency : IAudited
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public required string Name { get; set; }

    /// <summary>Short code, unique, used in portal addresses and index numbers.</summary>
    public required string ShortCode { get; set; }

    public AgencyLevel Level { get; set; }
    public AgencyKind Kind { get; set; }
    public int SortOrder { get; set; }

    // The disclosure office (政府信息公开工作机构) whose contact data the guide must print (Art. 12).
    public required string OfficeName { get; set; }
    public required string OfficeAddress { get; set; }
    public string? OfficePostcode { get; set; }
    public string? OfficeHours { get; set; }
    public required string OfficePhone { get; set; }
    public string? OfficeFax { get; set; }
    public string? OfficeEmail { get; set; }

    /// <summary>机构代码 printed in index numbers (often the 统一社会信用代码); the short code when not set.</summary>
    public string? IndexCode { get; set; }

    /// <summary>The index-number pattern (<see cref="Gongkai.Domain.Disclosure.IndexNumber"/>); the default when not set.</summary>
    public string? IndexPattern { get; set; }

    /// <summary>More of the 公开指南 (Art. 12) in the agency's words, a paragraph a line, after the generated parts.</summary>
    public string? GuideText { get; set; }

    /// <summary>The agency's 政府信息公开制度, a paragraph a line.</summary>
    public string? RulesText { get; set; }

    public int Version { get; set; }

    int? IAudited.AuditAgencyId => Id;
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> e)
    {
        e.ToTable("agencies");
        e.HasIndex(a => a.ShortCode).IsUnique().HasDatabaseName("ix_agencies_short_code");
        e.HasIndex(a => a.ParentId).HasDatabaseName("ix_agencies_parent_id");
        e.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.Property(a => a.Level).HasConversion<string>();
        e.Property(a => a.Kind).HasConversion<string>();
        e.Property(a => a.Version).IsConcurrencyToken();
    }
}
