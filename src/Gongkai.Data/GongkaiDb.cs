using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Data;

/// <summary>
/// The one database context for SQLite and PostgreSQL. The schema itself comes from the versioned
/// SQL scripts under Migrations/ (see <see cref="SchemaMigrator"/>); this mapping must match them,
/// which a test checks on both providers.
/// </summary>
public sealed class GongkaiDb(DbContextOptions<GongkaiDb> options, AuditActor actor, TimeProvider clock) : DbContext(options)
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
    public DbSet<CalendarSchedule> CalendarSchedules => Set<CalendarSchedule>();

    /// <summary>
    /// What the change means in words (e.g. which report cells changed), added to the audit entries
    /// of the next save and then cleared.
    /// </summary>
    public string? AuditNote { get; set; }

    public AuditActor Actor => actor;

    /// <summary>
    /// The reason for correcting records of a year whose report was already submitted, for the
    /// next save; without it such a save is refused (<see cref="RecordsLockedException"/>).
    /// </summary>
    public string? CorrectionReason { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // One convention for instants: stored and read as UTC on both providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Agency>(e =>
        {
            e.ToTable("agencies");
            e.HasIndex(a => a.ShortCode).IsUnique().HasDatabaseName("ix_agencies_short_code");
            e.HasIndex(a => a.ParentId).HasDatabaseName("ix_agencies_parent_id");
            e.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.Level).HasConversion<string>();
            e.Property(a => a.Kind).HasConversion<string>();
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        b.Entity<StaffUser>(e =>
        {
            e.ToTable("staff_users");
            e.HasIndex(u => u.UserName).IsUnique().HasDatabaseName("ix_staff_users_user_name");
            e.HasIndex(u => u.AgencyId).HasDatabaseName("ix_staff_users_agency_id");
            e.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.Property(u => u.Role).HasConversion<string>();
            e.Property(u => u.Version).IsConcurrencyToken();
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasIndex(a => new { a.AgencyId, a.OccurredUtc }).HasDatabaseName("ix_audit_entries_agency_id_occurred_utc");
        });
        b.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));
        b.Entity<RecordCorrection>(e =>
        {
            e.ToTable("record_corrections");
            e.HasIndex(c => new { c.AgencyId, c.Year }).HasDatabaseName("ix_record_corrections_agency_id_year");
            e.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AnnualReportRecord>(e =>
        {
            e.ToTable("annual_reports");
            e.HasIndex(r => new { r.AgencyId, r.Year, r.Edition }).IsUnique().HasDatabaseName("ix_annual_reports_agency_id_year_edition");
            e.HasIndex(r => new { r.Year, r.Status }).HasDatabaseName("ix_annual_reports_year_status");
            e.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Status).HasConversion<string>();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne<ReportSourceFile>().WithMany().HasForeignKey(r => r.SourceFileId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.SourceFileId).HasDatabaseName("ix_annual_reports_source_file_id");
        });
        b.Entity<DisclosureApplication>(e =>
        {
            e.ToTable("applications");
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
        });
        b.Entity<InfoItem>(e =>
        {
            e.ToTable("info_items");
            e.HasIndex(i => i.IndexNumber).IsUnique().HasDatabaseName("ix_info_items_index_number");
            e.HasIndex(i => new { i.AgencyId, i.Year, i.Sequence }).IsUnique().HasDatabaseName("ix_info_items_agency_id_year_sequence");
            e.HasIndex(i => new { i.AgencyId, i.Status, i.PublishedOn, i.Id }).HasDatabaseName("ix_info_items_agency_id_status_published_on_id");
            e.HasIndex(i => new { i.AgencyId, i.Status, i.CategoryCode, i.PublishedOn, i.Id }).HasDatabaseName("ix_info_items_catalog");
            e.HasIndex(i => i.InterpretsItemId).HasDatabaseName("ix_info_items_interprets_item_id");
            e.HasOne<Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<InfoItem>().WithMany().HasForeignKey(i => i.InterpretsItemId).OnDelete(DeleteBehavior.Restrict);
            e.Property(i => i.DocumentKind).HasConversion<string>();
            e.Property(i => i.Status).HasConversion<string>();
            e.Property(i => i.Channels).HasConversion<int>();
            e.Property(i => i.Version).IsConcurrencyToken();
        });
        b.Entity<ItemSignOff>(e =>
        {
            e.ToTable("item_sign_offs");
            e.HasIndex(s => s.ItemId).HasDatabaseName("ix_item_sign_offs_item_id");
            e.HasOne<InfoItem>().WithMany().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.Action).HasConversion<string>();
        });
        b.Entity<ItemAttachment>(e =>
        {
            e.ToTable("item_attachments");
            e.HasIndex(a => a.ItemId).HasDatabaseName("ix_item_attachments_item_id");
            e.HasOne<InfoItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ApplicationStep>(e =>
        {
            e.ToTable("application_steps");
            e.HasIndex(s => s.ApplicationId).HasDatabaseName("ix_application_steps_application_id");
            e.HasOne<DisclosureApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.Kind).HasConversion<string>();
            e.Property(s => s.ReplyType).HasConversion<string>();
            e.Property(s => s.Amount).HasPrecision(12, 2);
        });
        b.Entity<AppealRecord>(e =>
        {
            e.ToTable("appeals");
            e.HasIndex(a => a.ApplicationId).HasDatabaseName("ix_appeals_application_id");
            e.HasIndex(a => new { a.AgencyId, a.Filed }).HasDatabaseName("ix_appeals_agency_id_filed");
            e.HasOne<DisclosureApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.Kind).HasConversion<string>();
            e.Property(a => a.Result).HasConversion<string>();
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        b.Entity<ReplyLetterTemplate>(e =>
        {
            e.ToTable("reply_letter_templates");
            e.HasIndex(t => new { t.AgencyId, t.ReplyType }).IsUnique().HasDatabaseName("ix_reply_letter_templates_agency_id_reply_type");
            e.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.Property(t => t.ReplyType).HasConversion<string>();
            e.Property(t => t.Version).IsConcurrencyToken();
        });
        b.Entity<CalendarSchedule>(e =>
        {
            e.ToTable("calendar_schedules");
            e.HasIndex(c => new { c.Year, c.Version }).IsUnique().HasDatabaseName("ix_calendar_schedules_year_version");
        });
        b.Entity<ReportSourceFile>(e =>
        {
            e.ToTable("report_source_files");
            e.HasIndex(f => f.AgencyId).HasDatabaseName("ix_report_source_files_agency_id");
            e.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });

        foreach (var entity in b.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
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
        var pending = CollectAuditedChanges();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // New rows get their keys only when saved, so the audit rows follow in a second save
        // inside the same transaction: either both land or neither does.
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
        AuditEntries.Add(new AuditEntry
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            AgencyId = agencyId,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Changes = details is null ? "{}" : JsonSerializer.Serialize(details, AuditJson),
        });
        await SaveChangesAsync(ct);
    }

    private List<PendingAudit> CollectAuditedChanges()
    {
        var list = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is not IAudited || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var changes = new SortedDictionary<string, object?[]>(StringComparer.Ordinal);
            foreach (var p in entry.Properties)
            {
                var info = p.Metadata.PropertyInfo;
                if (p.Metadata.IsPrimaryKey() || p.Metadata.IsConcurrencyToken || info?.GetCustomAttribute<NotAuditedAttribute>() is not null)
                {
                    continue;
                }
                var (before, after) = entry.State switch
                {
                    EntityState.Added => (null, p.CurrentValue),
                    EntityState.Deleted => (p.OriginalValue, null),
                    _ => (p.OriginalValue, p.CurrentValue),
                };
                if (entry.State == EntityState.Modified && Equals(before, after))
                {
                    continue;
                }
                var secret = p.Metadata.Name.Contains("Password", StringComparison.Ordinal) || p.Metadata.Name == nameof(StaffUser.SecurityStamp);
                changes[p.Metadata.Name] = secret
                    ? new object?[] { before is null ? null : "******", after is null ? null : "******" }
                    : info?.GetCustomAttribute<AuditedAsDigestAttribute>() is not null
                        ? new object?[] { Digest(before), Digest(after) }
                        : new[] { Show(before), Show(after) };
            }
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }
            // Version is bumped here so that a concurrent edit of the same row fails its update.
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } version)
            {
                var current = (int)entry.Property(version.Name).CurrentValue!;
                entry.Property(version.Name).CurrentValue = current + 1;
            }
            if (AuditNote is not null)
            {
                changes["_note"] = [AuditNote];
            }
            list.Add(new PendingAudit(entry, changes));
        }
        AuditNote = null;
        return list;
    }

    private static string? Digest(object? value) => value switch
    {
        string s => $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..12]} ({s.Length} 字符)",
        byte[] b => $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b))[..12]} ({b.Length} 字节)",
        _ => null,
    };

    private static object? Show(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ => value,
    };

    internal static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record PendingAudit(EntityEntry Entry, SortedDictionary<string, object?[]> Changes)
    {
        private readonly EntityState _state = Entry.State;

        public AuditEntry ToEntry(AuditActor actor, DateTime now) => new()
        {
            OccurredUtc = now,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            AgencyId = ((IAudited)Entry.Entity).AuditAgencyId,
            EntityType = Entry.Metadata.ClrType.Name,
            EntityId = string.Join(",", Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Entry.Property(p.Name).CurrentValue)),
            Action = _state switch
            {
                EntityState.Added => AuditActions.Created,
                EntityState.Deleted => AuditActions.Deleted,
                _ => AuditActions.Updated,
            },
            Changes = JsonSerializer.Serialize(Changes, AuditJson),
        };
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}

/// <summary>Stores every <see cref="DateTime"/> as UTC and reads it back marked as UTC.</summary>
public sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
