using System.Text;
using System.Text.Json;
using Gongkai.Documents.Files;
using Gongkai.Documents.Pdf;
using Gongkai.Tests;

namespace Gongkai.Documents.Tests.Pdf;

/// <summary>
/// The site reads every PDF in a worker process (issue #15): the same pages as reading in this
/// process, but a page PdfPig cannot finish in the time budget, or a file that fills the worker's
/// memory, ends the worker with a refusal instead of holding a core or the site's memory.
/// </summary>
public sealed class PdfWorkerTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "attachments", name));

    private static PdfWorker Worker(int megabytes = 512) =>
        PdfWorker.Beside(AppContext.BaseDirectory, megabytes) ?? throw new InvalidOperationException($"{PdfWorker.AssemblyFile} is not built beside the tests");

    /// <summary>The worker processes this test process started that are still running (Linux: their parent in /proc), the waiting spares left out.</summary>
    private static List<int> RunningWorkers() => Workers(spares: false);

    private static List<int> Workers(bool spares) => !OperatingSystem.IsLinux() ? [] : Directory.GetDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0)
        .Where(pid =>
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var parent = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
                var command = File.ReadAllText($"/proc/{pid}/cmdline");
                return parent == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    && command.Contains(PdfWorker.AssemblyFile, StringComparison.Ordinal) && command.Contains(PdfWorker.WarmFlag, StringComparison.Ordinal) == spares;
            }
            catch (IOException)
            {
                return false;
            }
        }).ToList();

    [Theory]
    [InlineData("libreoffice-list.pdf", "白沙镇2026年临时救助对象名单")]
    [InlineData("chromium-list.pdf", "石桥镇2026年临时救助对象名单")]
    public void TheWorker_GivesThePagesThisProcessReads(string name, string title)
    {
        var content = Fixture(name);
        var here = PdfLines.Read(content);
        var there = PdfLines.Read(content, ReadLimits.Default with { Worker = Worker() });
        Assert.Contains(title, PdfLines.Text(there));
        Assert.Equal(JsonSerializer.Serialize(here), JsonSerializer.Serialize(there));
        Assert.Equal(PdfLines.Text(here), PdfLines.Text(there));
    }

    /// <summary>
    /// While a file is read, the next worker starts and reads a page of its own (a spare, warm when
    /// the next file comes, issue 30): it reads that next file with the same pages as a fresh one,
    /// and ends after it like every worker; another spare is then started.
    /// </summary>
    [Fact]
    public void TheWarmedSpare_ReadsTheNextFile_WithTheSamePages_AndEndsAfterIt()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the spare is found in /proc");
        var worker = Worker();
        var limits = ReadLimits.Default with { Worker = worker };
        var content = Fixture("libreoffice-list.pdf");
        var first = PdfLines.Read(content, limits);
        var spare = WaitForSpare(worker, null);
        Assert.Contains(PdfWorker.WarmFlag, File.ReadAllText($"/proc/{spare}/cmdline"), StringComparison.Ordinal);
        var second = PdfLines.Read(content, limits);
        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        // The spare took the file and ended; a new one waits.
        Assert.False(Directory.Exists($"/proc/{spare}") && File.ReadAllText($"/proc/{spare}/cmdline").Contains(PdfWorker.AssemblyFile, StringComparison.Ordinal));
        Assert.NotEqual(spare, WaitForSpare(worker, spare));
    }

    /// <summary>The pid of the worker's waiting spare other than <paramref name="not"/>; it may take a slow machine some seconds to start one.</summary>
    private static int WaitForSpare(PdfWorker worker, int? not)
    {
        for (var waited = 0; waited < 600; waited++)
        {
            if (worker.SpareProcessId is { } pid && pid != not)
            {
                return pid;
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException("no spare worker started within 60 s");
    }

    [Fact]
    public void APageThatRunsPastTheTimeBudget_IsRefused_AndItsWorkerKilled()
    {
        // One page: reading in this process could look at the clock only before it, never inside it.
        var limits = new ReadLimits(Time: TimeSpan.FromSeconds(1)) { Worker = Worker() };
        var refused = Assert.Throws<FileLimitException>(() => PdfLines.Read(HostileFiles.GarbledPagePdf(800), limits));
        Assert.Equal("读取超时。", refused.Message);
        Assert.Empty(RunningWorkers());
    }

    [Fact]
    public void AFileThatFillsTheWorkersMemory_IsRefusedWithTheLimit()
    {
        // 16 MB of content stream (under the 64 MB inflate limit): PdfPig needs over 256 MB for it; the worker is allowed 48.
        var pdf = HostileFiles.LongContentPdf(16);
        // A time budget no machine reaches first, however busy (a CI run answered 读取超时 at 20 s): only the memory limit may end it.
        var refused = Assert.Throws<FileLimitException>(() => PdfLines.Read(pdf, ReadLimits.Default with { Time = TimeSpan.FromMinutes(10), Worker = Worker(48) }));
        Assert.Equal("读取时占用内存超过 48 MB。", refused.Message);
        Assert.Empty(RunningWorkers());
    }

    [Fact]
    public void AnUnreadableFile_IsRefusedByTheWorker_WithTheMessageThisProcessGives()
    {
        var limits = ReadLimits.Default with { Worker = Worker() };
        Assert.Equal("PDF 文件已加密，无法读取。", Assert.Throws<PdfUnreadableException>(() => PdfLines.Read(HostileFiles.EncryptedPdf(), limits)).Message);
        Assert.Equal("解压后超过 64 MB。", Assert.Throws<FileLimitException>(() => PdfLines.Read(HostileFiles.FlateBombPdf(100), limits)).Message);
    }
}
