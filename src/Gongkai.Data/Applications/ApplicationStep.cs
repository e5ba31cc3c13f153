using Gongkai.Domain.Applications;

namespace Gongkai.Data.Applications;

/// <summary>One recorded step of an application (append-only; a wrong step is corrected by a later one).</summary>
public sealed class ApplicationStep : IAudited
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public int AgencyId { get; set; }
    public StepKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public required string Actor { get; set; }
    public int? ActorUserId { get; set; }
    public required string Reason { get; set; }
    public ReplyType? ReplyType { get; set; }
    public int? Days { get; set; }
    public decimal? Amount { get; set; }
    public bool ByReviewer { get; set; }

    /// <summary>The third party consulted, or the organ responsible for the information (<see cref="CaseStep.Party"/>).</summary>
    public string? Party { get; set; }
    public string? PartyContact { get; set; }

    /// <summary>The 索引号 of the item already public a 36(一) reply points to.</summary>
    public string? ItemIndex { get; set; }
    public DateTime RecordedUtc { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    public CaseStep ToDomain() => new(Kind, Date, Actor, Reason, ReplyType, Days, Amount, ByReviewer, Party, PartyContact, ItemIndex);

    /// <summary>The stored form of a step the domain accepted.</summary>
    public static ApplicationStep From(CaseStep step, DisclosureApplication application, int? actorUserId, DateTime nowUtc) => new()
    {
        ApplicationId = application.Id, AgencyId = application.AgencyId, Kind = step.Kind, Date = step.Date, Actor = step.Actor,
        ActorUserId = actorUserId, Reason = step.Reason, ReplyType = step.Reply, Days = step.Days, Amount = step.Amount,
        ByReviewer = step.ByReviewer, Party = step.Party, PartyContact = step.PartyContact, ItemIndex = step.ItemIndex, RecordedUtc = nowUtc,
    };
}

internal sealed class ApplicationStepConfiguration : IEntityTypeConfiguration<ApplicationStep>
{
    public void Configure(EntityTypeBuilder<ApplicationStep> e)
    {
        e.ToTable("application_steps");
        e.HasIndex(s => s.ApplicationId).HasDatabaseName("ix_application_steps_application_id");
        e.HasOne<DisclosureApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(s => s.Kind).HasConversion<string>();
        e.Property(s => s.ReplyType).HasConversion<string>();
        e.Property(s => s.Amount).HasPrecision(12, 2);
    }
}
