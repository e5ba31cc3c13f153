using Gongkai.Documents.Files;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// A workbook of any length as a download: written row by row (<see cref="Xlsx.Write(Stream, IEnumerable{Xlsx.Sheet})"/>)
/// into a temporary file that deletes itself when the response has sent it, so neither the rows
/// nor the file are held in memory (Kestrel refuses synchronous writes to the response itself).
/// </summary>
public static class XlsxDownload
{
    public static FileStreamResult Of(IEnumerable<Xlsx.Sheet> sheets, string fileName)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"gongkai-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            Xlsx.Write(file, sheets);
            file.Position = 0;
            return new FileStreamResult(file, Xlsx.ContentType) { FileDownloadName = fileName };
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
