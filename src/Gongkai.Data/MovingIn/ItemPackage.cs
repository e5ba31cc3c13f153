using Gongkai.Data.Staff;
using Gongkai.Documents.Files;

namespace Gongkai.Data.MovingIn;

/// <summary>
/// An old site's items as they arrive: one ZIP holding the list (items.xlsx, .xls or .csv at its
/// root) and the files it names; or, on the server, a list beside its folder of files.
/// </summary>
public sealed record ItemPackage(string ListName, IReadOnlyList<IReadOnlyList<string>> Sheet, IReadOnlyDictionary<string, byte[]> Files)
{
    private static readonly string[] ListTypes = [".xlsx", ".xls", ".csv"];

    /// <exception cref="FileLimitException">Not a ZIP, an unsafe path, past a limit, or no list at its root.</exception>
    public static ItemPackage FromZip(byte[] zip, ReadLimits limits)
    {
        var files = ZipFolder.Read(zip, limits);
        var lists = files.Keys.Where(k => !k.Contains('/') && ListTypes.Contains(Path.GetExtension(k).ToLowerInvariant())).ToList();
        if (lists.Count != 1)
        {
            throw new FileLimitException(lists.Count == 0
                ? "压缩包的最外层应有一个信息列表（.xlsx、.xls 或 .csv），其中写明各条信息及其文件名。"
                : $"压缩包的最外层有不止一个表格（{string.Join("、", lists)}），无法确定哪个是信息列表。");
        }
        return new ItemPackage(lists[0], Spreadsheets.Read(lists[0], files[lists[0]], limits), files);
    }

    /// <summary>A list on the server and the files of <paramref name="folder"/> (by default the list's own folder).</summary>
    public static ItemPackage FromFolder(string listPath, string? folder, ReadLimits limits) =>
        new(Path.GetFileName(listPath), Spreadsheets.Read(listPath, File.ReadAllBytes(listPath), limits),
            LocalFolder.Read(folder ?? Path.GetDirectoryName(Path.GetFullPath(listPath))!, limits));
}

/// <summary>An uploaded ZIP of items, kept from the preview to the confirmation and afterwards as the record of the import's source.</summary>
public sealed class ImportUpload
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int UserId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedUtc { get; set; }
    public DateTime? AppliedUtc { get; set; }

    public static async Task<ImportUpload> KeepAsync(GongkaiDb db, int agencyId, int userId, string fileName, byte[] content, DateTime nowUtc, CancellationToken ct)
    {
        var upload = new ImportUpload { AgencyId = agencyId, UserId = userId, FileName = Path.GetFileName(fileName), Content = content, UploadedUtc = nowUtc };
        db.ImportUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return upload;
    }

    /// <summary>The member's own upload for the agency, not yet applied (a confirmation cannot name another's file).</summary>
    public static Task<ImportUpload?> FindAsync(GongkaiDb db, int id, int agencyId, int userId, CancellationToken ct) =>
        db.ImportUploads.SingleOrDefaultAsync(u => u.Id == id && u.AgencyId == agencyId && u.UserId == userId && u.AppliedUtc == null, ct);
}

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> e)
    {
        e.ToTable("import_uploads");
        e.HasIndex(u => u.AgencyId).HasDatabaseName("ix_import_uploads_agency_id");
        e.HasIndex(u => u.UserId).HasDatabaseName("ix_import_uploads_user_id");
        e.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StaffUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
