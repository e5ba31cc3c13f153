namespace Gongkai.Web.Reports;

/// <summary>
/// How many anonymous parses of uploaded reports run at once on this node (<c>Uploads:ConcurrentParses</c>,
/// by default half the cores). The fuzz run found PDFs that cost up to the whole time budget
/// (<c>Uploads:TimeSeconds</c>) of CPU before they are refused; the per-address rate limit alone would
/// let one address keep every core busy with them. A parse that finds no slot within a few seconds
/// is answered 503 with Retry-After, and the rest of the site keeps its cores.
/// </summary>
public sealed class ParseSlots(int slots)
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _free = new(slots, slots);

    public int Count => slots;

    public static ParseSlots From(IConfiguration configuration) =>
        new(Gongkai.Data.SettingsCheck.PositiveInt(configuration.GetSection("Uploads"), "ConcurrentParses", Math.Max(1, Environment.ProcessorCount / 2), "同时解析的上传文件数"));

    /// <summary>A slot, or null when none came free in <see cref="Wait"/>; dispose it to give it back.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken ct) => await _free.WaitAsync(Wait, ct) ? new Slot(_free) : null;

    private sealed class Slot(SemaphoreSlim free) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                free.Release();
            }
        }
    }
}
