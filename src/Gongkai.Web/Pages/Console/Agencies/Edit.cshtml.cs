namespace Gongkai.Web.Pages.Console.Agencies;

/// <summary>
/// Shows an agency to those who may read it; its admin edits the disclosure office's contact data,
/// the system admin also its name, code and place in the tree.
/// </summary>
public sealed class EditModel(GongkaiDb db, StaffContext staff) : PageModel
{
    private static readonly string[] IdentityFields = ["Form.Name", "Form.ShortCode", "Form.ParentId", "Form.Level", "Form.Kind"];

    [BindProperty]
    public AgencyForm Form { get; set; } = new();

    public Agency Agency { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool IdentityEditable { get; private set; }
    public IReadOnlyList<Agency> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Form = AgencyForm.From(Agency);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!IdentityEditable)
        {
            foreach (var field in IdentityFields)
            {
                ModelState.Remove(field);
            }
        }
        if (!ModelState.IsValid)
        {
            OutcomeView.Show(this, Outcome.Refused(IdentityEditable
                ? await AgencyRecords.ProblemsAsync(db, id, Form.ShortCode, Form.ParentId, Form.IndexPattern, ct)
                : await AgencyRecords.ProblemsAsync(db, id, null, null, Form.IndexPattern, ct)), prefix: nameof(Form));
        }
        else
        {
            Form.ApplyOfficeTo(Agency);
            if (IdentityEditable)
            {
                Form.ApplyIdentityTo(Agency);
            }
            var outcome = await AgencyRecords.UpdateAsync(db, Agency, Form.Version, ct);
            if (outcome.IsDone)
            {
                TempData["Notice"] = "已保存。";
                return Redirect($"/console/agencies/{id}");
            }
            OutcomeView.Show(this, outcome, prefix: nameof(Form));
        }
        if (!IdentityEditable)
        {
            var shown = AgencyForm.From(Agency);
            (Form.Name, Form.ShortCode, Form.Level, Form.Kind) = (shown.Name, shown.ShortCode, shown.Level, shown.Kind);
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var agency = await db.Agencies.FindAsync([id], ct);
        if (agency is null)
        {
            return NotFound();
        }
        if (!await staff.CanAsync(Permission.ReadRecords, id, ct))
        {
            return Forbid();
        }
        Agency = agency;
        CanEdit = await staff.CanAsync(Permission.EditAgencyProfile, id, ct);
        IdentityEditable = await staff.CanAsync(Permission.ManageAgencies, id, ct);
        if (IdentityEditable)
        {
            Parents = await db.Agencies.AsNoTracking().Where(a => a.Id != id).OrderBy(a => a.SortOrder).ToListAsync(ct);
        }
        return null;
    }
}
