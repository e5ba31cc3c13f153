namespace Gongkai.Web.Pages.Console.Letters;

/// <summary>The agency admin words the reply letters of its agency; a template left empty falls back to the default.</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReplyType> Types { get; } = Enum.GetValues<ReplyType>().ToList();

    [BindProperty]
    public Dictionary<string, string?> Bodies { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await staff.CanAsync(Permission.EditAgencyProfile, staff.AgencyId, ct))
        {
            return Forbid();
        }
        var own = await db.ReplyLetterTemplates.AsNoTracking().Where(t => t.AgencyId == staff.AgencyId).ToDictionaryAsync(t => t.ReplyType, t => t.Body, ct);
        Bodies = Types.ToDictionary(t => t.ToString(), t => (string?)own.GetValueOrDefault(t, ReplyLetters.DefaultBody(t)));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await staff.CanAsync(Permission.EditAgencyProfile, staff.AgencyId, ct))
        {
            return Forbid();
        }
        foreach (var type in Types)
        {
            var body = Bodies.GetValueOrDefault(type.ToString());
            if (body is not null && ReplyLetters.UnknownPlaceholders(body) is { Count: > 0 } unknown)
            {
                ModelState.AddModelError($"Bodies[{type}]", $"没有这些占位符：{string.Join("、", unknown.Select(u => "{" + u + "}"))}。");
            }
            if (body is not null && ReplyLetters.MissingElements(type, body) is { Count: > 0 } missing)
            {
                // Art. 36 asks these of every letter of the type: a template may word them, not drop them.
                ModelState.AddModelError($"Bodies[{type}]", $"此类答复的告知书必须包含：{string.Join("、", missing)}。");
            }
            if (body?.Length > 5000)
            {
                ModelState.AddModelError($"Bodies[{type}]", "模板不超过 5000 个字。");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var own = await db.ReplyLetterTemplates.Where(t => t.AgencyId == staff.AgencyId).ToDictionaryAsync(t => t.ReplyType, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var type in Types)
        {
            var body = Bodies.GetValueOrDefault(type.ToString())?.Replace("\r\n", "\n").Trim();
            var custom = string.IsNullOrEmpty(body) || body == ReplyLetters.DefaultBody(type) ? null : body;
            if (own.TryGetValue(type, out var existing))
            {
                if (custom is null)
                {
                    db.ReplyLetterTemplates.Remove(existing);
                }
                else if (existing.Body != custom)
                {
                    existing.Body = custom;
                    existing.UpdatedUtc = now;
                }
            }
            else if (custom is not null)
            {
                db.ReplyLetterTemplates.Add(new ReplyLetterTemplate { AgencyId = staff.AgencyId, ReplyType = type, Body = custom, UpdatedUtc = now });
            }
        }
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = "模板已保存。";
        return Redirect("/console/letters");
    }
}
