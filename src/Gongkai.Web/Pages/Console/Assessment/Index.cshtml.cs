using Gongkai.Data.Assessment;
using Gongkai.Domain.Assessment;

namespace Gongkai.Web.Pages.Console.Assessment;

/// <summary>
/// The 政务公开考评 of a year (<see cref="AssessmentRecords"/>): a supervisor sees every agency
/// below it, an agency's staff their own row; each score opens its evidence so the agency can see
/// why and answer. Sorted by any column; downloaded as Excel with the evidence.
/// </summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock, WorkingCalendars calendars) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary>An indicator's code, or "total" (the default), or "agency".</summary>
    [BindProperty(SupportsGet = true, Name = "sort"), TextLimit(40)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "asc")]
    public bool Ascending { get; set; }

    /// <summary>The agency whose evidence is shown.</summary>
    [BindProperty(SupportsGet = true, Name = "agency")]
    public int? Agency { get; set; }

    public AssessmentRecords.Result Result { get; private set; } = null!;
    public IReadOnlyList<AgencyScore> Rows { get; private set; } = [];
    public AgencyScore? Focus { get; private set; }

    /// <summary>The supervisor's own set applying, if any (else the shipped one).</summary>
    public AssessmentSetRecord? OwnSet { get; private set; }
    public bool MayEditSets { get; private set; }
    public bool MayChaseUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? download, CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ReadRecords))
        {
            return Forbid();
        }
        var today = ChinaTime.Today(clock);
        Year = Math.Clamp(Year ?? today.Year - 1, 2008, today.Year);
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        if (Agency is { } focus && !readable.Contains(focus))
        {
            return Forbid();
        }
        var tree = await staff.TreeAsync(ct);
        (var set, OwnSet) = await AssessmentRecords.ApplyingAsync(db, tree.SelfAndAncestors(staff.AgencyId), Year.Value, ct);
        Result = await AssessmentRecords.ForAsync(db, readable, set, Year.Value, today, await calendars.CurrentAsync(db, ct), ct);
        if (download == "xlsx")
        {
            return File(AssessmentRecords.Workbook(Result), Gongkai.Documents.Files.Xlsx.ContentType, $"考评-{Year}.xlsx");
        }
        Rows = Sorted(Result.Rows);
        Focus = Result.Rows.FirstOrDefault(r => r.AgencyId == Agency) ?? (Result.Rows.Count == 1 ? Result.Rows[0] : null);
        MayEditSets = await staff.CanAsync(Permission.EditAssessmentSets, staff.AgencyId, ct);
        MayChaseUp = Focus is not null && Focus.AgencyId != staff.AgencyId && await staff.CanAsync(Permission.SendChaseUps, Focus.AgencyId, ct);
        ViewData["Title"] = $"{Year} 年度政务公开考评";
        return Page();
    }

    /// <summary>Copies the set that applies into one the supervisor's agency owns, and opens it to change.</summary>
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        if (!await staff.CanAsync(Permission.EditAssessmentSets, staff.AgencyId, ct))
        {
            return Forbid();
        }
        var today = ChinaTime.Today(clock);
        var year = Math.Clamp(Year ?? today.Year - 1, 2008, today.Year);
        var (set, _) = await AssessmentRecords.ApplyingAsync(db, (await staff.TreeAsync(ct)).SelfAndAncestors(staff.AgencyId), year, ct);
        var outcome = await AssessmentRecords.CopyAsync(db, staff.AgencyId, set, clock.GetUtcNow().UtcDateTime, ct);
        return outcome.IsDone ? Redirect($"/console/assessment/sets/{outcome.Value!.Id}?year={year}") : RedirectToPage(new { year });
    }

    private IReadOnlyList<AgencyScore> Sorted(IReadOnlyList<AgencyScore> rows)
    {
        var index = Result.Set.Indicators.ToList().FindIndex(i => i.Code == Sort);
        Func<AgencyScore, decimal> key = index >= 0 ? r => r.Scores[index].Score ?? -1 : r => r.Total ?? -1;
        if (Sort == "agency")
        {
            return Ascending ? rows : rows.Reverse().ToList();
        }
        return Ascending ? rows.OrderBy(key).ToList() : rows.OrderByDescending(key).ToList();
    }

    /// <summary>The address of this page sorted by <paramref name="column"/>: a second click turns the order.</summary>
    public string SortLink(string column) =>
        $"/console/assessment?year={Year}&sort={Uri.EscapeDataString(column)}" + ((Sort ?? "total") == column && !Ascending ? "&asc=true" : "");

    public string FocusLink(int agencyId, string? code = null) =>
        $"/console/assessment?year={Year}&sort={Uri.EscapeDataString(Sort ?? "total")}{(Ascending ? "&asc=true" : "")}&agency={agencyId}" + (code is null ? "#evidence" : $"#ind-{code}");

    /// <summary>Where a piece of evidence is in the console.</summary>
    public static string? Link(Evidence e, int agencyId) => e.Kind switch
    {
        EvidenceKind.Item => $"/console/items/{e.RecordId}",
        EvidenceKind.Application => $"/console/applications/{e.RecordId}",
        EvidenceKind.Report when e.RecordId is { } id => $"/console/reports/{id}",
        EvidenceKind.Agency => $"/console/agencies/{agencyId}",
        _ => null,
    };

    /// <summary>The chase-up form for a late record, for a supervisor.</summary>
    public string? ChaseUpLink(Evidence e, Measure measure, int agencyId) => !MayChaseUp ? null : (e.Kind, measure) switch
    {
        (EvidenceKind.Item, Measure.TimelyPublication) => $"/console/chase-ups/new?subject=item&id={e.RecordId}",
        (EvidenceKind.Application, Measure.RepliesOnTime) => $"/console/chase-ups/new?subject=application&id={e.RecordId}",
        (EvidenceKind.Report, Measure.ReportOnTime or Measure.ReportPassesChecks) => $"/console/chase-ups/new?subject=report&id={agencyId}&year={Year}",
        _ => null,
    };
}
