using Gongkai.Documents.Files;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Data.Reports;

/// <summary>
/// A supervisor's roll-up of a year over a set of agencies (全县 / 全市): each agency's published
/// report in force, and per format the sum (<see cref="RollUp.Sum"/>). The console's page and
/// <c>gongkai rollup</c> read it, and write the same workbook.
/// </summary>
public static class ReportRollUp
{
    public sealed record Group(ReportFormat Format, IReadOnlyList<string> Agencies, IReadOnlyList<int> AgencyIds, AnnualReport Sum);

    /// <param name="Agencies">The agencies rolled up, in their set order.</param>
    /// <param name="Published">Each agency's report in force (its newest published edition), by agency id.</param>
    public sealed record Result(int Year, IReadOnlyList<Agency> Agencies, IReadOnlyDictionary<int, AnnualReport> Published, IReadOnlyList<Group> Groups);

    /// <param name="name">Whose roll-up it is (the sum's title names it).</param>
    public static async Task<Result> ForAsync(GongkaiDb db, IReadOnlySet<int> agencyIds, int year, string name, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);
        var records = await db.AnnualReports.AsNoTracking().Where(r => agencyIds.Contains(r.AgencyId) && r.Year == year && r.Status == ReportStatus.Published).ToListAsync(ct);
        var reports = records.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => ReportRecords.Load(g.MaxBy(r => r.Edition)!));
        var groups = agencies.Where(a => reports.ContainsKey(a.Id)).Select(a => (a.Name, a.Id, Report: reports[a.Id]))
            .GroupBy(x => x.Report.FormatCode)
            .Select(g =>
            {
                var format = g.First().Report.Format;
                var sum = AnnualReport.Blank(format, $"{name}（汇总 {g.Count()} 个机构）", year) with { Values = RollUp.Sum(format, g.Select(x => (x.Name, x.Report))) };
                return new Group(format, g.Select(x => x.Name).ToList(), g.Select(x => x.Id).ToList(), sum);
            })
            .ToList();
        return new Result(year, agencies, reports, groups);
    }

    /// <summary>
    /// The roll-up as a supervisor reads it: per format, the sum in the reports' own layout, then
    /// each agency's report in the same layout (the same cell at the same place on every sheet);
    /// last, one sheet per format with a line per cell and its codes, for programs.
    /// </summary>
    public static byte[] Workbook(Result rollUp)
    {
        var sheets = new List<Xlsx.Sheet>();
        var several = rollUp.Groups.Count > 1;
        foreach (var g in rollUp.Groups)
        {
            sheets.Add(ReportXlsx.Layout(several ? $"汇总（{g.Format.Name}）" : "汇总", g.Sum));
            sheets.AddRange(g.AgencyIds.Select(id => ReportXlsx.Layout(rollUp.Published[id].AgencyName, rollUp.Published[id])));
        }
        foreach (var g in rollUp.Groups)
        {
            sheets.Add(new(several ? $"数据（{g.Format.Name}）" : "数据", ReportCsv.Header, ReportCsv.Rows([g.Sum, .. g.AgencyIds.Select(id => rollUp.Published[id])])));
        }
        return Xlsx.Write(sheets.Count > 0 ? sheets : [new("无数据", ReportCsv.Header, [])]);
    }
}
