namespace Gongkai.Data.Protection;

/// <summary>Files that hold secrets (the personal-data keys, initial passwords): made new, readable and writable by their owner only.</summary>
public static class OwnerOnlyFiles
{
    /// <exception cref="IOException">The file exists already (it is never overwritten).</exception>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        return new FileStream(path, options);
    }
}
