using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Documents.Import;

/// <summary>
/// An imported report as JSON: the report in the documented schema with its check results, plus
/// an <c>import</c> object telling where each cell was found and which rows were not recognised.
/// </summary>
public static class ImportJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject ToNode(string file, ImportedReport imported)
    {
        var root = ReportJson.ToNode(imported.Report, imported.Problems);
        root["import"] = new JsonObject
        {
            ["file"] = file,
            ["hasTable"] = imported.HasTable,
            ["sources"] = new JsonObject(imported.Sources.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal)
                .Select(s => KeyValuePair.Create(s.Key.ToString(), (JsonNode?)new JsonObject
                {
                    ["location"] = s.Value.Location, ["printed"] = s.Value.Printed, ["rule"] = s.Value.Rule,
                }))),
            ["quality"] = new JsonObject
            {
                ["layout"] = imported.Quality.Layout.Words(),
                ["layoutCode"] = Code(imported.Quality.Layout),
                ["expectedCells"] = imported.Quality.Expected,
                ["readCells"] = imported.Quality.Read,
                ["blankCells"] = new JsonArray([.. imported.Quality.Blank.Select(b => (JsonNode)new JsonObject { ["cell"] = b.Key.ToString(), ["code"] = Code(b.Code), ["reason"] = b.Reason })]),
            },
            ["unrecognisedRows"] = new JsonArray([.. imported.Unrecognised.Select(u => (JsonNode)new JsonObject
            {
                ["label"] = u.Label,
                ["cells"] = new JsonArray([.. u.Cells.Select(c => (JsonNode)c)]),
                ["location"] = u.Location,
            })]),
        };
        return root;
    }

    public static string Write(string file, ImportedReport imported) => ToNode(file, imported).ToJsonString(Options);

    /// <summary>A reason or layout code as the JSON names it (camelCase: rowCheckBroken, printedSheetTable).</summary>
    private static string Code(Enum code) => JsonNamingPolicy.CamelCase.ConvertName(code.ToString());
}
