using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongkai.Domain.Reports;

/// <summary>
/// The report as JSON in the documented schema <c>gongkai.annual-report/1</c> (docs/report-schema.md):
/// every cell of the format with its codes, label paths, unit and value (null when blank), the
/// narrative parts, and optionally the check results. Reading it back gives the same report.
/// </summary>
public static class ReportJson
{
    public const string Schema = "gongkai.annual-report/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(AnnualReport report, IReadOnlyList<Violation>? checks = null) =>
        ToNode(report, checks).ToJsonString(Options);

    public static JsonObject ToNode(AnnualReport report, IReadOnlyList<Violation>? checks = null)
    {
        var cells = new JsonArray();
        foreach (var cell in report.Format.Cells())
        {
            var value = report.Values[cell.Key];
            var node = new JsonObject
            {
                ["table"] = cell.Table.Code,
                ["row"] = cell.Row.Code,
                ["rowLabels"] = new JsonArray([.. ReportLabels.RowPath(cell).Select(l => (JsonNode)l)]),
                ["column"] = cell.Column.Code,
                ["columnLabels"] = new JsonArray([.. ReportLabels.ColumnPath(cell).Select(l => (JsonNode)l)]),
                ["unit"] = value?.Unit ?? cell.Unit,
                ["value"] = value?.Number is { } n ? JsonValue.Create(n) : null,
                ["text"] = value?.Text,
            };
            if (report.Sources.FromRecords.TryGetValue(cell.Key, out var counted))
            {
                node["fromRecords"] = counted;
            }
            if (report.Sources.NoteOf(cell.Key) is { } note)
            {
                node["note"] = note;
            }
            cells.Add(node);
        }
        var root = new JsonObject
        {
            ["schema"] = Schema,
            ["format"] = report.FormatCode,
            ["agency"] = report.AgencyName,
            ["year"] = report.Year,
            ["title"] = report.Title,
            ["periodStart"] = report.PeriodStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["periodEnd"] = report.PeriodEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["publishedOn"] = report.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["parts"] = new JsonArray([.. report.Parts.Select(p => (JsonNode)new JsonObject { ["code"] = p.Code, ["heading"] = p.Heading, ["text"] = p.Text })]),
            ["cells"] = cells,
        };
        if (checks is not null)
        {
            root["checks"] = new JsonArray([.. checks.Select(v => (JsonNode)new JsonObject
            {
                ["check"] = v.CheckCode,
                ["severity"] = v.Severity == Severity.Error ? "error" : "warning",
                ["cells"] = new JsonArray([.. v.Cells.Select(c => (JsonNode)new JsonObject { ["table"] = c.Table, ["row"] = c.Row, ["column"] = c.Column })]),
                ["expected"] = v.Expected,
                ["actual"] = v.Actual,
                ["message"] = v.Message,
            })]);
        }
        return root;
    }

