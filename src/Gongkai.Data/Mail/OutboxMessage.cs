using Gongkai.Domain.Notifications;

namespace Gongkai.Data.Mail;

public enum OutboxState
{
    /// <summary>Waiting to be sent, or to be tried again at <see cref="OutboxMessage.NextAttemptUtc"/>.</summary>
    Pending,
    Sent,
    /// <summary>Given up after <see cref="MailSettings.MaxAttempts"/> tries; the system admin may send it again.</summary>
    Failed,
}

/// <summary>
/// A mail to send, written in the same transaction as the change it tells of: the step is recorded
/// if and only if its mail exists. A background sender delivers it, retrying with back-off while
/// the mail server is down. Kept after sending, as the record of what the applicant was told.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public int? AgencyId { get; set; }
    public int? ApplicationId { get; set; }
    public MessageKind Kind { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? AttachmentName { get; set; }
    public byte[]? Attachment { get; set; }

    /// <summary>For mails made by a job (digests, warnings): the same key is never written twice, so running a job again sends nothing twice.</summary>
    public string? DedupeKey { get; set; }

    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("outbox_messages");
        e.Property(m => m.Kind).HasConversion<string>();
        e.Property(m => m.State).HasConversion<string>();
        e.HasIndex(m => new { m.State, m.NextAttemptUtc }).HasDatabaseName("ix_outbox_messages_state_next_attempt_utc");
        e.HasIndex(m => m.ApplicationId).HasDatabaseName("ix_outbox_messages_application_id");
        e.HasIndex(m => m.DedupeKey).IsUnique().HasDatabaseName("ix_outbox_messages_dedupe_key");
    }
}
