using Gongkai.Domain.Reports.Supervision;
using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Reports;

/// <summary>
/// The agency admin enters a draft's values and narrative. Each cell is read with the rules of its
/// kind; the cross-checks run on every save and, with JavaScript, as the clerk types (Draft has the
/// live check, the figures from the records and the redraft).
/// </summary>
public sealed class EditModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "标题"), Required(ErrorMessage = "请填写标题。"), StringLength(200, ErrorMessage = "标题不超过 200 个字。")]
    public string Title { get; set; } = "";

    [BindProperty, Display(Name = "统计期间起")]
    public DateOnly? PeriodStart { get; set; }

    [BindProperty, Display(Name = "统计期间止")]
    public DateOnly? PeriodEnd { get; set; }

    [BindProperty, Display(Name = "发布日期")]
    public DateOnly? PublishedOn { get; set; }

    [BindProperty]
    public List<PartInput> Parts { get; set; } = [];

    [BindProperty, Display(Name = "统计表中的数字"), TextLimit(40)]
    public Dictionary<string, string?> Cells { get; set; } = [];

    /// <summary>The clerk's notes by cell: where a typed figure came from, why a counted one was changed.</summary>
    [BindProperty, Display(Name = "数字的来源或修改原因"), TextLimit(500)]
    public Dictionary<string, string?> Notes { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public AnnualReportRecord Record { get; private set; } = null!;
    public ReportFormat Format { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public ReportValues Values { get; private set; } = new();
    public CellSources Sources { get; private set; } = CellSources.None;
    public IReadOnlyList<Violation> Violations { get; private set; } = [];

    private AnnualReport _stored = null!;
    private IReadOnlySet<CellKey> _computable = new HashSet<CellKey>();

    public IEnumerable<TableDef> TablesOf(string? partCode) =>
        Format.Outline.FirstOrDefault(p => p.Code == partCode)?.TableCodes.Select(Format.Table) ?? [];

    public IEnumerable<TableDef> UnplacedTables =>
        Format.Tables.Where(t => !Parts.Any(p => TablesOf(p.Code).Contains(t)));

    /// <summary>A value cell of the form (rendered by _CellInput): what was typed or stored, whether it reads, where it came from.</summary>
    public CellInput InputFor(CellDef cell)
    {
        var key = cell.Key.ToString();
        var invalid = ModelState.TryGetValue($"Cells[{key}]", out var entry) && entry.Errors.Count > 0;
        return CellOrigins.Input(cell, Cells.GetValueOrDefault(key), invalid, Sources, Values, Record.Id, _computable, Notes.GetValueOrDefault(key));
    }

    /// <summary>A cell a failed check names, marked in the table: an error before a warning.</summary>
    public string? CheckClass(CellKey key) =>
        Violations.Where(v => v.Cells.Contains(key)).OrderBy(v => v.Severity == Severity.Error ? 0 : 1).FirstOrDefault() is { } v
            ? v.Severity == Severity.Error ? "cell-error" : "cell-warning"
            : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!ReportWorkflow.ContentEditable(Record.Status))
        {
            // Only a draft is edited: a submitted one is returned first, a published one corrected by a new edition (Details).
            TempData["Notice"] = $"本报告当前为“{Record.Status.Label()}”，不能直接修改。" + (Record.Status == ReportStatus.Published ? "如需修改，请使用“更正（生成新版本）”。" : "如需修改，请先退回为草稿。");
            return Redirect($"/console/reports/{id}");
        }
        Title = _stored.Title;
        PeriodStart = _stored.PeriodStart;
        PeriodEnd = _stored.PeriodEnd;
        PublishedOn = _stored.PublishedOn;
        Parts = PartInput.Of(_stored.Parts);
        Cells = _stored.Values.All.ToDictionary(c => c.Key.ToString(), c => (string?)c.Value.Display());
        Notes = _stored.Sources.Notes.ToDictionary(n => n.Key.ToString(), n => (string?)n.Value);
        Version = Record.Version;
        Values = _stored.Values;
        Sources = _stored.Sources;
        Violations = _stored.Check(imported: Record.SourceFileId is not null);
        Redraftable = await ReportEditions.RedraftableAsync(db, Record, _stored, Violations, ct);
        return Page();
    }

    /// <summary>The parts whose text says other figures than the table, which a redraft would replace.</summary>
    public IReadOnlyList<string> Redraftable { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!ReportWorkflow.ContentEditable(Record.Status))
        {
            // A published edition never changes; a correction is a new edition (see Details).
            return StatusCode(StatusCodes.Status409Conflict);
        }
        var values = ReportEntry.Cells(Format, Cells, (key, message) => ModelState.AddModelError($"Cells[{key}]", message));
        if (ReportWorkflow.PeriodProblem(PeriodStart, PeriodEnd) is { } period)
        {
            ModelState.AddModelError(nameof(PeriodEnd), period);
        }
        Values = values;
        Sources = ReportEntry.Notes(_stored, Notes);
        Violations = (_stored with { Values = values, Sources = Sources }).Check(imported: Record.SourceFileId is not null);
        if (!ModelState.IsValid)
        {
            Parts = PartInput.Of(ReportEntry.Parts(_stored, Parts));
            return Page();
        }
        var report = ReportEntry.Edited(_stored, Title, PeriodStart, PeriodEnd, PublishedOn, Parts, values, Sources);
        var outcome = await ReportEditions.SaveDraftAsync(db, Record, _stored, report, Version, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            Parts = PartInput.Of(ReportEntry.Parts(_stored, Parts));
            return Page();
        }
        TempData["Notice"] = Violations.Count == 0 ? "已保存，全部检查通过。" : "已保存。请查看下方的检查结果。";
        return Redirect($"/console/reports/{id}/edit");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (record, denied) = await ReportAccess.FindAsync(db, staff, id, Permission.EditReports, ct);
        if (record is null)
        {
            return denied;
        }
        Record = record;
        _stored = ReportRecords.Load(record);
        Format = _stored.Format;
        _computable = RecordFigures.Cells(Format);
        AgencyName = await db.Agencies.Where(a => a.Id == record.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return null;
    }
}
