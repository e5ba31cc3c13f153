using static Gongkai.Domain.Reports.Formats.Build;

namespace Gongkai.Domain.Reports.Formats;

/// <summary>
/// The pre-2019 《政府信息公开情况统计表》 (reports for 2008–2018; national layout after 国办发〔2014〕32号)
/// and the regional variants seen in real reports: Beijing (重点领域 rows), Shandong (其他形式,
/// 被举报投诉 breakdown, 查阅场所报送) and Weihai (Shandong plus websites, 公报, 查阅点 rows).
/// The rows are data (legacy-stats.tsv, read by <see cref="LegacySheet"/>): labels in the canonical
/// full-width forms of domain-spec §2.C; row codes do not depend on the printed numbering, so the
/// same row keeps its code in every variant.
/// </summary>
public static class LegacyFormats
{
    public const string Table = "stats";
    public const string Unit = "unit";
    public const string Value = "value";

    private static readonly IReadOnlyList<ColumnDef> Columns = [Col(Unit, "单位", ValueKind.UnitText), Col(Value, "统计数")];

    internal const string Basis = "《政府信息公开条例》（国务院令第492号）；国办发〔2014〕32号统一统计表";

    internal static readonly PartDef[] Outline =
    [
        new("overview", "一、概述", []),
        new("proactive", "二、主动公开政府信息情况", []),
        new("requests", "三、依申请公开政府信息情况", []),
        new("fees", "四、政府信息公开的收费及减免情况", []),
        new("appeals", "五、因政府信息公开申请行政复议、提起行政诉讼的情况", []),
        new("problems", "六、政府信息公开工作存在的主要问题及改进情况", []),
        new("other", "七、其他需要报告的事项", []),
        new("appendix", "附表", [Table]),
    ];

    private static TableDef StatsTable(string variant) =>
        new(Table, "政府信息公开工作情况统计表", [new SectionDef(null, "统计指标", Columns, LegacySheet.Rows(variant))], LabelLayout.Indented);

    /// <summary>The rows' sums the sheet declares, then the checks that relate rows across it.</summary>
    private static IEnumerable<CrossCheck> Checks(string variant) => LegacySheet.SumChecks(variant, Table, Value).Concat(RelatedRows());

    /// <summary>What every 统计表 prints and the 2019 Regulation's formats do not; a regional sheet adds the rows only it has.</summary>
    private static FormatMarks Marks(IReadOnlyList<string>? own = null, IReadOnlyList<string>? ownInText = null) => new(
        Family, FamilyInText, Own: own ?? [], OwnInText: ownInText ?? []);

    private static readonly IReadOnlyList<string> Family = ["统计指标", "一、主动公开情况", "三、依申请公开情况", "（一）收到申请数"];
    private static readonly IReadOnlyList<string> FamilyInText = ["统计指标", "一、主动公开情况", "依申请公开情况"];

    public static ReportFormat National { get; } = new(
        "legacy-national", "政府信息公开情况统计表（全国统一格式）", Basis, Outline, [StatsTable("national")],
        [.. Checks("national"), ChannelsCoverTotal()]) { Marks = Marks() };

    public static ReportFormat Beijing { get; } = new(
        "legacy-beijing", "政府信息公开情况统计表（北京市格式，含重点领域）", Basis, Outline, [StatsTable("beijing")],
        [.. Checks("beijing"), ChannelsCoverTotal(), AtMost("key_areas.within_items", Table, Value, "proactive.key_areas", "proactive.items", Implied)])
    {
        Marks = Marks(own: ["（二）重点领域公开政府信息数"], ownInText: ["重点领域公开政府信息数"]),
    };

    public static ReportFormat Shandong { get; } = new(
        "legacy-shandong", "政府信息公开情况统计表（山东省格式）", Basis, Outline, [StatsTable("shandong")],
        [.. Checks("shandong"), ChannelsCoverTotal(), ShandongChannelsEqualTotal()])
    {
        Marks = Marks(own: ["5.其他形式", "六、被举报投诉数量", "七、向图书馆、档案馆等查阅场所报送信息数"], ownInText: ["被举报投诉数量", "查阅场所报送信息数"]),
    };

    public static ReportFormat Weihai { get; } = new(
        "legacy-weihai", "政府信息公开情况统计表（山东省威海市格式）", Basis, Outline, [StatsTable("weihai")],
        [
            .. Checks("weihai"), ChannelsCoverTotal(), ShandongChannelsEqualTotal(),
            // The same reading points are counted twice in this sheet: under 十 by level and under 十三（二）.
            Sum("reading_points.same_in_staffing", Table, Value, "staffing.reading_points", ["reading_points"], Implied),
        ])
    {
        Marks = Marks(own: ["八、开通政府信息公开网站", "十一、查阅点接待人数", "九、市政府公报发行量"], ownInText: ["开通政府信息公开网站", "查阅点接待人数"]),
    };

    public static IReadOnlyList<ReportFormat> All { get; } = [National, Beijing, Shandong, Weihai];

    /// <summary>Rows that bound others (其中 rows within their total, responses within their channels), in every variant.</summary>
    private static IEnumerable<CrossCheck> RelatedRows()
    {
        yield return AtMost("proactive.items.normative.within_items", Table, Value, "proactive.items.normative", "proactive.items", Implied);
        yield return AtMost("responses.channels.press.leaders.within", Table, Value, "responses.channels.press.leaders", "responses.channels.press", Implied);
        yield return AtMost("responses.channels.interviews.leaders.within", Table, Value, "responses.channels.interviews.leaders", "responses.channels.interviews", Implied);
        // Responses to hot topics go out through the response channels (interpretation articles aside).
        yield return new CrossCheck("responses.channels.cover_hotspots", Severity.Warning, [new CellKey(Table, "responses.hotspots", Value)], Relation.AtMost,
            new[] { "press", "interviews", "weibo_wechat", "other" }.Select(c => new CellKey(Table, $"responses.channels.{c}", Value)).ToList(), Plausibility);
        yield return AtMost("proactive.items.normative.within_issued", Table, Value, "proactive.items.normative", "proactive.items.normative_issued",
            Plausibility, Severity.Warning);
    }

    /// <summary>
    /// Every item goes out on at least one channel and an item on several channels counts once in
    /// the total, so the channels together are never fewer than the total.
    /// </summary>
    private static CrossCheck ChannelsCoverTotal() => new(
        "proactive.channels.cover_items", Severity.Error, [new CellKey(Table, "proactive.items", Value)], Relation.AtMost,
        new[] { "gazette", "website", "weibo", "wechat", "other" }.Select(c => new CellKey(Table, $"proactive.channels.{c}", Value)).ToList(), Implied);

    /// <summary>Shandong's sheet notes 各子栏目数总数要等于总栏目数量, which for the channels real reports break legitimately.</summary>
    private static CrossCheck ShandongChannelsEqualTotal() => ChannelsCoverTotal() with
    {
        Code = "proactive.channels.equal_items", Severity = Severity.Warning, Relation = Relation.Equal, Basis = "山东省统计表注：各子栏目数总数要等于总栏目数量",
    };
}
