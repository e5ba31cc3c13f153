namespace Gongkai.Web.Pages.Console.Items;

/// <summary>An item's attachment as stored, for the staff who may read the item.</summary>
public sealed class AttachmentModel(GongkaiDb db, StaffContext staff) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int attachmentId, CancellationToken ct)
    {
        var agencyId = await db.InfoItems.Where(i => i.Id == id).Select(i => (int?)i.AgencyId).SingleOrDefaultAsync(ct);
        // Another agency's item answers as a missing one.
        if (agencyId is null || !await staff.CanAsync(Permission.ReadRecords, agencyId.Value, ct))
        {
            return NotFound();
        }
        var file = await db.ItemAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ItemId == id, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }
}
