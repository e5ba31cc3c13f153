using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Agencies;

/// <summary>A published item with the metadata table government sites print, its attachments and its interpretations.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ItemModel(GongkaiDb db, PortalCache.PortalData portal, TimeProvider clock) : AgencyColumnPage(db, portal)
{
    public override ColumnSection Section => ColumnSection.Catalog;

    public InfoItem Item { get; private set; } = null!;
    public string? Validity { get; private set; }
    public IReadOnlyList<(int Id, string FileName, long Size)> Attachments { get; private set; } = [];
    public IReadOnlyList<(int Id, string Title)> Interpretations { get; private set; } = [];
    public (int Id, string Title)? Original { get; private set; }

    [FromRoute(Name = "id")]
    public int Id { get; set; }

    protected override async Task<IActionResult> LoadSectionAsync(CancellationToken ct)
    {
        var id = Id;
        if (await PublishedAsync(id, ct) is not { } item)
        {
            return NotFound();
        }
        Item = item;
        ViewData["Title"] = $"{item.Title} - {Agency.Name}";
        Breadcrumbs.Set(ViewData, new Breadcrumbs.Step(item.Title));
        Validity = ItemRecords.Validity(item, ChinaTime.Today(clock));
        Attachments = await AttachmentsOf.For(Db)(Db, id).ToListAsync(ct);
        Interpretations = await InterpretationsOf.For(Db)(Db, id).ToListAsync(ct);
        Original = item.InterpretsItemId is { } original && await PublishedAsync(original, ct) is { } o ? (o.Id, o.Title) : null;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(string code, int fileId, CancellationToken ct)
    {
        if (!await FindAgencyAsync(code, ct) || await PublishedAsync(Id, ct) is null)
        {
            return NotFound();
        }
        var file = await Db.ItemAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.ItemId == Id, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private Task<InfoItem?> PublishedAsync(int id, CancellationToken ct) => Published.For(Db)(Db, id, Agency.Id, ct);

    // The page's three reads compiled once (issue 30): run as LINQ, EF finding the translation it
    // already had was about a quarter of an uncached item page's CPU.
    private static readonly CompiledQuery<Func<GongkaiDb, int, int, CancellationToken, Task<InfoItem?>>> Published = new(() => EF.CompileAsyncQuery(
        (GongkaiDb db, int id, int agencyId, CancellationToken ct) => db.InfoItems.AsNoTracking().SingleOrDefault(i => i.Id == id && i.AgencyId == agencyId && i.Status == ItemStatus.Published)));

    private static readonly CompiledQuery<Func<GongkaiDb, int, IAsyncEnumerable<(int, string, long)>>> AttachmentsOf = new(() => EF.CompileAsyncQuery(
        (GongkaiDb db, int id) => db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == id).OrderBy(a => a.Id).Select(a => ValueTuple.Create(a.Id, a.FileName, a.Size))));

    private static readonly CompiledQuery<Func<GongkaiDb, int, IAsyncEnumerable<(int, string)>>> InterpretationsOf = new(() => EF.CompileAsyncQuery(
        (GongkaiDb db, int id) => db.InfoItems.AsNoTracking().Where(i => i.InterpretsItemId == id && i.Status == ItemStatus.Published).OrderBy(i => i.Id).Select(i => ValueTuple.Create(i.Id, i.Title))));
}
