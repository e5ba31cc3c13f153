namespace Gongkai.Domain.Reports;

/// <summary>
/// An annual report (政府信息公开工作年度报告): who made it for which year in which format, the
/// narrative of each part of the outline, and the values of its tables.
/// </summary>
public sealed record AnnualReport(
    string FormatCode,
    string AgencyName,
    int Year,
    string Title,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    DateOnly? PublishedOn,
    IReadOnlyList<ReportPart> Parts,
    ReportValues Values)
{
    /// <summary>
    /// The report's format: a national or provincial one by its code, or the local sheet it was
    /// printed on (<see cref="Formats.PrintedSheets"/>), which the report carries itself. Sheets are
    /// not kept in a process-wide registry: anyone can send one to the parse API, and each distinct
    /// sheet would stay in memory for the life of the process (issue 25).
    /// </summary>
    public ReportFormat Format => Sheet ?? ReportFormats.Get(FormatCode);

    /// <summary>The local sheet this report was printed on, when its format is one (<see cref="Formats.PrintedSheets.IsSheet"/>).</summary>
    public ReportFormat? Sheet
    {
        get;
        init => field = value is null || Formats.PrintedSheets.IsSheet(value.Code) && value.Code == FormatCode
            ? value
            : throw new ArgumentException($"A report in {FormatCode} cannot carry the sheet {value.Code}.", nameof(value));
    }

    /// <summary>What a report in <paramref name="format"/> carries as its <see cref="Sheet"/>: the format itself when it is a local sheet, else nothing (a national or provincial format is found by its code).</summary>
    public static ReportFormat? SheetOf(ReportFormat format) => Formats.PrintedSheets.IsSheet(format.Code) ? format : null;

    /// <summary>Which figures came from the records and the notes on typed or changed ones.</summary>
    public CellSources Sources { get; init; } = CellSources.None;

    public static string DefaultTitle(string agencyName, int year) => $"{agencyName}{year}年政府信息公开工作年度报告";

    /// <summary>A new, empty report for a year: the format's outline with no text and no values.</summary>
    public static AnnualReport Blank(ReportFormat format, string agencyName, int year) => new(
        format.Code, agencyName, year, DefaultTitle(agencyName, year),
        new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null,
        format.Outline.Select(p => new ReportPart(p.Code, p.Heading, "")).ToList(),
        new ReportValues()) { Sheet = SheetOf(format) };

    /// <summary>The format's cross-checks and kinds, blank required cells, and the figures changed from the records without a reason.</summary>
    /// <param name="imported">The record of a report published elsewhere: its blanks are what it printed (warnings), not omissions (errors).</param>
    public IReadOnlyList<Violation> Check(bool imported = false) =>
        [.. ReportChecks.Evaluate(Format, Values), .. ReportChecks.Blanks(Format, Values, imported), .. Sources.Check(Format, Values), .. (imported ? [] : TextAgainstTable())];

    /// <summary>
    /// Policy <c>AFigureTheTextStates_MustBeTheTablesFigure</c>: in a report made here, a figure the
    /// narrative states (新收申请 N 件, 结转 N 件, 行政复议 N 件 …) must equal the table's — the
    /// importer's own text checks, as errors: a table regenerated after its text was written
    /// would otherwise be submitted beside a text that says otherwise. (An imported report's text
    /// is what it printed; its mismatches are warnings of the import.)
    /// </summary>
    private IEnumerable<Violation> TextAgainstTable() =>
        Import.TextChecks.Evaluate(string.Join("\n", Parts.Select(p => p.Text)), this, hasTable: true)
            .Where(v => v.Cells.Count > 0)
            .Select(v => v with { Severity = Severity.Error, Message = v.Message + "请改正文或表格（“按表格重拟正文”可重写正文）。" });

    /// <summary>
    /// The tables to print after each part; tables whose part the report does not have (an imported
    /// report with its own outline) come last, as 附表.
    /// </summary>
    public IReadOnlyList<(ReportPart? Part, IReadOnlyList<TableDef> Tables)> Layout()
    {
        var format = Format;
        var placed = new HashSet<string>();
        var result = new List<(ReportPart?, IReadOnlyList<TableDef>)>();
        foreach (var part in Parts)
        {
            var tables = format.Outline.FirstOrDefault(p => p.Code == part.Code)?.TableCodes.Select(format.Table).ToList() ?? [];
            placed.UnionWith(tables.Select(t => t.Code));
            result.Add((part, tables));
        }
        var rest = format.Tables.Where(t => !placed.Contains(t.Code)).ToList();
        if (rest.Count > 0)
        {
            result.Add((null, rest));
        }
        return result;
    }
}

/// <summary>A part of the report: its heading as printed and its text (paragraphs separated by line breaks).</summary>
public sealed record ReportPart(string? Code, string Heading, string Text);
