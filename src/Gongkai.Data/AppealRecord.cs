using Gongkai.Domain.Applications;

namespace Gongkai.Data;

/// <summary>A reconsideration or lawsuit about an application's reply, linked to the application.</summary>
public sealed class AppealRecord : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int ApplicationId { get; set; }
    public AppealKind Kind { get; set; }
    public DateOnly Filed { get; set; }
    public required string Body { get; set; }
    public DateOnly? Decided { get; set; }
    public AppealResult? Result { get; set; }
    public DateTime CreatedUtc { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    public Appeal ToDomain() => new(Kind, Filed, Body, Decided, Result);
}
