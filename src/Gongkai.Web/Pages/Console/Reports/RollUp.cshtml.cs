using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports.Supervision;
using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Reports;

/// <summary>
/// A supervisor's roll-up of a year: its own agency's report (本级) and the sum over every agency
/// it may read (全县 / 全市), per format; which agencies are included and which have not published.
/// </summary>
public sealed class RollUpModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    /// <summary>"records": also count the groups' figures from their records, in one pass per group, and compare.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    /// <summary>A group's published sums against what its agencies' records give: the cells that differ.</summary>
    public sealed record Comparison(ReportRollUp.Group Group, RecordCount Records, IReadOnlyList<(CellDef Cell, decimal? Reported, decimal? Counted)> Differences);

    public IReadOnlyList<Comparison> Comparisons { get; private set; } = [];

    /// <summary>Whether the staff member may chase up a late agency (督办).</summary>
    public bool MayChaseUp => staff.HasAnywhere(Permission.SendChaseUps);

    public string AgencyName { get; private set; } = "";
    public AnnualReport? Own { get; private set; }
    public IReadOnlyList<ReportRollUp.Group> Groups { get; private set; } = [];
    /// <summary>An agency whose report for the year is not published: Art. 49's date, where its report stands, its failing checks.</summary>
    public sealed record Pending(int AgencyId, string Agency, DateOnly Due, bool Late, bool DueSoon, ReportStatus? Status, int Errors, int? RecordId);

    public IReadOnlyList<Pending> NotPublished { get; private set; } = [];

    public sealed record Correction(string Agency, int Count, int RecordId);

    /// <summary>Agencies that corrected the year's records after submitting its report (<see cref="RecordLock"/>).</summary>
    public IReadOnlyList<Correction> Corrected { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? download, CancellationToken ct)
    {
        Year ??= ChinaTime.Today(clock).Year - 1;
        var year = Year.Value;
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        AgencyName = await db.Agencies.Where(a => a.Id == staff.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(ct) ?? "";
        var rollUp = await ReportRollUp.ForAsync(db, readable, year, AgencyName, ct);
        var agencies = rollUp.Agencies;
        var reports = rollUp.Published;
        Own = reports.GetValueOrDefault(staff.AgencyId);
        var today = ChinaTime.Today(clock);
        var latest = (await db.AnnualReports.AsNoTracking().Where(r => readable.Contains(r.AgencyId) && r.Year == year)
                .Select(r => new { r.Id, r.AgencyId, r.Edition, r.Status, r.ErrorCount }).ToListAsync(ct))
            .GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Edition)!);
        NotPublished = agencies.Where(a => !reports.ContainsKey(a.Id)).Select(a =>
        {
            var due = ReportWorkflow.Due(a.Kind, year);
            var edition = latest.GetValueOrDefault(a.Id);
            return new Pending(a.Id, a.Name, due, today > due, ReportWorkflow.DueSoon(a.Kind, year, today), edition?.Status, edition?.ErrorCount ?? 0, edition?.Id);
        }).ToList();
        var corrections = await db.RecordCorrections.AsNoTracking().Where(c => readable.Contains(c.AgencyId) && c.Year == year)
            .GroupBy(c => c.AgencyId).Select(g => new { AgencyId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.AgencyId, g => g.Count, ct);
        Corrected = agencies.Where(a => corrections.ContainsKey(a.Id) && latest.ContainsKey(a.Id))
            .Select(a => new Correction(a.Name, corrections[a.Id], latest[a.Id].Id)).ToList();
        Groups = rollUp.Groups;
        if (Source == "records")
        {
            var comparisons = new List<Comparison>();
            foreach (var group in Groups.Where(g => ApplicationTables.Computable(g.Format.Code)))
            {
                var counted = await RecordCounts.CountAsync(db, group.AgencyIds, group.Format, year, ct);
                comparisons.Add(new Comparison(group, counted, RecordFigures.Differences(group.Format, group.Sum.Values, counted.Values)));
            }
            Comparisons = comparisons;
        }
        if (download == "xlsx")
        {
            return File(ReportRollUp.Workbook(rollUp), Gongkai.Documents.Files.Xlsx.ContentType, $"汇总-{year}.xlsx");
        }
        if (download == "csv")
        {
            return File(ReportCsv.Utf8WithMark(ReportCsv.Render(Groups.Select(g => g.Sum))), "text/csv; charset=utf-8", $"汇总-{year}.csv");
        }
        ViewData["Title"] = $"{year} 年度报告汇总";
        return Page();
    }
}
