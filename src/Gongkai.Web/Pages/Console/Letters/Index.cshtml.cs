namespace Gongkai.Web.Pages.Console.Letters;

/// <summary>The agency admin words the reply letters and the procedural letters of its agency; a template left empty falls back to the default.</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReplyType> Types { get; } = Enum.GetValues<ReplyType>().ToList();

    public IReadOnlyList<ProceduralLetter> Letters { get; } = Enum.GetValues<ProceduralLetter>().ToList();

    [BindProperty]
    public Dictionary<string, string?> Bodies { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string?> Procedural { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await staff.CanAsync(Permission.EditAgencyProfile, staff.AgencyId, ct))
        {
            return Forbid();
        }
        var own = await db.ReplyLetterTemplates.AsNoTracking().Where(t => t.AgencyId == staff.AgencyId).ToDictionaryAsync(t => t.ReplyType, t => t.Body, ct);
        Bodies = Types.ToDictionary(t => t.ToString(), t => (string?)own.GetValueOrDefault(t, ReplyLetters.DefaultBody(t)));
        var procedural = await db.ProceduralLetterTemplates.AsNoTracking().Where(t => t.AgencyId == staff.AgencyId).ToDictionaryAsync(t => t.Letter, t => t.Body, ct);
        Procedural = Letters.ToDictionary(l => l.ToString(), l => (string?)procedural.GetValueOrDefault(l, l.DefaultBody()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await staff.CanAsync(Permission.EditAgencyProfile, staff.AgencyId, ct))
        {
            return Forbid();
        }
        var outcome = await LetterTemplates.SaveAsync(db, staff.AgencyId, Types.ToDictionary(t => t, t => Bodies.GetValueOrDefault(t.ToString())),
            Letters.ToDictionary(l => l, l => Procedural.GetValueOrDefault(l.ToString())), clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        TempData["Notice"] = "模板已保存。";
        return Redirect("/console/letters");
    }
}
