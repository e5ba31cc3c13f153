using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Assessment;

/// <summary>One indicator of an assessment: what it is called, what it weighs, what the records compute for it.</summary>
/// <param name="Code">Stable code (<c>replies.on-time</c>), the key of its column and its evidence sheet.</param>
/// <param name="Basis">The rule and its source (条例第三十三条), printed with the score.</param>
/// <param name="Months">For <see cref="Measure.GuideCurrent"/>: how recent the guide's last change must be.</param>
/// <param name="Categories">For <see cref="Measure.CategoriesCovered"/>: the category codes that apply to each kind of agency.</param>
public sealed record Indicator(string Code, string Name, decimal Weight, Measure Measure, string Basis, int? Months = null,
    IReadOnlyDictionary<AgencyKind, IReadOnlyList<string>>? Categories = null)
{
    public const int DefaultMonths = 12;

    /// <summary>The Art. 20 categories an agency of <paramref name="kind"/> is expected to publish in; all fifteen where the set says nothing.</summary>
    public IReadOnlyList<string> CategoriesFor(AgencyKind kind) =>
        Categories is not null && Categories.TryGetValue(kind, out var codes) ? codes : [.. Disclosure.Categories.Article20.Select(c => c.Code)];
}

/// <summary>
/// An indicator set of the 政务公开考评, versioned by the first year it assesses. The platform
/// ships its sets as data files (<c>Assessment/Sets/*.json</c>, like the report formats); a
/// supervisor copies one, changes the weights and adds indicators, and the copy is stored as the
/// same JSON. Whatever the source, <see cref="Parse"/> refuses an indicator the records cannot
/// compute, naming the field.
/// </summary>
public sealed record IndicatorSet(string Name, int FromYear, IReadOnlyList<Indicator> Indicators)
{
    public const string Schema = "gongkai.assessment/1";

    /// <summary>A stored set is small; a larger text is refused before it is parsed.</summary>
    public const int MaxLength = 64 * 1024;
    public const int MaxIndicators = 40;

    public decimal TotalWeight => Indicators.Sum(i => i.Weight);

    private static readonly Regex CodePattern = new("^[a-z0-9][a-z0-9.-]{0,39}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The sets shipped with the platform, oldest first.</summary>
    public static IReadOnlyList<IndicatorSet> BuiltIn { get; } = LoadBuiltIn();

    /// <summary>The shipped set that assesses <paramref name="year"/>: the newest one starting on or before it (the oldest for earlier years).</summary>
    public static IndicatorSet For(int year) => BuiltIn.LastOrDefault(s => s.FromYear <= year) ?? BuiltIn[0];

    public sealed record Parsed(IndicatorSet? Set, IReadOnlyList<string> Problems);

    /// <summary>Reads a set from its JSON; every problem is a sentence naming the field, and a set with a problem is not returned.</summary>
    public static Parsed Parse(string json)
    {
        if (json.Length > MaxLength)
        {
            return new(null, [$"指标体系文本超过 {MaxLength / 1024} KB。"]);
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            return new(null, [$"指标体系不是有效的 JSON：{e.Message}"]);
        }
        if (root is not JsonObject set)
        {
            return new(null, ["指标体系应为一个 JSON 对象。"]);
        }
        var problems = new List<string>();
        if (Text(set, "schema") != Schema)
        {
            problems.Add($"schema 应为 {Schema}。");
        }
        var name = Text(set, "name")?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            problems.Add("name（指标体系名称）应为 1–100 个字。");
        }
        var fromYear = Number(set, "fromYear");
        if (fromYear is not (>= 2008 and <= 2100) || fromYear != Math.Floor(fromYear.Value))
        {
            problems.Add("fromYear（起始年度）应为 2008–2100 的年份。");
        }
        var indicators = new List<Indicator>();
        if (set["indicators"] is not JsonArray list || list.Count is 0 or > MaxIndicators)
        {
            problems.Add($"indicators（指标）应为 1–{MaxIndicators} 个指标的数组。");
        }
        else
        {
            for (var n = 0; n < list.Count; n++)
            {
                if (ReadIndicator(list[n], $"第 {n + 1} 个指标", problems) is { } indicator)
                {
                    if (indicators.Any(i => i.Code == indicator.Code))
                    {
                        problems.Add($"第 {n + 1} 个指标：code（代码）“{indicator.Code}”与前面的指标重复。");
                    }
                    indicators.Add(indicator);
                }
            }
        }
        return problems.Count > 0 ? new(null, problems) : new(new IndicatorSet(name, (int)fromYear!.Value, indicators), []);
    }

    /// <summary>The problems of one indicator as an editor's form gives it, or none; the same rules as the data file.</summary>
    public static IReadOnlyList<string> Check(Indicator indicator, string where)
    {
        var problems = new List<string>();
        var node = JsonNode.Parse(Write(indicator).ToJsonString());
        ReadIndicator(node, where, problems);
        return problems;
    }

