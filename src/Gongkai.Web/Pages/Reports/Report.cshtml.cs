using System.Text;
using Gongkai.Documents.Reports;
using Gongkai.Web.Pages.Agencies;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Reports;

/// <summary>A published annual report: the HTML rendering, with DOCX, JSON and CSV to download; older editions stay readable.</summary>
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ReportModel(GongkaiDb db, PortalCache.PortalData portal) : AgencyColumnPage(db, portal)
{
    public override ColumnSection Section => ColumnSection.Reports;

    [BindProperty(SupportsGet = true)]
    public int Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Edition { get; set; }

    [BindProperty(SupportsGet = true, Name = "download")]
    public string? DownloadAs { get; set; }

    public AnnualReportRecord Record { get; private set; } = null!;
    public AnnualReport Report { get; private set; } = null!;
    public int? NewerEdition { get; private set; }
    public IReadOnlyList<AnnualReportRecord> Editions { get; private set; } = [];

    public string Download(string kind) => $"/agency/{Agency.ShortCode}/reports/{Record.Year}?edition={Record.Edition}&download={kind}";

    protected override async Task<IActionResult> LoadSectionAsync(CancellationToken ct)
    {
        Editions = await ReportRecords.Public(Db, Agency.Id).Where(r => r.Year == Year).ToListAsync(ct);
        var record = Edition is { } edition ? Editions.FirstOrDefault(r => r.Edition == edition) : Editions.FirstOrDefault(r => r.Status == ReportStatus.Published);
        if (record is null)
        {
            return NotFound();
        }
        Record = record;
        Report = ReportRecords.Load(record);
        if (record.Status == ReportStatus.Superseded)
        {
            NewerEdition = Editions.FirstOrDefault(r => r.Status == ReportStatus.Published)?.Edition;
        }
        var file = $"{Agency.ShortCode}-{record.Year}-v{record.Edition}";
        switch (DownloadAs)
        {
            case null:
                break;
            case "docx":
                return File(ReportDocx.Render(Report), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{file}.docx");
            case "json":
                return File(Encoding.UTF8.GetBytes(ReportJson.Write(Report)), "application/json; charset=utf-8", $"{file}.json");
            case "csv":
                return File(ReportCsv.Utf8WithMark(ReportCsv.Render(Report)), "text/csv; charset=utf-8", $"{file}.csv");
            default:
                return NotFound();
        }
        ViewData["Title"] = Report.Title;
        Breadcrumbs.Set(ViewData, new Breadcrumbs.Step($"{Record.Year}年度报告"));
        return Page();
    }
}
