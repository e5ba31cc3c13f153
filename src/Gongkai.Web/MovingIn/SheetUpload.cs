using Gongkai.Data.MovingIn;
using Gongkai.Documents.Files;

namespace Gongkai.Web.MovingIn;

/// <summary>
/// The form both import pages share: a sheet uploaded for a preview, then carried back in the
/// confirming post (in a hidden field, so nothing is kept on the server between the two) and read
/// again — the rows written are those of the file previewed, checked again at that moment.
/// </summary>
public sealed class SheetUpload
{
    /// <summary>A county's agencies or staff fit in a few hundred KB; the limit keeps the hidden copy under the form field's 4 MB.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    [Display(Name = "表格文件")]
    public IFormFile? File { get; set; }

    /// <summary>The previewed file, base64, for the confirming post.</summary>
    public string? Content { get; set; }

    public string? FileName { get; set; }

    public ImportPreview? Preview { get; set; }

    /// <summary>The office's choice of column per field (field → header, or <see cref="SheetColumns.NotImported"/>), where the import offers one.</summary>
    public Dictionary<string, string?> Map { get; set; } = [];

    public bool Applied { get; set; }

    /// <summary>The sheet's column headers, for choosing which column a field is read from.</summary>
    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>
    /// The import pages' one flow: read the sheet (a file the readers refuse answers 422 naming why,
    /// as every upload path does), preview or apply it with <paramref name="import"/>, and show a
    /// problem of the sheet itself (a required column missing) on the file's field.
    /// </summary>
    public async Task<IActionResult> RunAsync(PageModel page, bool apply, Func<IReadOnlyList<IReadOnlyList<string>>, Task<ImportPreview>> import, CancellationToken ct)
    {
        var (sheet, problem) = await ReadAsync(fromCopy: apply, ct);
        if (sheet is null)
        {
            page.ModelState.AddModelError("Sheet.File", problem!);
            page.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page.Page();
        }
        Preview = await import(sheet);
        Applied = apply && Preview.HasWork;
        if (Preview.Problem is { } sheetProblem)
        {
            page.ModelState.AddModelError("Sheet.File", sheetProblem);
        }
        return page.Page();
    }

    /// <summary>
    /// The sheet of the upload (or of the previewed copy: on confirming, or when a preview is asked
    /// again with other columns chosen), or the reason it cannot be read, for the field "Sheet.File".
    /// </summary>
    private async Task<(IReadOnlyList<IReadOnlyList<string>>? Sheet, string? Problem)> ReadAsync(bool fromCopy, CancellationToken ct)
    {
        fromCopy |= File is null && !string.IsNullOrEmpty(Content);
        byte[] bytes;
        if (fromCopy)
        {
            try
            {
                bytes = Convert.FromBase64String(Content ?? "");
            }
            catch (FormatException)
            {
                return (null, "请重新上传表格。");
            }
        }
        else if (File is not { Length: > 0 and <= MaxBytes } upload)
        {
            return (null, $"请选择表格文件（.xlsx、.xls 或 .csv，不超过 {MaxBytes / 1024 / 1024} MB）。");
        }
        else
        {
            (bytes, FileName) = (await Uploads.BytesAsync(upload, ct), Path.GetFileName(upload.FileName));
            Content = Convert.ToBase64String(bytes);
        }
        if (bytes.Length is 0 or > MaxBytes)
        {
            return (null, "请重新上传表格。");
        }
        try
        {
            var sheet = Spreadsheets.Read(FileName ?? "sheet.xlsx", bytes, ReadLimits.Default);
            Headers = sheet.Count > 0 ? [.. sheet[0].Select(h => h.Trim()).Where(h => h.Length > 0).Distinct()] : [];
            return (sheet, null);
        }
        catch (FileLimitException e)
        {
            return (null, e.Message);
        }
    }
}
