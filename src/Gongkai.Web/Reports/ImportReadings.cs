using Gongkai.Documents.Files;
using Gongkai.Documents.Import;
using Gongkai.Domain.Reports.Import;
using Microsoft.Extensions.Caching.Memory;

namespace Gongkai.Web.Reports;

/// <summary>
/// What an uploaded report was read as, kept in memory between the upload, its preview and the
/// import, so a file is read once rather than on every request. Another node, or this one after
/// a restart, reads the stored file again: the reading depends on the file alone.
/// </summary>
public sealed class ImportReadings(IMemoryCache cache, ReadLimits limits)
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    /// <summary>The report read from the file, and the file's text as the preview shows it beside the table.</summary>
    public sealed record Reading(ImportedReport Imported, string SourceText);

    /// <summary>Reads a file within the upload limits; throws <see cref="ReportImportException"/> when it cannot be read.</summary>
    public Reading Read(string fileName, byte[] content)
    {
        var document = ReportFiles.Read(fileName, content, limits);
        var text = string.Join("\n", document.Blocks.Select(b => b switch
        {
            SourceParagraph p => p.Text,
            SourceTable t => string.Join("\n", t.Rows.Select(r => string.Join(" | ", r.Cells.Select(c => c.Text)))),
            _ => "",
        }));
        return new Reading(ReportParser.Parse(document), text);
    }

    /// <summary>Keeps the reading made at upload for the stored file's id.</summary>
    public void Keep(int sourceId, Reading reading) => cache.Set(Key(sourceId), reading, new MemoryCacheEntryOptions { SlidingExpiration = Idle });

    public Reading Get(ReportSourceFile source) =>
        cache.GetOrCreate(Key(source.Id), entry =>
        {
            entry.SlidingExpiration = Idle;
            return Read(source.FileName, source.Content);
        })!;

    private static string Key(int sourceId) => $"import-reading:{sourceId}";
}
