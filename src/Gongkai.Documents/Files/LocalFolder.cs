namespace Gongkai.Documents.Files;

/// <summary>The files under a folder on the server (the command line's <c>--files</c>), by their path relative to it with '/' separators, bounded as a ZIP is.</summary>
public static class LocalFolder
{
    /// <exception cref="FileLimitException">Too many files, or too many bytes.</exception>
    public static IReadOnlyDictionary<string, byte[]> Read(string folder, ReadLimits limits)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var total = 0L;
        foreach (var path in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System }))
        {
            if (files.Count >= ZipFolder.MaxEntries)
            {
                throw new FileLimitException($"文件夹中的文件超过 {ZipFolder.MaxEntries} 个。");
            }
            if ((total += new FileInfo(path).Length) > limits.MaxDecompressedBytes)
            {
                throw new FileLimitException($"文件夹中的文件合计超过 {limits.MaxDecompressedBytes / 1024 / 1024} MB。");
            }
            files[Path.GetRelativePath(folder, path).Replace('\\', '/')] = File.ReadAllBytes(path);
        }
        return files;
    }
}
