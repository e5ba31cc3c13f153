using System.Net;
using Gongkai.Domain.Reports.Supervision;
using Gongkai.Web.Reports;

namespace Gongkai.Web.Pages.Console.Reports;

/// <summary>
/// The agency admin enters a draft's values and narrative. Each cell is read with the rules of its
/// kind; the cross-checks run on every save and, with JavaScript, as the clerk types.
/// </summary>
public sealed class EditModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    public sealed class PartInput
    {
        public string? Code { get; set; }
        public string Heading { get; set; } = "";
        [Display(Name = "正文"), StringLength(50_000, ErrorMessage = "正文每一部分不超过 50000 个字。")]
        public string? Text { get; set; }
    }

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

    /// <summary>The input for a value cell: what was typed (or stored), labelled for screen readers, marked when invalid.</summary>
    public string InputFor(CellDef cell)
    {
        var key = cell.Key.ToString();
        if (cell.Kind == ValueKind.UnitText)
        {
            return WebUtility.HtmlEncode(cell.Row.Unit ?? "");
        }
        var name = $"Cells[{key}]";
        var invalid = ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;
        var value = Cells.GetValueOrDefault(key) ?? "";
        var input = $"<input type=\"text\" inputmode=\"decimal\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(value)}\" " +
               $"aria-label=\"{WebUtility.HtmlEncode(ReportChecks.Name(cell))}\"{(invalid ? " aria-invalid=\"true\" class=\"input-validation-error\"" : "")} />";
        return input + OriginFor(cell);
    }

    /// <summary>
    /// After a generation from the records: a counted figure links to its records; a changed one
    /// asks why; a figure the records cannot give asks where it came from.
    /// </summary>
    private string OriginFor(CellDef cell)
    {
        if (Sources.FromRecords.Count == 0)
        {
            return "";
        }
        string NoteInput(string label) =>
            $"<input type=\"text\" class=\"cell-note-input\" name=\"Notes[{WebUtility.HtmlEncode(cell.Key.ToString())}]\" value=\"{WebUtility.HtmlEncode(Notes.GetValueOrDefault(cell.Key.ToString()) ?? "")}\" " +
            $"placeholder=\"{label}\" aria-label=\"{WebUtility.HtmlEncode(ReportChecks.Name(cell))}的{label}\" maxlength=\"200\" />";
        var link = CellOrigins.RecordsLink(Sources, Values, Record.Id, cell.Key);
        return Sources.OriginOf(cell.Key, Values) switch
        {
            CellOrigin.FromRecords => link,
            CellOrigin.ChangedFromRecords => link + NoteInput("修改原因"),
            _ when _computable.Contains(cell.Key) => "",
            _ => NoteInput("数据来源"),
        };
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Title = _stored.Title;
        PeriodStart = _stored.PeriodStart;
        PeriodEnd = _stored.PeriodEnd;
        PublishedOn = _stored.PublishedOn;
        Parts = _stored.Parts.Select(p => new PartInput { Code = p.Code, Heading = p.Heading, Text = p.Text }).ToList();
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

    /// <summary>Replaces the drafted parts' text with the draft of the current table, at the clerk's request.</summary>
    public async Task<IActionResult> OnPostRedraftAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var outcome = await ReportEditions.RedraftAsync(db, Record, _stored, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        TempData["Notice"] = "已按表格重拟正文，请核对后保存。";
        return Redirect($"/console/reports/{id}/edit");
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (Record.Status != ReportStatus.Draft)
        {
            // A published edition never changes; a correction is a new edition (see Details).
            return StatusCode(StatusCodes.Status409Conflict);
        }
        var values = ReadCells(addErrors: true);
        if (PeriodStart is { } start && PeriodEnd is { } end && start > end)
        {
            ModelState.AddModelError(nameof(PeriodEnd), "统计期间止不能早于统计期间起。");
        }
        Values = values;
        Sources = ReadNotes();
        Violations = (_stored with { Values = values, Sources = Sources }).Check(imported: Record.SourceFileId is not null);
        if (!ModelState.IsValid)
        {
            Parts = PostedParts().Select(p => new PartInput { Code = p.Code, Heading = p.Heading, Text = p.Text }).ToList();
            return Page();
        }
        var report = _stored with
        {
            Title = Title.Trim(),
            PeriodStart = PeriodStart,
            PeriodEnd = PeriodEnd,
            PublishedOn = PublishedOn,
            Parts = PostedParts(),
            Values = values,
            Sources = Sources,
        };
        var outcome = await ReportEditions.SaveDraftAsync(db, Record, _stored, report, Version, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            Parts = PostedParts().Select(p => new PartInput { Code = p.Code, Heading = p.Heading, Text = p.Text }).ToList();
            return Page();
        }
        TempData["Notice"] = Violations.Count == 0 ? "已保存，全部检查通过。" : "已保存。请查看下方的检查结果。";
        return Redirect($"/console/reports/{id}/edit");
    }

    /// <summary>
    /// Fills every figure the records give (the documents of 第二十条第（一）项, tables 三 and 四, or
    /// the legacy rows) and drafts the empty narrative parts; the clerk counts nothing by hand.
    /// What was counted is kept as the cells' source; typed figures and their notes stay.
    /// </summary>
    public async Task<IActionResult> OnPostFromRecordsAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (Record.Status != ReportStatus.Draft || !ApplicationTables.Computable(Format.Code))
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }
        var outcome = await ReportEditions.FillFromRecordsAsync(db, Record, _stored, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        var counted = outcome.Value!;
        TempData["Notice"] = ApplicationTables.IsLegacy(Format.Code)
            ? $"已根据 {counted.Items} 条主动公开信息、{counted.Applications} 件申请和 {counted.Appeals} 件行政复议、行政诉讼的记录生成统计表的主动公开、依申请公开、行政复议、行政诉讼各行。"
            : $"已根据 {counted.Items} 条主动公开信息、{counted.Applications} 件申请和 {counted.Appeals} 件行政复议、行政诉讼的记录生成第二十条第（一）项和表三、表四；其他各项请按来源填写。";
        return Redirect($"/console/reports/{id}/edit");
    }

    /// <summary>The cross-checks of the typed values, as JSON, for the live check while typing.</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var problems = new List<object>();
        var values = ReadCells(addErrors: false, problems);
        var violations = (_stored with { Values = values, Sources = ReadNotes() }).Check(imported: Record.SourceFileId is not null);
        return new JsonResult(new
        {
            errors = violations.Count(v => v.Severity == Severity.Error),
            warnings = violations.Count(v => v.Severity == Severity.Warning),
            violations = violations.Select(v => new { severity = v.Severity == Severity.Error ? "error" : "warning", message = v.Message, cells = v.Cells.Select(c => c.ToString()) }),
            problems,
        });
    }

    private ReportValues ReadCells(bool addErrors, List<object>? problems = null)
    {
        var values = new ReportValues();
        foreach (var cell in Format.Cells().Where(c => c.Kind != ValueKind.UnitText))
        {
            var key = cell.Key.ToString();
            var (value, problem) = CellText.Parse(Cells.GetValueOrDefault(key), cell.Kind);
            if (problem is not null)
            {
                var message = $"{ReportChecks.Name(cell)}：{problem}。";
                if (addErrors)
                {
                    ModelState.AddModelError($"Cells[{key}]", message);
                }
                problems?.Add(new { cell = key, message });
                continue;
            }
            values.Set(cell.Key, value);
        }
        return values;
    }

    /// <summary>
    /// The narrative as posted over the stored outline: codes and headings stay the stored ones, a
    /// part's text is the posted one where the form sent it; a part not posted keeps its text.
    /// </summary>
    private IReadOnlyList<ReportPart> PostedParts() =>
        _stored.Parts.Select((part, i) => i < Parts.Count && Parts[i].Text is { } text ? part with { Text = text.Replace("\r\n", "\n").Trim() } : part).ToList();

    /// <summary>The notes typed with the cells, on the sources counted when the report was generated.</summary>
    private CellSources ReadNotes()
    {
        var keys = Format.Cells().ToDictionary(c => c.Key.ToString(), c => c.Key);
        return _stored.Sources.WithNotes(Notes.Where(n => keys.ContainsKey(n.Key)).Select(n => KeyValuePair.Create(keys[n.Key], n.Value)));
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
        _computable = CellOrigins.Computable(Format);
        AgencyName = await db.Agencies.Where(a => a.Id == record.AgencyId).Select(a => a.Name).SingleAsync(ct);
        return null;
    }
}
