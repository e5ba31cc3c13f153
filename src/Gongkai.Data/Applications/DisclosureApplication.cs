using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;

namespace Gongkai.Data.Applications;

/// <summary>
/// A disclosure application as registered: who applied, what for, how it arrived. What happened
/// to it is its steps; its status and due date are derived from them by the domain and stored
/// only so that lists can be sorted and filtered in the database. Never deleted.
/// </summary>
public sealed class DisclosureApplication : IAudited
{
    public int Id { get; set; }
    public int AgencyId { get; set; }

    /// <summary>What the applicant quotes to follow the application; unique.</summary>
    public required string TrackingNumber { get; set; }

    /// <summary>Hash of the secret code given to the applicant with the tracking number.</summary>
    [NotAudited]
    public required string AccessCodeHash { get; set; }

    public DateOnly Received { get; set; }
    public Channel Channel { get; set; }
    public ReplyRules Rules { get; set; }
    public ApplicantKind ApplicantKind { get; set; }
    public required string ApplicantName { get; set; }
    /// <summary>
    /// The ID number: set in the clear, stored sealed (SM4, <see cref="Protection.PersonalDataSeals"/>
    /// seals it in every save). Not audited — its masked form is.
    /// </summary>
    [NotAudited]
    public string? IdNumber { get; set; }

    /// <summary>The number's HMAC-SM3 under the current key: one applicant's requests are found by it (<see cref="ApplicationRecords.RequestNumberInMonthAsync"/>).</summary>
    [NotAudited]
    public string? IdNumberLookup { get; set; }

    /// <summary>What every page, list and letter shows of the number (1101**********002X).</summary>
    public string? IdNumberMasked { get; set; }
    public required string Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public required string Description { get; set; }
    public required string FormWanted { get; set; }

    public CaseStatus Status { get; set; }
    public DateOnly DueDate { get; set; }

    /// <summary>The day it was answered (or deemed abandoned), if it was: lets a report year skip what was done before it.</summary>
    public DateOnly? AnsweredOn { get; set; }

    /// <summary>How it was answered, if it was.</summary>
    public ReplyType? ReplyType { get; set; }

    /// <summary>Whether its reply period was extended.</summary>
    public bool Extended { get; set; }
    public DateTime CreatedUtc { get; set; }
    public int Version { get; set; }

    int? IAudited.AuditAgencyId => AgencyId;

    /// <summary>What the report's figures count of it, as stored.</summary>
    public ApplicationTally Tally() => new(ApplicantKind, Channel, Received, ApplicationTally.Answer(ReplyType, AnsweredOn), Extended);

    /// <summary>Keeps the stored status, due date and answer, used to sort, filter and count in the database, equal to what the steps give.</summary>
    public void Follow(ApplicationCase domain, WorkingCalendar calendar)
    {
        Status = domain.Status;
        DueDate = domain.Deadline(calendar).Due;
        AnsweredOn = domain.Reply?.Date;
        ReplyType = domain.Reply?.Type;
        Extended = domain.Extended;
    }
}

internal sealed class DisclosureApplicationConfiguration : IEntityTypeConfiguration<DisclosureApplication>
{
    public void Configure(EntityTypeBuilder<DisclosureApplication> e)
    {
        e.ToTable("applications");
        e.HasIndex(a => new { a.AgencyId, a.IdNumberLookup }).HasDatabaseName("ix_applications_agency_id_id_number_lookup");
        e.HasIndex(a => a.TrackingNumber).IsUnique().HasDatabaseName("ix_applications_tracking_number");
        e.HasIndex(a => new { a.AgencyId, a.Status, a.DueDate }).HasDatabaseName("ix_applications_agency_id_status_due_date");
        e.HasIndex(a => new { a.AgencyId, a.Received, a.AnsweredOn, a.ApplicantKind, a.Channel, a.ReplyType, a.Extended }).HasDatabaseName("ix_applications_report_year");
        e.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.Property(a => a.Channel).HasConversion<string>();
        e.Property(a => a.Rules).HasConversion<string>();
        e.Property(a => a.ApplicantKind).HasConversion<string>();
        e.Property(a => a.Status).HasConversion<string>();
        e.Property(a => a.ReplyType).HasConversion<string>();
        e.Property(a => a.Version).IsConcurrencyToken();
    }
}
