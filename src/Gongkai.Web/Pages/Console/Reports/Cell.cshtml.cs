using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Reports;

/// <summary>
/// The drill-down of a figure: the records it counts, selected by the same functions that count
/// them (<see cref="ApplicationTables.CellsOf(ApplicationTally, ReportFormat, int)"/>,
/// <see cref="ProactiveTables.CellsOf"/>), so the list and the figure cannot disagree; or, for a
/// typed figure, the clerk's note on where it came from.
/// </summary>
public sealed class CellModel(GongkaiDb db, StaffContext staff) : PageModel
{
    public AnnualReportRecord Record { get; private set; } = null!;
    public AnnualReport Report { get; private set; } = null!;
    public CellDef Cell { get; private set; } = null!;
    public bool Computable { get; private set; }
    public CellOrigin Origin { get; private set; }
    public IReadOnlyList<CountedApplication> Applications { get; private set; } = [];
    public IReadOnlyList<AppealRecord> Appeals { get; private set; } = [];
    public IReadOnlyList<CountedItem> Items { get; private set; } = [];

    /// <summary>How many records count in the cell now.</summary>
    public int Counted => Applications.Count + Appeals.Count + Items.Count;

    public async Task<IActionResult> OnGetAsync(int id, string? key, CancellationToken ct)
    {
        var (record, denied) = await ReportAccess.FindAsync(db, staff, id, Permission.ReadRecords, ct);
        if (record is null)
        {
            return denied!;
        }
        Record = record;
        Report = ReportRecords.Load(record);
        var format = Report.Format;
        if (format.Cells().FirstOrDefault(c => c.Key.ToString() == key) is not { } cell)
        {
            return NotFound();
        }
        Cell = cell;
        Origin = Report.Sources.OriginOf(cell.Key, Report.Values);
        Computable = RecordFigures.Cells(format).Contains(cell.Key);
        if (Computable)
        {
            if (ProactiveTables.OwnedCells(format.Code).Contains(cell.Key))
            {
                Items = (await DisclosureHistory.CountedItemsAsync(db, record.AgencyId, format.Code, ct))
                    .Where(i => ProactiveTables.CellsOf(i.Item, format.Code, record.Year).Contains(cell.Key)).ToList();
            }
            else
            {
                Applications = (await ApplicationHistory.ApplicationsForYearAsync(db, record.AgencyId, record.Year, ct))
                    .Where(a => ApplicationTables.CellsOf(a.Tally, format, record.Year).Contains(cell.Key)).ToList();
                Appeals = (await ApplicationHistory.AppealRecordsForYearAsync(db, [record.AgencyId], record.Year, ct))
                    .Where(a => ApplicationTables.CellsOf(a.ToDomain(), format, record.Year).Contains(cell.Key)).ToList();
            }
        }
        ViewData["Title"] = $"{ReportChecks.Name(cell)} · {record.Title}";
        return Page();
    }
}
