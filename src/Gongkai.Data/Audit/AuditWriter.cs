using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Data.Staff;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gongkai.Data.Audit;

/// <summary>
/// Turns the tracked changes of a save into audit entries: which record, which fields old → new,
/// secrets masked and large fields as digests. Also bumps each changed row's version, so a
/// concurrent edit of the same row fails its update.
/// </summary>
internal static class AuditWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A change of an audited entity, described before the save; its entry is made after, when new rows have their keys.</summary>
    public sealed record Pending(EntityEntry Entry, SortedDictionary<string, object?[]> Changes)
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
            Changes = JsonSerializer.Serialize(Changes, Json),
        };
    }

    /// <summary>The audited changes about to be saved, each with <paramref name="note"/> (what the change means in words) if given.</summary>
    public static List<Pending> Collect(ChangeTracker tracker, string? note)
    {
        var list = new List<Pending>();
        foreach (var entry in tracker.Entries())
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
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } version)
            {
                var current = (int)entry.Property(version.Name).CurrentValue!;
                entry.Property(version.Name).CurrentValue = current + 1;
            }
            if (note is not null)
            {
                changes["_note"] = [note];
            }
            list.Add(new Pending(entry, changes));
        }
        return list;
    }

    /// <summary>An entry that is not a row change (sign-in events).</summary>
    public static AuditEntry Event(AuditActor actor, DateTime now, string action, string entityType, string entityId, int? agencyId, object? details) => new()
    {
        OccurredUtc = now,
        ActorUserId = actor.UserId,
        ActorName = actor.Name,
        AgencyId = agencyId,
        EntityType = entityType,
        EntityId = entityId,
        Action = action,
        Changes = details is null ? "{}" : JsonSerializer.Serialize(details, Json),
    };

    private static string? Digest(object? value) => value switch
    {
        string s => $"sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..12]} ({s.Length} 字符)",
        byte[] b => $"sha256:{Convert.ToHexStringLower(SHA256.HashData(b))[..12]} ({b.Length} 字节)",
        _ => null,
    };

    private static object? Show(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ => value,
    };
}
