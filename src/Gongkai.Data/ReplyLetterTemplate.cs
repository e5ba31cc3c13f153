using Gongkai.Domain.Applications;

namespace Gongkai.Data;

/// <summary>An agency's own wording of the reply letter for one reply type (the default applies where there is none).</summary>
public sealed class ReplyLetterTemplate : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public ReplyType ReplyType { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;
}
