using System.Globalization;
using System.Text.Json.Nodes;
using Gongkai.Data.Assessment;
using Gongkai.Domain.Assessment;

namespace Gongkai.Web.Pages.Console.Assessment;

/// <summary>
/// A supervisor's own indicator set: names, weights and indicators changed, one added from the
/// measures the records can compute. The form is turned into the set's JSON and read by
/// <see cref="IndicatorSet.Parse"/>, the same reader as the shipped data files, so the editor
/// refuses exactly what a data file would.
/// </summary>
public sealed class SetModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    public sealed class Row
    {
        [TextLimit(40)] public string? Code { get; set; }
        [TextLimit(60)] public string? Name { get; set; }
        [TextLimit(20)] public string? Weight { get; set; }
        [TextLimit(40)] public string? Measure { get; set; }
        [TextLimit(200)] public string? Basis { get; set; }
        public bool Remove { get; set; }
    }

    public sealed class SetForm
    {
        [TextLimit(100)] public string? Name { get; set; }
        [TextLimit(10)] public string? FromYear { get; set; }
        public List<Row> Rows { get; set; } = [];
        public Row Added { get; set; } = new();
        public int Version { get; set; }
    }

    [BindProperty]
    public SetForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public AssessmentSetRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var set = Record.Set();
        Form = new SetForm
        {
            Name = set.Name, FromYear = set.FromYear.ToString(CultureInfo.InvariantCulture), Version = Record.Version,
            Rows = set.Indicators.Select(i => new Row { Code = i.Code, Name = i.Name, Weight = IndicatorSet.Format(i.Weight), Measure = i.Measure.Code(), Basis = i.Basis }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var parsed = IndicatorSet.Parse(Json(Record.Set()));
        if (parsed.Set is null)
        {
            foreach (var problem in parsed.Problems)
            {
                ModelState.AddModelError("", problem);
            }
            return Page();
        }
        var outcome = await AssessmentRecords.SaveSetAsync(db, Record, parsed.Set, Form.Version, clock.GetUtcNow().UtcDateTime, ct);
        if (!outcome.IsDone)
        {
            OutcomeView.Show(this, outcome);
            return Page();
        }
        TempData["Notice"] = "指标体系已保存。";
        return Redirect($"/console/assessment?year={Year ?? parsed.Set.FromYear}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var record = await db.AssessmentSets.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (record is null)
        {
            return NotFound();
        }
        if (record.AgencyId != staff.AgencyId || !await staff.CanAsync(Permission.EditAssessmentSets, record.AgencyId, ct))
        {
            return Forbid();
        }
        Record = record;
        ViewData["Title"] = $"考评指标体系：{record.Name}";
        return null;
    }

    /// <summary>
    /// The form as the set's JSON: the rows kept, then the added one if it has anything. A weight
    /// that is not a number stays text, so that the reader names it; an indicator's options
    /// (months, categories) come from the stored indicator of the same code.
    /// </summary>
    private string Json(IndicatorSet stored)
    {
        var rows = Form.Rows.Where(r => !r.Remove).ToList();
        if (new[] { Form.Added.Code, Form.Added.Name, Form.Added.Weight, Form.Added.Measure }.Any(v => !string.IsNullOrWhiteSpace(v)))
        {
            rows.Add(Form.Added);
        }
        var options = JsonNode.Parse(stored.ToJson())!["indicators"]!.AsArray().OfType<JsonObject>().ToDictionary(o => (string)o["code"]!, o => o);
        var indicators = new JsonArray();
        foreach (var r in rows)
        {
            var code = r.Code?.Trim() ?? "";
            var o = new JsonObject
            {
                ["code"] = code, ["name"] = r.Name?.Trim() ?? "", ["measure"] = r.Measure ?? "", ["basis"] = r.Basis?.Trim() ?? "",
                ["weight"] = decimal.TryParse(r.Weight, NumberStyles.Number, CultureInfo.InvariantCulture, out var w) ? JsonValue.Create(w) : JsonValue.Create(r.Weight ?? ""),
            };
            if (options.TryGetValue(code, out var before) && (string?)before["measure"] == r.Measure)
            {
                foreach (var option in new[] { "months", "categories" })
                {
                    if (before[option] is { } value)
                    {
                        o[option] = value.DeepClone();
                    }
                }
            }
            indicators.Add(o);
        }
        return new JsonObject
        {
            ["schema"] = IndicatorSet.Schema, ["name"] = Form.Name?.Trim() ?? "",
            ["fromYear"] = int.TryParse(Form.FromYear, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? JsonValue.Create(y) : JsonValue.Create(Form.FromYear ?? ""),
            ["indicators"] = indicators,
        }.ToJsonString();
    }
}
