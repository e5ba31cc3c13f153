using System.IO.Compression;

namespace Gongkai.Documents.Files;

/// <summary>
/// The files of an uploaded ZIP (an old site's items and attachments), read into memory by name —
/// never written to disk, so no entry can land outside where it was meant to. Refused whole when
/// any entry's path climbs (<c>..</c>), is absolute or names a drive, when there are too many
/// entries, or when they decompress past the read limit (a zip bomb declares small sizes).
/// </summary>
public static class ZipFolder
{
    public const int MaxEntries = 2_000;

    /// <returns>The files by their path inside the ZIP with '/' separators (folders left out).</returns>
    /// <exception cref="FileLimitException">The reason, in Chinese.</exception>
    public static IReadOnlyDictionary<string, byte[]> Read(byte[] content, ReadLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new FileLimitException("无法读取该文件：它不是有效的 ZIP 压缩包。");
        }
        using (zip)
        {
            if (zip.Entries.Count > MaxEntries)
            {
                throw new FileLimitException($"压缩包中的文件超过 {MaxEntries} 个。");
            }
            var files = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
            var total = 0L;
            foreach (var entry in zip.Entries)
            {
                var path = entry.FullName.Replace('\\', '/');
                if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal) || path.Split('/').Any(part => part == ".."))
                {
                    throw new FileLimitException($"压缩包中的路径“{entry.FullName}”不安全（含 ..、绝对路径或盘符），整个压缩包未导入。");
                }
                if (path.EndsWith('/'))
                {
                    continue;
                }
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    if ((total += read) > limits.MaxDecompressedBytes)
                    {
                        throw new FileLimitException($"压缩包解压后超过 {limits.MaxDecompressedBytes / 1024 / 1024} MB。");
                    }
                    buffer.Write(chunk, 0, read);
                }
                files[path] = buffer.ToArray();
            }
            return files;
        }
    }
}
