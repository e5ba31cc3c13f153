using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The public portal's pages are read far more often than anything on them changes: an anonymous
/// GET of a portal page is kept for <see cref="Lifetime"/> (per URL with its query) and dropped
/// as soon as a change to what the portal shows (items, attachments, agencies and their column
/// texts, reports) is committed. Staff (signed in) and pages with forms that post (the
/// application form, with its antiforgery token) are never cached. With several web nodes on
/// PostgreSQL, the database announces each committed change to every node
/// (<see cref="PortalNotices"/>); a page rendered while a change was being dropped is not kept.
/// </summary>
public static class PortalCache
{
    public const string Policy = "portal";
    private const string Tag = "portal";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddPortalCache(this IServiceCollection services, DatabaseSettings database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddHostedService<PortalNotices>();
        }
        return services.AddOutputCache(o => o.AddPolicy(Policy, b => b.Expire(Lifetime).Tag(Tag)
            // A page is kept once for each reading view (关怀版, 字号): the view is part of its HTML.
            .VaryByValue(context => new KeyValuePair<string, string>("view", ReadingView.Of(context.Request).Value)).AddPolicy<FreshOnly>()))
            .AddMemoryCache()
            .AddSingleton<PortalData>()
            .AddSingleton<IInterceptor, Eviction>()
            .AddSingleton<IInterceptor, CommitEviction>();
    }

    /// <summary>
    /// What several portal pages read on every request and that changes only with what the
    /// output cache is dropped for (an agency by its code, its catalog's counts): kept for
    /// <see cref="Lifetime"/> at most and dropped with the pages. Read-only to the pages.
    /// </summary>
    public sealed class PortalData(IMemoryCache cache, IOutputCacheStore store)
    {
        private CancellationTokenSource _generation = new();
        private long _version;

        /// <summary>How many times the portal's copies have been dropped: a page begun under an older one may show what was dropped.</summary>
        public long Version => Interlocked.Read(ref _version);

        private readonly ConcurrentDictionary<(string Key, long Version), Task<object?>> _loading = new();

        /// <summary>
        /// The cached value, or the loaded one, kept unless it is null (an unknown agency code is not
        /// remembered). One load per key at a time: the requests that miss while it runs wait for it
        /// (after a publication every search would otherwise read the portal's pages at once — tens
        /// of MB for a province). A request that came after a later drop does not take a value loaded
        /// before it, and one whose load failed (the request that began it went away) loads its own.
        /// </summary>
        public async Task<T> GetAsync<T>(string key, Func<Task<T>> load)
        {
            if (cache.TryGetValue(key, out T? hit) && hit is not null)
            {
                return hit;
            }
            // Taken before loading: a change committed meanwhile has cancelled it, so a stale value expires at once.
            var token = _generation.Token;
            var loading = (key, Version);
            var mine = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var shared = _loading.GetOrAdd(loading, mine.Task);
            if (shared != mine.Task)
            {
                try
                {
                    return await shared is T value ? value : default!;
                }
                catch (Exception)
                {
                    return await load();
                }
            }
            try
            {
                var value = await load();
                // Loaded before a drop: not kept (nor put in place of what a later load kept).
                if (value is not null && !token.IsCancellationRequested)
                {
                    cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime }.AddExpirationToken(new CancellationChangeToken(token)));
                }
                mine.SetResult(value);
                return value;
            }
            catch (Exception e)
            {
                mine.SetException(e);
                _ = mine.Task.Exception; // observed: a load nobody waited for is not reported again
                throw;
            }
            finally
            {
                _loading.TryRemove(new(loading, mine.Task));
            }
        }

        /// <summary>Drops every kept page and value; called once a change is committed.</summary>
        public async ValueTask DropAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _version);
            var old = Interlocked.Exchange(ref _generation, new CancellationTokenSource());
            old.Cancel();
            old.Dispose();
            await store.EvictByTagAsync(Tag, ct);
        }
    }

    /// <summary>
    /// A page whose rendering overlapped a drop may hold what was dropped (it read the database
    /// before the change was committed): it is sent but not kept.
    /// </summary>
    private sealed class FreshOnly(PortalData data) : IOutputCachePolicy
    {
        private static readonly object Key = new();

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
        {
            context.HttpContext.Items[Key] = data.Version;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
        {
            if (context.HttpContext.Items[Key] is not long version || version != data.Version)
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// The records a portal page shows: a change to one drops the pages. The one list — on
    /// PostgreSQL each table's trigger (migration 0019) announces the change to the other nodes,
    /// and PortalCacheTests checks the triggers against this list.
    /// </summary>
    public static readonly IReadOnlyList<Type> Watched = [typeof(InfoItem), typeof(ItemAttachment), typeof(Agency), typeof(AnnualReportRecord)];

    /// <summary>Whether a change to this entity can change a portal page.</summary>
    private static bool Shown(object entity) => Watched.Contains(entity.GetType());

    // A context with unsaved-or-uncommitted changes the portal shows; the pages are dropped once they are committed.
    private static readonly ConditionalWeakTable<DbContext, object> Dirty = new();

    private static async ValueTask EvictIfDirtyAsync(DbContext? context, PortalData data, CancellationToken ct)
    {
        if (context is not null && Dirty.Remove(context))
        {
            await data.DropAsync(ct);
        }
    }

    /// <summary>Notes what a save changes; drops the pages at once when no transaction is open.</summary>
    public sealed class Eviction(PortalData data) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Shown(e.Entity)))
            {
                Dirty.AddOrUpdate(context, true);
            }
            return ValueTask.FromResult(result);
        }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
        {
            if (eventData.Context?.Database.CurrentTransaction is null)
            {
                await EvictIfDirtyAsync(eventData.Context, data, ct);
            }
            return result;
        }
    }

    /// <summary>Drops the pages when the transaction that changed them commits (the search index is written in the same one).</summary>
    public sealed class CommitEviction(PortalData data) : DbTransactionInterceptor
    {
        public override async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default) =>
            await EvictIfDirtyAsync(eventData.Context, data, ct);

        public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
        {
            if (eventData.Context is { } context)
            {
                Dirty.Remove(context);
            }
            return Task.CompletedTask;
        }
    }
}