    /// <summary>Reads a report; a malformed file is refused with a message naming what is wrong.</summary>
    public static AnnualReport Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ReportFileException($"不是有效的 JSON：{e.Message}");
        }
        if (root is not JsonObject obj)
        {
            throw new ReportFileException("报告文件应为一个 JSON 对象。");
        }
        if ((string?)obj["schema"] is { } schema && schema != Schema)
        {
            throw new ReportFileException($"不支持的报告格式版本“{schema}”，应为 {Schema}。");
        }
        var formatCode = Required(obj, "format");
        var format = Formats.PrintedSheets.IsSheet(formatCode) ? SheetOf(obj, formatCode)
            : ReportFormats.Find(formatCode) ?? throw new ReportFileException($"format：未知的报告格式“{formatCode}”。");
        var cells = format.Cells().ToDictionary(c => c.Key);
        var values = new ReportValues();
        var fromRecords = new Dictionary<CellKey, decimal>();
        var notes = new Dictionary<CellKey, string>();
        foreach (var node in obj["cells"]?.AsArray() ?? [])
        {
            var key = new CellKey(Required(node!, "table"), Required(node!, "row"), Required(node!, "column"));
            if (!cells.TryGetValue(key, out var cell))
            {
                throw new ReportFileException($"cells：格式 {formatCode} 中没有单元格 {key}。");
            }
            decimal? number = node!["value"] is JsonValue v ? ReadNumber(v, key) : null;
            var text = (string?)node["text"];
            var unit = cell.Kind == ValueKind.Amount ? (string?)node["unit"] : null;
            values.Set(key, new CellValue(number, number is null ? null : unit, text));
            if (node["fromRecords"] is JsonValue counted)
            {
                fromRecords[key] = ReadNumber(counted, key);
            }
            if ((string?)node["note"] is { Length: > 0 } note)
            {
                notes[key] = note;
            }
        }
        var parts = (obj["parts"]?.AsArray() ?? []).Select(p => new ReportPart((string?)p!["code"], (string?)p["heading"] ?? "", (string?)p["text"] ?? "")).ToList();
        return new AnnualReport(
            formatCode,
            Required(obj, "agency"),
            obj["year"] is JsonValue y && y.TryGetValue<int>(out var year) ? year : throw new ReportFileException("year：应为年份数字。"),
            (string?)obj["title"] ?? "",
            ReadDate(obj, "periodStart"),
            ReadDate(obj, "periodEnd"),
            ReadDate(obj, "publishedOn"),
            parts,
            values)
        {
            Sources = new CellSources(fromRecords, notes),
            Sheet = AnnualReport.SheetOf(format),
        };
    }

    /// <summary>A printed sheet's format, made again from its cells' codes and labels (they carry the whole layout).</summary>
    private static ReportFormat SheetOf(JsonObject obj, string formatCode)
    {
        var rows = new List<(string Code, string Label, string? Unit)>();
        var columns = new SortedDictionary<int, string>();
        foreach (var node in obj["cells"]?.AsArray() ?? [])
        {
            var row = Required(node!, "row");
            var column = Required(node!, "column");
            var label = node!["rowLabels"]?.AsArray().LastOrDefault() is { } l ? (string?)l ?? "" : "";
            if (column.StartsWith('c') && int.TryParse(column[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                columns[index] = node["columnLabels"]?.AsArray().LastOrDefault() is { } c ? (string?)c ?? "" : "";
                if (rows.All(r => r.Code != row))
                {
                    rows.Add((row, label, (string?)node["unit"]));
                }
            }
        }
        Formats.SheetRow Build(string code) => new(rows.First(r => r.Code == code).Label, rows.First(r => r.Code == code).Unit,
            [.. rows.Where(r => r.Code.StartsWith(code + ".", StringComparison.Ordinal) && !r.Code[(code.Length + 1)..].Contains('.')).Select(r => Build(r.Code))]);
        var format = Formats.PrintedSheets.Format([.. columns.Values], [.. rows.Where(r => !r.Code.Contains('.')).Select(r => Build(r.Code))]);
        return format.Code == formatCode ? format : throw new ReportFileException($"format：单元格的栏目与统计表“{formatCode}”不一致。");
    }

    private static decimal ReadNumber(JsonValue value, CellKey key) =>
        value.TryGetValue<decimal>(out var d) ? d : throw new ReportFileException($"cells：单元格 {key} 的 value 应为数字或 null。");

    private static string Required(JsonNode node, string name) =>
        (string?)node[name] is { Length: > 0 } s ? s : throw new ReportFileException($"{name}：缺少必填字段。");

    private static DateOnly? ReadDate(JsonObject obj, string name) =>
        (string?)obj[name] is not { } s ? null
        : DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new ReportFileException($"{name}：日期应为 YYYY-MM-DD 格式，实际为“{s}”。");
}

/// <summary>A report file that cannot be read; the message says why, naming the field.</summary>
public sealed class ReportFileException(string message) : Exception(message);
