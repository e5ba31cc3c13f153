using Npgsql;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// On PostgreSQL, listens on the channel gongkai_portal (schema 0019: the database announces every
/// committed change to what the portal shows, whichever node or command made it) and drops this
/// node's pages and portal data on each announcement. A notice lasts a round trip, well under a
/// second. While the connection is lost nothing is announced to this node, so its copies are
/// dropped again once it listens anew.
/// </summary>
public sealed class PortalNotices(DatabaseSettings database, PortalCache.PortalData portal, ILogger<PortalNotices> log) : BackgroundService
{
    public const string Channel = "gongkai_portal";
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stop)
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
                await portal.DropAsync(stop);
                while (true)
                {
                    // Returns once a notice has arrived.
                    await connection.WaitAsync(stop);
                    await portal.DropAsync(stop);
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
}
