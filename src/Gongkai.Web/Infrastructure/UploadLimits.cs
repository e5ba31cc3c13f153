using Gongkai.Documents.Files;
using Gongkai.Documents.Pdf;

namespace Gongkai.Web.Infrastructure;

/// <summary>The limits every reader of uploaded files works within (<c>Uploads:*</c> settings; the defaults suit annual reports and notices).</summary>
public static class UploadLimits
{
    /// <summary>The worker's heap: the fuzz's worst PDFs peaked at 2.1 GB in one process; real reports need under 200 MB.</summary>
    private const int PdfWorkerMegabytes = 512;

    public static ReadLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Uploads");
        int Positive(string key, int fallback) => Gongkai.Data.SettingsCheck.PositiveInt(section, key, fallback, "上传文件限制");
        var defaults = ReadLimits.Default;
        var limits = new ReadLimits(
            Positive("MaxNesting", defaults.MaxNesting),
            (long)Positive("MaxDecompressedMegabytes", (int)(defaults.MaxDecompressedBytes >> 20)) << 20,
            Positive("MaxCharacters", defaults.MaxCharacters),
            TimeSpan.FromSeconds(Positive("TimeSeconds", (int)defaults.Budget.TotalSeconds)));
        if (!Gongkai.Data.SettingsCheck.Bool(section, "PdfWorker", true))
        {
            return limits;
        }
        var megabytes = Positive("PdfWorkerMegabytes", PdfWorkerMegabytes);
        // Two workers at 512 MB each stay well inside deploy/'s MemoryMax=2G beside the site itself.
        var atOnce = Positive("PdfWorkers", 2);
        var worker = PdfWorker.Beside(AppContext.BaseDirectory, megabytes, atOnce) ?? throw new Gongkai.Data.SettingsException(
            $"Uploads:PdfWorker is true but {PdfWorker.AssemblyFile} (or the dotnet program to run it) is not beside the site in {AppContext.BaseDirectory}: "
            + $"publish the site with it (dotnet publish src/Gongkai.Web), or set Uploads:PdfWorker to false to read PDFs inside the site's process. "
            + $"（找不到读取 PDF 的工作进程 {PdfWorker.AssemblyFile}；或将 Uploads:PdfWorker 设为 false）");
        return limits with { Worker = worker };
    }
}

/// <summary>An uploaded file read into memory, after its size was checked against the path's limit (never before).</summary>
public static class Uploads
{
    public static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
