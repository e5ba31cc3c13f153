using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// On PostgreSQL, listens on the channel gongkai_portal (schema 0019: the database announces every
/// committed change to what the portal shows, whichever node or command made it) and drops this
/// node's pages and portal data on each announcement. A notice lasts a round trip, well under a
/// second. While the connection is lost nothing is announced to this node, so its copies are
/// dropped again once it listens anew.
/// <para>
/// With read replicas (<see cref="ReplicaReads"/>) a notice comes from the primary before the
/// replicas may have replayed the change: a page rendered from a replica just after the drop could
/// be kept for a minute without it. So the pages are dropped once more when every replica that
/// answers has replayed the primary's log as far as it was when the notice arrived.
/// </para>
/// </summary>
public sealed class PortalNotices(DatabaseSettings database, PortalCache.PortalData portal, ILogger<PortalNotices> log) : BackgroundService
{
    public const string Channel = "gongkai_portal";
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    /// <summary>How often a replica is asked how far it has replayed while a drop waits for it.</summary>
    public static readonly TimeSpan ReplayPoll = TimeSpan.FromMilliseconds(50);

    // The furthest primary position announced and not yet known to be replayed (0: none).
    private ulong _awaited;
    private readonly SemaphoreSlim _announced = new(0);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var replay = database.ReplicaConnectionString is null ? Task.CompletedTask : DropWhenReplayedAsync(stop);
        await ListenAsync(stop);
        await replay;
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        // A listening connection idles for hours: keepalives notice a dead server or a dropped route.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { KeepAlive = 30, Pooling = false }.ConnectionString;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stop);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }
                await DropAsync(connection, stop);
                while (true)
                {
                    // Returns once a notice has arrived.
                    await connection.WaitAsync(stop);
                    await DropAsync(connection, stop);
                }
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                log.LogWarning(e, "Portal change notices: connection lost; listening again in {Seconds} s", Retry.TotalSeconds);
            }
            try
            {
                await Task.Delay(Retry, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DropAsync(NpgsqlConnection primary, CancellationToken stop)
    {
        await portal.DropAsync(stop);
        if (database.ReplicaConnectionString is not null)
        {
            var position = (ulong)await ReplicaReads.PrimaryPositionAsync(primary, stop);
            InterlockedMax(ref _awaited, position);
            _announced.Release();
        }
    }

    private async Task DropWhenReplayedAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await _announced.WaitAsync(stop);
                while (_announced.Wait(0))
                {
                    // Notices that came meanwhile: one wait covers them all.
                }
                var awaited = Interlocked.Read(ref _awaited);
                // Past the pages' lifetime a kept page has expired anyway.
                if (!await ReplicaReads.WaitForReplayAsync(database, new NpgsqlLogSequenceNumber(awaited), PortalCache.Lifetime, ReplayPoll, stop))
                {
                    log.LogWarning("Portal change notices: a read replica has not replayed {Position} within {Seconds} s", new NpgsqlLogSequenceNumber(awaited), PortalCache.Lifetime.TotalSeconds);
                }
                await portal.DropAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Portal change notices: waiting for the read replicas failed; pages dropped now");
                await portal.DropAsync(stop);
            }
        }
    }

    private static void InterlockedMax(ref ulong location, ulong value)
    {
        var seen = Interlocked.Read(ref location);
        while (value > seen && Interlocked.CompareExchange(ref location, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }
}
