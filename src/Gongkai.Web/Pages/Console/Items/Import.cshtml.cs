using Gongkai.Data.MovingIn;
using Gongkai.Documents.Files;

namespace Gongkai.Web.Pages.Console.Items;

/// <summary>
/// An agency's admin brings the items of its old site: one ZIP (the list and its files), kept in
/// the database from the preview to the confirmation, so any web node can confirm it.
/// </summary>
public sealed class ImportModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    /// <summary>Under the server's request limit (30 MB).</summary>
    public const int MaxBytes = 28 * 1024 * 1024;

    [BindProperty(SupportsGet = true), Display(Name = "机构")]
    public int? AgencyId { get; set; }

    [BindProperty, Display(Name = "压缩包")]
    public IFormFile? Package { get; set; }

    [BindProperty]
    public int? UploadId { get; set; }

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public ImportPreview? Preview { get; private set; }
    public string? FileName { get; private set; }
    public bool Applied { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        AgencyId ??= staff.AgencyId;
        return await LoadAsync(ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await AgencyAsync(ct) is not { } agency)
        {
            return Forbid();
        }
        if (Package is not { Length: > 0 and <= MaxBytes } file)
        {
            ModelState.AddModelError(nameof(Package), $"请选择压缩包（.zip，不超过 {MaxBytes / 1024 / 1024} MB）。");
            return Page();
        }
        var content = await Uploads.BytesAsync(file, ct);
        if (Read(content) is not { } package)
        {
            return Page();
        }
        var upload = await ImportUpload.KeepAsync(db, agency.Id, staff.UserId, file.FileName, content, clock.GetUtcNow().UtcDateTime, ct);
        (UploadId, FileName) = (upload.Id, upload.FileName);
        Preview = await ItemImport.PreviewAsync(db, agency, package.Sheet, package.Files, ReadLimits.Default, ChinaTime.Today(clock), ct);
        return Shown();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        if (await AgencyAsync(ct) is not { } agency)
        {
            return Forbid();
        }
        if (UploadId is not { } id || await ImportUpload.FindAsync(db, id, agency.Id, staff.UserId, ct) is not { } upload || Read(upload.Content) is not { } package)
        {
            ModelState.AddModelError(nameof(Package), "请重新上传压缩包。");
            return Page();
        }
        FileName = upload.FileName;
        Preview = await ItemImport.ApplyAsync(db, agency, package.Sheet, package.Files, upload.FileName, (staff.UserId, staff.DisplayName), ReadLimits.Default,
            ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime, upload, ct);
        Applied = Preview.HasWork;
        return Shown();
    }

    private IActionResult Shown()
    {
        if (Preview?.Problem is { } problem)
        {
            ModelState.AddModelError(nameof(Package), problem);
        }
        return Page();
    }

    private ItemPackage? Read(byte[] content)
    {
        try
        {
            return ItemPackage.FromZip(content, ReadLimits.Default);
        }
        catch (FileLimitException e)
        {
            ModelState.AddModelError(nameof(Package), e.Message);
            // A file refused by the readers' limits answers 422, as every upload path does.
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return null;
        }
    }

    private async Task<Agency?> AgencyAsync(CancellationToken ct) =>
        await LoadAsync(ct) && AgencyId is { } id ? Agencies.FirstOrDefault(a => a.Id == id) : null;

    // Publishing without a new review is the agency admin's call (the system admin's for any agency).
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var allowed = await staff.AgenciesWhereAsync(Permission.EditAgencyProfile, ct);
        Agencies = await db.Agencies.AsNoTracking().Where(a => allowed.Contains(a.Id)).OrderBy(a => a.SortOrder).ToListAsync(ct);
        return Agencies.Count > 0;
    }
}
