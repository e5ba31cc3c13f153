namespace Gongkai.Web.Pages.Console.Agencies;

/// <summary>The system admin adds an agency to the tree.</summary>
public sealed class CreateModel(GongkaiDb db, StaffContext staff) : PageModel
{
    [BindProperty]
    public AgencyForm Form { get; set; } = new();

    public IReadOnlyList<Agency> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        await LoadParentsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            OutcomeView.Show(this, Outcome.Refused(await AgencyRecords.ProblemsAsync(db, null, Form.ShortCode, Form.ParentId, Form.IndexPattern, ct)), prefix: nameof(Form));
        }
        else
        {
            var agency = new Agency { Name = "", ShortCode = "", OfficeName = "", OfficeAddress = "", OfficePhone = "" };
            Form.ApplyIdentityTo(agency);
            Form.ApplyOfficeTo(agency);
            var outcome = await AgencyRecords.CreateAsync(db, agency, ct);
            if (outcome.IsDone)
            {
                TempData["Notice"] = $"已创建机构 {agency.Name}。";
                return Redirect($"/console/agencies/{agency.Id}");
            }
            OutcomeView.Show(this, outcome, prefix: nameof(Form));
        }
        await LoadParentsAsync(ct);
        return Page();
    }

    private async Task LoadParentsAsync(CancellationToken ct) =>
        Parents = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync(ct);
}
