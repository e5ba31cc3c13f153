using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Data;

/// <summary>
/// Reads that tolerate a second of lag — the anonymous portal, whose pages are kept a minute
/// anyway — may come from PostgreSQL streaming replicas (hot standbys) named by
/// <c>ConnectionStrings:ReadOnly</c>, so that a province's portal traffic does not load the
/// primary. Everything else (what a signed-in user does, every write, a citizen's application
/// and its receipt) uses the primary. When no standby answers, those reads go to the primary:
/// the replicas' hosts come first and the primary's last, with Npgsql's <c>prefer-standby</c>
/// (a stopped replica slows the portal, it does not stop it).
/// </summary>
public static class ReplicaReads
{
    /// <summary>The portal's reads: the replicas' hosts, then the primary's, preferring a standby.</summary>
    public static string WithPrimaryFallback(string primary, string replica)
    {
        var reads = new NpgsqlConnectionStringBuilder(replica);
        reads.Host = string.Join(',', Hosts(reads).Concat(Hosts(new NpgsqlConnectionStringBuilder(primary))).Distinct(StringComparer.OrdinalIgnoreCase));
        // The operator's own choice (e.g. standby only: no reads on the primary) is kept.
        reads.TargetSessionAttributes ??= "prefer-standby";
        return reads.ConnectionString;
    }

    /// <summary>The replica setting, refused at start-up when it cannot be read (naming the setting).</summary>
    public static string Checked(string primary, string replica)
    {
        try
        {
            if (Hosts(new NpgsqlConnectionStringBuilder(replica)).Except(Hosts(new NpgsqlConnectionStringBuilder(primary)), StringComparer.OrdinalIgnoreCase).Any())
            {
                return replica.Trim();
            }
        }
        catch (ArgumentException e)
        {
            throw new SettingsException($"ConnectionStrings:ReadOnly is not a PostgreSQL connection string: {e.Message} （只读副本连接字符串 ConnectionStrings:ReadOnly 无法识别）");
        }
        throw new SettingsException("ConnectionStrings:ReadOnly names no host other than the primary's (ConnectionStrings:Default). （只读副本 ConnectionStrings:ReadOnly 应指向主库以外的服务器）");
    }

    /// <summary>Points a context that has not connected yet at the replicas, when any are set.</summary>
    public static void Use(GongkaiDb db, DatabaseSettings settings)
    {
        if (settings.ReadsConnectionString is { } reads)
        {
            db.Database.SetConnectionString(reads);
        }
    }

    /// <summary>Where the primary's log is now: a change whose notice has arrived was committed at or before it.</summary>
    public static async Task<NpgsqlLogSequenceNumber> PrimaryPositionAsync(NpgsqlConnection primary, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_current_wal_lsn()", primary);
        return (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Waits until each replica that answers has replayed the primary's log up to
    /// <paramref name="position"/>, asking every <paramref name="poll"/>, for
    /// <paramref name="patience"/> at most. A replica that does not answer is not waited for: the
    /// portal reads the primary meanwhile. One that is no longer a standby (promoted) has everything.
    /// </summary>
    /// <returns>false when a replica was still behind after <paramref name="patience"/>.</returns>
    public static async Task<bool> WaitForReplayAsync(DatabaseSettings settings, NpgsqlLogSequenceNumber position, TimeSpan patience, TimeSpan poll, CancellationToken ct)
    {
        if (settings.ReplicaConnectionString is not { } replica)
        {
            return true;
        }
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        var all = new NpgsqlConnectionStringBuilder(replica);
        foreach (var host in Hosts(all))
        {
            var one = new NpgsqlConnectionStringBuilder(replica) { Host = host, TargetSessionAttributes = "any", Timeout = 3 };
            try
            {
                await using var connection = new NpgsqlConnection(one.ConnectionString);
                await connection.OpenAsync(ct);
                await using var replayed = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn()", connection);
                while (await replayed.ExecuteScalarAsync(ct) is NpgsqlLogSequenceNumber at && at < position)
                {
                    if (waiting.Elapsed >= patience)
                    {
                        return false;
                    }
                    await Task.Delay(poll, ct);
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // Not answering: the reads that would have gone to it go to the primary.
            }
        }
        return true;
    }

    /// <summary>Each host of a connection string as host:port (a bracketed IPv6 address keeps its brackets).</summary>
    internal static IEnumerable<string> Hosts(NpgsqlConnectionStringBuilder connection) =>
        (connection.Host ?? throw new ArgumentException("Host is missing."))
        .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(h => (h.StartsWith('[') ? h.Contains("]:", StringComparison.Ordinal) : h.Contains(':', StringComparison.Ordinal)) ? h : $"{h}:{connection.Port}");
}
