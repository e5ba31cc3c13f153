using Gongkai.Data.Applications;
using Gongkai.Data.Calendar;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Forms;
using Gongkai.Data.Mail;
using Gongkai.Data.Protection;
using Gongkai.Data.Reports;
using Gongkai.Data.Schema;
using Gongkai.Data.Search;
using Gongkai.Data.Staff;

namespace Gongkai.Data;

/// <summary>
/// The one database context for SQLite and PostgreSQL. The schema itself comes from the versioned
/// SQL scripts under Schema/Migrations/ (see <see cref="SchemaMigrator"/>); the mappings beside each
/// entity must match them, which a test checks on both providers. Every save runs one pipeline in
/// one transaction: the record lock of submitted report years, the change itself, its audit
/// entries, the search index of the items it publishes, changes or withdraws, and the mails it
/// causes (<see cref="Notices"/>).
/// </summary>
/// <param name="personalData">Seals applicants' ID numbers in every save (<see cref="PersonalDataSeals"/>).</param>
/// <param name="notices">Writes the mails a save causes; without it (tests of other things, benchmarks) none are written.</param>
public sealed class GongkaiDb(DbContextOptions<GongkaiDb> options, AuditActor actor, TimeProvider clock, PersonalDataCipher personalData, Notices? notices = null) : DbContext(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RecordCorrection> RecordCorrections => Set<RecordCorrection>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AnnualReportRecord> AnnualReports => Set<AnnualReportRecord>();
    public DbSet<ReportSourceFile> ReportSourceFiles => Set<ReportSourceFile>();
    public DbSet<DisclosureApplication> Applications => Set<DisclosureApplication>();
    public DbSet<ApplicationStep> ApplicationSteps => Set<ApplicationStep>();
    public DbSet<InfoItem> InfoItems => Set<InfoItem>();
    public DbSet<ItemSignOff> ItemSignOffs => Set<ItemSignOff>();
    public DbSet<ItemAttachment> ItemAttachments => Set<ItemAttachment>();
    public DbSet<AppealRecord> Appeals => Set<AppealRecord>();
    public DbSet<ReplyLetterTemplate> ReplyLetterTemplates => Set<ReplyLetterTemplate>();
    public DbSet<ProceduralLetterTemplate> ProceduralLetterTemplates => Set<ProceduralLetterTemplate>();
    public DbSet<CalendarSchedule> CalendarSchedules => Set<CalendarSchedule>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<MessageTemplateRecord> MessageTemplates => Set<MessageTemplateRecord>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<MovingIn.ImportUpload> ImportUploads => Set<MovingIn.ImportUpload>();
    public DbSet<MovingIn.ImportMapping> ImportMappings => Set<MovingIn.ImportMapping>();
    public DbSet<Assessment.AssessmentSetRecord> AssessmentSets => Set<Assessment.AssessmentSetRecord>();
    public DbSet<Supervision.ChaseUp> ChaseUps => Set<Supervision.ChaseUp>();

    /// <summary>
    /// What the change means in words (e.g. which report cells changed), added to the audit entries
    /// of the next save and then cleared.
    /// </summary>
    public string? AuditNote { get; set; }

    public AuditActor Actor => actor;

    /// <summary>Seals and opens personal data at rest; the keys are outside the database.</summary>
    public PersonalDataCipher PersonalData => personalData;

    /// <summary>
    /// The reason for correcting records of a year whose report was already submitted, for the
    /// next save; without it such a save is refused (<see cref="RecordsLockedException"/>).
    /// </summary>
    public string? CorrectionReason { get; set; }

    /// <summary>The full-text index of published items, kept up to date by every save.</summary>
    public ItemSearch Search => field ??= new ItemSearch(this);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // One convention for instants: stored and read as UTC on both providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.ApplyConfigurationsFromAssembly(typeof(GongkaiDb).Assembly);
        Conventions.NameColumnsInSnakeCase(b);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync: every save writes the audit log in the same transaction.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (await RecordLocks.CheckAsync(this, CorrectionReason, actor.Name, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            var note = $"更正已报送年度的记录：{CorrectionReason!.Trim()}";
            AuditNote = AuditNote is null ? note : $"{AuditNote}；{note}";
        }
        PersonalDataSeals.SealPending(ChangeTracker, personalData);
        var pending = AuditWriter.Collect(ChangeTracker, AuditNote);
        AuditNote = null;
        var indexed = IndexChanges.Of(ChangeTracker);
        var mail = notices is null ? null : Notices.Of(ChangeTracker);
        if (pending.Count == 0 && indexed.IsEmpty && mail is not { IsEmpty: false })
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // New rows get their keys only when saved, so the audit rows and the index follow in
        // further statements inside the same transaction: either all land or none does.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var change in pending)
            {
                AuditEntries.Add(change.ToEntry(actor, now));
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await indexed.ApplyAsync(this, cancellationToken);
            if (mail is { IsEmpty: false })
            {
                await notices!.AddAsync(this, mail, now, cancellationToken);
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Writes an audit entry that is not a row change (sign-in events) and saves it.</summary>
    public async Task RecordEventAsync(string action, string entityType, string entityId, int? agencyId, object? details = null, CancellationToken ct = default)
    {
        AuditEntries.Add(AuditWriter.Event(actor, clock.GetUtcNow().UtcDateTime, action, entityType, entityId, agencyId, details));
        await SaveChangesAsync(ct);
    }
}
