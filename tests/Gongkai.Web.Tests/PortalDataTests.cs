using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The portal's kept values (<see cref="PortalCache.PortalData"/>): one load per key at a time, never a value from before a drop.</summary>
public sealed class PortalDataTests
{
    private static PortalCache.PortalData NewData()
    {
        var store = new ServiceCollection().AddOptions().AddOutputCache().BuildServiceProvider().GetRequiredService<IOutputCacheStore>();
        return new PortalCache.PortalData(new MemoryCache(new MemoryCacheOptions()), store);
    }

    [Fact]
    public async Task RequestsThatMissTogether_WaitForOneLoad()
    {
        var data = NewData();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        async Task<string> Load()
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return "pages";
        }

        var first = data.GetAsync("search:pages", Load);
        var others = Enumerable.Range(0, 9).Select(_ => data.GetAsync("search:pages", Load)).ToList();
        gate.SetResult();

        Assert.Equal("pages", await first);
        Assert.All(await Task.WhenAll(others), value => Assert.Equal("pages", value));
        Assert.Equal(1, loads);
        Assert.Equal("pages", await data.GetAsync("search:pages", () => Task.FromResult("not loaded again")));
    }

    /// <summary>The request that began a load went away (its load was cancelled): those waiting for it load their own.</summary>
    [Fact]
    public async Task ALoadThatFails_LeavesTheWaitingRequestsToLoadTheirOwn()
    {
        var data = NewData();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leader = data.GetAsync<string>("agency:qx-bsz", async () =>
        {
            await gate.Task;
            throw new OperationCanceledException("the visitor closed the page");
        });
        var follower = data.GetAsync("agency:qx-bsz", () => Task.FromResult("白沙镇"));
        gate.SetResult();

        await Assert.ThrowsAsync<OperationCanceledException>(() => leader);
        Assert.Equal("白沙镇", await follower);
    }

    /// <summary>A request that comes after a drop does not take what a load begun before the drop reads.</summary>
    [Fact]
    public async Task ARequestAfterADrop_DoesNotTakeALoadBegunBeforeIt()
    {
        var data = NewData();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = data.GetAsync("catalog:1", async () =>
        {
            await gate.Task;
            return "before the change";
        });
        await data.DropAsync(CancellationToken.None);
        var after = data.GetAsync("catalog:1", () => Task.FromResult("after the change"));
        gate.SetResult();

        Assert.Equal("before the change", await before);
        Assert.Equal("after the change", await after);
        // The value loaded before the drop did not take the place of the one loaded after it.
        Assert.Equal("after the change", await data.GetAsync("catalog:1", () => Task.FromResult("loaded again")));
    }
}
