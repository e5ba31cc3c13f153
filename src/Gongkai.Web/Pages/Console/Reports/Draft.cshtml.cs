using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Reports;

/// <summary>
/// What helps the clerk draft a report beside the entry form (Edit): the figures counted from the
/// records, the narrative redrafted from the table, and the live check while typing. A refusal
/// (a changed or locked draft) is shown here with the way back.
/// </summary>
public sealed class DraftModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    public static string Address(int reportId, string handler) => $"/console/reports/{reportId}/draft?handler={handler}";

    [BindProperty, Display(Name = "统计表中的数字"), TextLimit(40)]
    public Dictionary<string, string?> Cells { get; set; } = [];

    [BindProperty, Display(Name = "数字的来源或修改原因"), TextLimit(500)]
    public Dictionary<string, string?> Notes { get; set; } = [];

    public int ReportId { get; private set; }

    public IActionResult OnGet(int id) => Redirect($"/console/reports/{id}/edit");

    /// <summary>
    /// Fills every figure the records give (the documents of 第二十条第（一）项, tables 三 and 四, or
    /// the legacy rows) and drafts the empty narrative parts; the clerk counts nothing by hand.
    /// What was counted is kept as the cells' source; typed figures and their notes stay.
    /// </summary>
    public async Task<IActionResult> OnPostFromRecordsAsync(int id, CancellationToken ct)
    {
        var (record, denied) = await ReportAccess.FindAsync(db, staff, id, Permission.EditReports, ct);
        if (record is null)
        {
            return denied!;
        }
        var stored = ReportRecords.Load(record);
        if (!ReportWorkflow.ContentEditable(record.Status) || !ApplicationTables.Computable(stored.Format.Code))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }
        var outcome = await ReportEditions.FillFromRecordsAsync(db, record, stored, clock.GetUtcNow().UtcDateTime, ct);
        var counted = outcome.Value;
        return Shown(id, outcome, counted is null ? "" : ApplicationTables.IsLegacy(stored.Format.Code)
            ? $"已根据 {counted.Items} 条主动公开信息、{counted.Applications} 件申请和 {counted.Appeals} 件行政复议、行政诉讼的记录生成统计表的主动公开、依申请公开、行政复议、行政诉讼各行。"
            : $"已根据 {counted.Items} 条主动公开信息、{counted.Applications} 件申请和 {counted.Appeals} 件行政复议、行政诉讼的记录生成第二十条第（一）项和表三、表四；其他各项请按来源填写。");
    }

    /// <summary>Replaces the drafted parts' text with the draft of the current table, at the clerk's request.</summary>
    public async Task<IActionResult> OnPostRedraftAsync(int id, CancellationToken ct)
    {
        var (record, denied) = await ReportAccess.FindAsync(db, staff, id, Permission.EditReports, ct);
        if (record is null)
        {
            return denied!;
        }
        var outcome = await ReportEditions.RedraftAsync(db, record, ReportRecords.Load(record), clock.GetUtcNow().UtcDateTime, ct);
        return Shown(id, outcome, "已按表格重拟正文，请核对后保存。");
    }

    /// <summary>The cross-checks of the typed values, as JSON, for the live check while typing.</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken ct)
    {
        var (record, denied) = await ReportAccess.FindAsync(db, staff, id, Permission.EditReports, ct);
        if (record is null)
        {
            return denied!;
        }
        var stored = ReportRecords.Load(record);
        var problems = new List<object>();
        var values = ReportEntry.Cells(stored.Format, Cells, (cell, message) => problems.Add(new { cell, message }));
        var violations = (stored with { Values = values, Sources = ReportEntry.Notes(stored, Notes) }).Check(imported: record.SourceFileId is not null);
        return new JsonResult(new
        {
            errors = violations.Count(v => v.Severity == Severity.Error),
            warnings = violations.Count(v => v.Severity == Severity.Warning),
            violations = violations.Select(v => new { severity = v.Severity == Severity.Error ? "error" : "warning", message = v.Message, cells = v.Cells.Select(c => c.ToString()) }),
            problems,
        });
    }

    private IActionResult Shown(int id, Outcome outcome, string notice)
    {
        if (outcome.IsDone)
        {
            TempData["Notice"] = notice;
            return Redirect($"/console/reports/{id}/edit");
        }
        ReportId = id;
        OutcomeView.Show(this, outcome);
        Response.StatusCode = outcome.Kind == OutcomeKind.Stale ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
