namespace Gongkai.Web.Reports;

/// <summary>A narrative part of the entry form: its stored code and heading, and the text typed.</summary>
public sealed class PartInput
{
    public string? Code { get; set; }
    public string Heading { get; set; } = "";
    [Display(Name = "正文"), StringLength(50_000, ErrorMessage = "正文每一部分不超过 50000 个字。")]
    public string? Text { get; set; }

    public static List<PartInput> Of(IEnumerable<ReportPart> parts) => parts.Select(p => new PartInput { Code = p.Code, Heading = p.Heading, Text = p.Text }).ToList();
}

/// <summary>What the report entry form posted, read over the stored report: cells by the rules of their kind, notes, narrative.</summary>
public static class ReportEntry
{
    /// <summary>The typed cells; each one that does not read is reported (<paramref name="problem"/>: the form's field and the message) and left blank.</summary>
    public static ReportValues Cells(ReportFormat format, IReadOnlyDictionary<string, string?> typed, Action<string, string> problem)
    {
        var values = new ReportValues();
        foreach (var cell in format.Cells().Where(c => c.Kind != ValueKind.UnitText))
        {
            var key = cell.Key.ToString();
            var (value, error) = CellText.Parse(typed.GetValueOrDefault(key), cell.Kind);
            if (error is not null)
            {
                problem(key, $"{ReportChecks.Name(cell)}：{error}。");
                continue;
            }
            values.Set(cell.Key, value);
        }
        return values;
    }

    /// <summary>The notes typed with the cells, on the sources counted when the report was generated (notes on unknown cells are dropped).</summary>
    public static CellSources Notes(AnnualReport stored, IReadOnlyDictionary<string, string?> notes)
    {
        var keys = stored.Format.Cells().ToDictionary(c => c.Key.ToString(), c => c.Key);
        return stored.Sources.WithNotes(notes.Where(n => keys.ContainsKey(n.Key)).Select(n => KeyValuePair.Create(keys[n.Key], n.Value)));
    }

    /// <summary>
    /// The narrative as posted over the stored outline: codes and headings stay the stored ones, a
    /// part's text is the posted one where the form sent it; a part not posted keeps its text.
    /// </summary>
    public static IReadOnlyList<ReportPart> Parts(AnnualReport stored, IReadOnlyList<PartInput> posted) =>
        stored.Parts.Select((part, i) => i < posted.Count && posted[i].Text is { } text ? part with { Text = text.Replace("\r\n", "\n").Trim() } : part).ToList();

    /// <summary>The stored report with what the form posted: its particulars, the narrative over the stored outline, the figures and their notes.</summary>
    public static AnnualReport Edited(AnnualReport stored, string title, DateOnly? periodStart, DateOnly? periodEnd, DateOnly? publishedOn,
        IReadOnlyList<PartInput> parts, ReportValues values, CellSources sources) =>
        stored with
        {
            Title = title.Trim(), PeriodStart = periodStart, PeriodEnd = periodEnd, PublishedOn = publishedOn,
            Parts = Parts(stored, parts), Values = values, Sources = sources,
        };
}
