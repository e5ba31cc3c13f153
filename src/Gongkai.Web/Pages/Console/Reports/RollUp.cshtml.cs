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

    public sealed record Group(ReportFormat Format, IReadOnlyList<string> Agencies, IReadOnlyList<int> AgencyIds, AnnualReport Sum);

    /// <summary>"records": also count the groups' figures from their records, in one pass per group, and compare.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    /// <summary>A group's published sums against what its agencies' records give: the cells that differ.</summary>
    public sealed record Comparison(Group Group, RecordCount Records, IReadOnlyList<(CellDef Cell, decimal? Reported, decimal? Counted)> Differences);

    public IReadOnlyList<Comparison> Comparisons { get; private set; } = [];

    public string AgencyName { get; private set; } = "";
    public AnnualReport? Own { get; private set; }
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    /// <summary>An agency whose report for the year is not published: Art. 49's date, where its report stands, its failing checks.</summary>
    public sealed record Pending(string Agency, DateOnly Due, bool Late, bool DueSoon, ReportStatus? Status, int Errors, int? RecordId);

    public IReadOnlyList<Pending> NotPublished { get; private set; } = [];

    public sealed record Correction(string Agency, int Count, int RecordId);

    /// <summary>Agencies that corrected the year's records after submitting its report (<see cref="RecordLock"/>).</summary>
    public IReadOnlyList<Correction> Corrected { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? download, CancellationToken ct)
    {
        Year ??= ChinaTime.Today(clock).Year - 1;
        var year = Year.Value;
        var readable = await staff.AgenciesWhereAsync(Permission.ReadRecords, ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => readable.Contains(a.Id)).OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);
        AgencyName = agencies.FirstOrDefault(a => a.Id == staff.AgencyId)?.Name ?? "";
        var records = await db.AnnualReports.AsNoTracking().Where(r => readable.Contains(r.AgencyId) && r.Year == year && r.Status == ReportStatus.Published).ToListAsync(ct);
        var reports = records.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => ReportRecords.Load(g.MaxBy(r => r.Edition)!));
        Own = reports.GetValueOrDefault(staff.AgencyId);
        var today = ChinaTime.Today(clock);
        var latest = (await db.AnnualReports.AsNoTracking().Where(r => readable.Contains(r.AgencyId) && r.Year == year)
                .Select(r => new { r.Id, r.AgencyId, r.Edition, r.Status, r.ErrorCount }).ToListAsync(ct))
            .GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Edition)!);
        NotPublished = agencies.Where(a => !reports.ContainsKey(a.Id)).Select(a =>
        {
            var due = ReportWorkflow.Due(a.Kind, year);
            var edition = latest.GetValueOrDefault(a.Id);
            return new Pending(a.Name, due, today > due, ReportWorkflow.DueSoon(a.Kind, year, today), edition?.Status, edition?.ErrorCount ?? 0, edition?.Id);
        }).ToList();
        var corrections = await db.RecordCorrections.AsNoTracking().Where(c => readable.Contains(c.AgencyId) && c.Year == year)
            .GroupBy(c => c.AgencyId).Select(g => new { AgencyId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.AgencyId, g => g.Count, ct);
        Corrected = agencies.Where(a => corrections.ContainsKey(a.Id) && latest.ContainsKey(a.Id))
            .Select(a => new Correction(a.Name, corrections[a.Id], latest[a.Id].Id)).ToList();
        Groups = agencies.Where(a => reports.ContainsKey(a.Id)).Select(a => (a.Name, a.Id, Report: reports[a.Id]))
            .GroupBy(x => x.Report.FormatCode)
            .Select(g =>
            {
                var format = g.First().Report.Format;
                var sum = AnnualReport.Blank(format, $"{AgencyName}（汇总 {g.Count()} 个机构）", year) with { Values = RollUp.Sum(format, g.Select(x => (x.Name, x.Report))) };
                return new Group(format, g.Select(x => x.Name).ToList(), g.Select(x => x.Id).ToList(), sum);
            })
            .ToList();
        if (Source == "records")
        {
            var comparisons = new List<Comparison>();
            foreach (var group in Groups.Where(g => ApplicationTables.Computable(g.Format.Code)))
            {
                var counted = await RecordCounts.CountAsync(db, group.AgencyIds, group.Format, year, ct);
                var owned = CellOrigins.Computable(group.Format);
                var differences = group.Format.Cells().Where(c => owned.Contains(c.Key) && group.Sum.Values.Number(c.Key) != counted.Values.Number(c.Key))
                    .Select(c => (c, group.Sum.Values.Number(c.Key), counted.Values.Number(c.Key))).ToList();
                comparisons.Add(new Comparison(group, counted, differences));
            }
            Comparisons = comparisons;
        }
        if (download == "xlsx")
        {
            return File(RollUpWorkbook(reports), Gongkai.Documents.Files.Xlsx.ContentType, $"汇总-{year}.xlsx");
        }
        if (download == "csv")
        {
            return File(ReportCsv.Utf8WithMark(ReportCsv.Render(Groups.Select(g => g.Sum))), "text/csv; charset=utf-8", $"汇总-{year}.csv");
        }
        ViewData["Title"] = $"{year} 年度报告汇总";
        return Page();
    }

    /// <summary>
    /// The roll-up as a supervisor reads it: per format, the sum in the reports' own layout, then
    /// each agency's report in the same layout (the same cell at the same place on every sheet);
    /// last, one sheet per format with a line per cell and its codes, for programs.
    /// </summary>
    private byte[] RollUpWorkbook(IReadOnlyDictionary<int, AnnualReport> reports)
    {
        var sheets = new List<Gongkai.Documents.Files.Xlsx.Sheet>();
        foreach (var g in Groups)
        {
            var several = Groups.Count > 1 ? $"（{g.Format.Name}）" : "";
            sheets.Add(Gongkai.Documents.Reports.ReportXlsx.Layout($"汇总{several}", g.Sum));
            sheets.AddRange(g.AgencyIds.Select(id => Gongkai.Documents.Reports.ReportXlsx.Layout(reports[id].AgencyName, reports[id])));
        }
        foreach (var g in Groups)
        {
            sheets.Add(new(Groups.Count > 1 ? $"数据（{g.Format.Name}）" : "数据", ReportCsv.Header, ReportCsv.Rows([g.Sum, .. g.AgencyIds.Select(id => reports[id])])));
        }
        return Gongkai.Documents.Files.Xlsx.Write(sheets.Count > 0 ? sheets : [new("无数据", ReportCsv.Header, [])]);
    }
}
