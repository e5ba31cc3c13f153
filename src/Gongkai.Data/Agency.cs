using Gongkai.Domain.Agencies;

namespace Gongkai.Data;

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

    public int Version { get; set; }

    int? IAudited.AuditAgencyId => Id;
}
