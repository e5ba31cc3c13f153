using Gongkai.Domain.Notifications;

namespace Gongkai.Web.Pages.Console;

/// <summary>The first page a staff member sees each morning: what is theirs to do now (<see cref="Worklist"/>).</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    public string DisplayName => staff.DisplayName;
    public string RoleLabel => staff.Role.Label();
    public string AgencyName { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public Worklist.List List { get; private set; } = null!;
    public IReadOnlyList<WorkTask> Tasks => List.Tasks;
    public StaffDigest.Digest Work => List.Work;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.Today(clock);
        AgencyName = await db.Agencies.Where(a => a.Id == staff.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var scope = new Worklist.Scope(staff.UserId, staff.AgencyId, staff.Role, staff.HasAnywhere(Permission.ManageAgencies),
            await staff.AgenciesWhereAsync(Permission.ReadRecords, ct), await staff.AgenciesWhereAsync(Permission.Review, ct),
            await staff.AgenciesWhereAsync(Permission.ApproveItems, ct), await staff.AgenciesWhereAsync(Permission.EditReports, ct),
            await staff.AgenciesWhereAsync(Permission.AcceptReports, ct));
        List = await Worklist.ForAsync(db, scope, await calendars.CurrentAsync(db, ct), Today, ct);
    }
}