    private static Indicator? ReadIndicator(JsonNode? node, string where, List<string> problems)
    {
        if (node is not JsonObject o)
        {
            problems.Add($"{where}应为一个对象。");
            return null;
        }
        var before = problems.Count;
        var code = Text(o, "code") ?? "";
        if (!CodePattern.IsMatch(code))
        {
            problems.Add($"{where}：code（代码）应为 1–40 个小写字母、数字、点或连字符。");
        }
        var name = Text(o, "name")?.Trim() ?? "";
        if (name.Length is 0 or > 60)
        {
            problems.Add($"{where}：name（指标名称）应为 1–60 个字。");
        }
        var weight = Number(o, "weight");
        if (weight is not (> 0 and <= 100) || decimal.Round(weight.Value, 2) != weight)
        {
            problems.Add($"{where}：weight（分值）应为大于 0、不超过 100 的数，至多两位小数。");
        }
        var measureCode = Text(o, "measure");
        var measure = Measures.FromCode(measureCode);
        if (measure is null)
        {
            problems.Add($"{where}：measure（计算方法）“{measureCode}”不能由本平台的记录计算。可用的计算方法：{string.Join("、", Enum.GetValues<Measure>().Select(m => m.Code()))}。");
        }
        var basis = Text(o, "basis")?.Trim() ?? "";
        if (basis.Length > 200)
        {
            problems.Add($"{where}：basis（依据）不超过 200 个字。");
        }
        int? months = null;
        if (o["months"] is not null)
        {
            var m = Number(o, "months");
            if (measure != Measure.GuideCurrent || m is not (>= 1 and <= 60) || m != Math.Floor(m.Value))
            {
                problems.Add($"{where}：months（月数）只用于 {Measure.GuideCurrent.Code()}，应为 1–60 的整数。");
            }
            else
            {
                months = (int)m.Value;
            }
        }
        Dictionary<AgencyKind, IReadOnlyList<string>>? categories = null;
        if (o["categories"] is not null)
        {
            if (measure != Measure.CategoriesCovered || o["categories"] is not JsonObject byKind)
            {
                problems.Add($"{where}：categories（适用类别）只用于 {Measure.CategoriesCovered.Code()}，应为按机构类型列出类别代码的对象。");
            }
            else
            {
                categories = [];
                foreach (var (key, value) in byKind)
                {
                    if (!Enum.TryParse<AgencyKind>(key, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
                    {
                        problems.Add($"{where}：categories 的机构类型“{key}”不存在（可用：{string.Join("、", Enum.GetNames<AgencyKind>())}）。");
                        continue;
                    }
                    var codes = (value as JsonArray)?.Select(v => v is JsonValue j && j.TryGetValue<string>(out var s) ? s : null).ToList();
                    if (codes is null || codes.Count == 0 || codes.Any(c => Disclosure.Categories.Find(c) is null))
                    {
                        problems.Add($"{where}：categories.{key} 应为类别代码（如 a20.01）的非空数组。");
                        continue;
                    }
                    categories[kind] = codes.Distinct().ToList()!;
                }
            }
        }
        return problems.Count > before ? null : new Indicator(code, name, weight!.Value, measure!.Value, basis, months, categories);
    }

    public string ToJson() => new JsonObject
    {
        ["schema"] = Schema,
        ["name"] = Name,
        ["fromYear"] = FromYear,
        ["indicators"] = new JsonArray([.. Indicators.Select(Write)]),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static JsonObject Write(Indicator i)
    {
        var o = new JsonObject { ["code"] = i.Code, ["name"] = i.Name, ["weight"] = i.Weight, ["measure"] = i.Measure.Code(), ["basis"] = i.Basis };
        if (i.Months is { } months)
        {
            o["months"] = months;
        }
        if (i.Categories is { } categories)
        {
            o["categories"] = new JsonObject(categories.Select(c => KeyValuePair.Create<string, JsonNode?>(c.Key.ToString(), new JsonArray([.. c.Value.Select(v => (JsonNode)v)]))));
        }
        return o;
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static decimal? Number(JsonObject o, string name) => o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d) ? d : null;

    private static List<IndicatorSet> LoadBuiltIn()
    {
        var assembly = typeof(IndicatorSet).Assembly;
        var sets = new List<IndicatorSet>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith("assessment/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var parsed = Parse(reader.ReadToEnd());
            sets.Add(parsed.Set ?? throw new InvalidOperationException($"{resource}: {string.Join(" ", parsed.Problems)}"));
        }
        return [.. sets.OrderBy(s => s.FromYear)];
    }

    /// <summary>How a weight prints: 10, 7.5.</summary>
    public static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
