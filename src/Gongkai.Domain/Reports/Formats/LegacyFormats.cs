using static Gongkai.Domain.Reports.Formats.Build;

namespace Gongkai.Domain.Reports.Formats;

/// <summary>
/// The pre-2019 《政府信息公开情况统计表》 (reports for 2008–2018; national layout after 国办发〔2014〕32号)
/// and the regional variants seen in real reports: Beijing (重点领域 rows), Shandong (其他形式,
/// 被举报投诉 breakdown, 查阅场所报送) and Weihai (Shandong plus websites, 公报, 查阅点 rows).
/// Labels are the canonical full-width forms of domain-spec §2.C. Row codes do not depend on the
/// printed numbering, so the same row keeps its code in every variant.
/// </summary>
public static class LegacyFormats
{
    public const string Table = "stats";
    public const string Unit = "unit";
    public const string Value = "value";

    private static readonly IReadOnlyList<ColumnDef> Columns = [Col(Unit, "单位", ValueKind.UnitText), Col(Value, "统计数")];

    private static RowDef ProactiveItems() => Stat("proactive.items", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条",
        Stat("proactive.items.normative", "其中：主动公开规范性文件数", "条"),
        Stat("proactive.items.normative_issued", "制发规范性文件总数", "件"));

    private static RowDef ProactiveChannels(string number) => Stat("proactive.channels", $"{number}通过不同渠道和方式公开政府信息的情况", null,
        Stat("proactive.channels.gazette", "1.政府公报公开政府信息数", "条"),
        Stat("proactive.channels.website", "2.政府网站公开政府信息数", "条"),
        Stat("proactive.channels.weibo", "3.政务微博公开政府信息数", "条"),
        Stat("proactive.channels.wechat", "4.政务微信公开政府信息数", "条"),
        Stat("proactive.channels.other", "5.其他方式公开政府信息数", "条"));

    private static RowDef KeyAreas() => Stat("proactive.key_areas", "（二）重点领域公开政府信息数（不同渠道和方式公开相同信息计1条）", "条",
        Stat("proactive.key_areas.budget", "其中：主动公开财政预算决算、“三公经费”和行政经费信息数", "条"),
        Stat("proactive.key_areas.housing", "主动公开保障性安居工程建设计划、项目开工和竣工情况，保障性住房的分配和退出等信息数", "条"),
        Stat("proactive.key_areas.food", "主动公开食品安全标准，食品生产经营许可、专项检查整治等信息数", "条"),
        Stat("proactive.key_areas.environment", "主动公开环境核查审批、环境状况公报和重特大突发环境事件等信息数", "条"),
        Stat("proactive.key_areas.bidding", "主动公开招投标违法违规行为及处理情况、国有资金占控股或者主导地位依法应当招标的项目等信息数", "条"),
        Stat("proactive.key_areas.work_safety", "主动公开生产安全事故的政府举措、处置进展、风险预警、防范措施等信息数", "条"),
        Stat("proactive.key_areas.land", "主动公开农用地转为建设用地批准、征收集体土地批准、征地公告、征地补偿安置公示、集体土地征收结案等信息数", "条"),
        Stat("proactive.key_areas.prices", "主动公开政府指导价、政府定价和收费标准调整的项目、价格、依据、执行时间和范围等信息数", "条"),
        Stat("proactive.key_areas.credit", "主动公开本市企业信用信息系统中的警示信息和良好信息等信息数", "条"),
        Stat("proactive.key_areas.audit", "主动公开政府部门预算执行审计结果等信息数", "条"),
        Stat("proactive.key_areas.utilities", "主动公开行政机关对与人民群众利益密切相关的公共企事业单位进行监督管理的信息数", "条"),
        Stat("proactive.key_areas.other", "主动公开市人民政府决定主动公开的其他信息数", "条"));

    private static RowDef Responses(string heading) => Stat("responses", heading, null,
        Stat("responses.hotspots", "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次"),
        Stat("responses.channels", "（二）通过不同渠道和方式回应解读的情况", null,
            Stat("responses.channels.press", "1.参加或举办新闻发布会总次数", "次",
                Stat("responses.channels.press.leaders", "其中：主要负责同志参加新闻发布会次数", "次")),
            Stat("responses.channels.interviews", "2.政府网站在线访谈次数", "次",
                Stat("responses.channels.interviews.leaders", "其中：主要负责同志参加政府网站在线访谈次数", "次")),
            Stat("responses.channels.interpretations", "3.政策解读稿件发布数", "篇"),
            Stat("responses.channels.weibo_wechat", "4.微博微信回应事件数", "次"),
            Stat("responses.channels.other", "5.其他方式回应事件数", "次")));

    private static RowDef Requests(bool otherForm) => Stat("requests", "三、依申请公开情况", null,
        Stat("requests.received", "（一）收到申请数", "件",
        [
            Stat("requests.received.in_person", "1.当面申请数", "件"),
            Stat("requests.received.fax", "2.传真申请数", "件"),
            Stat("requests.received.online", "3.网络申请数", "件"),
            Stat("requests.received.letter", "4.信函申请数", "件"),
            .. otherForm ? [Stat("requests.received.other", "5.其他形式", "件")] : Array.Empty<RowDef>(),
        ]),
        Stat("requests.closed", "（二）申请办结数", "件",
            Stat("requests.closed.on_time", "1.按时办结数", "件"),
            Stat("requests.closed.extended", "2.延期办结数", "件")),
        Stat("requests.replied", "（三）申请答复数", "件",
            Stat("requests.replied.already_public", "1.属于已主动公开范围数", "件"),
            Stat("requests.replied.granted", "2.同意公开答复数", "件"),
            Stat("requests.replied.partial", "3.同意部分公开答复数", "件"),
            Stat("requests.replied.refused", "4.不同意公开答复数", "件",
                Stat("requests.replied.refused.state_secret", "其中：涉及国家秘密", "件"),
                Stat("requests.replied.refused.commercial_secret", "涉及商业秘密", "件"),
                Stat("requests.replied.refused.privacy", "涉及个人隐私", "件"),
                Stat("requests.replied.refused.security", "危及国家安全、公共安全、经济安全和社会稳定", "件"),
                Stat("requests.replied.refused.not_government_information", "不是《条例》所指政府信息", "件"),
                Stat("requests.replied.refused.other_law", "法律法规规定的其他情形", "件")),
            Stat("requests.replied.not_ours", "5.不属于本行政机关公开数", "件"),
            Stat("requests.replied.not_exist", "6.申请信息不存在数", "件"),
            Stat("requests.replied.clarify", "7.告知作出更改补充数", "件"),
            Stat("requests.replied.other_route", "8.告知通过其他途径办理数", "件")));

    private static RowDef Reconsideration() => Stat("reconsideration", "四、行政复议数量", "件",
        Stat("reconsideration.upheld", "（一）维持具体行政行为数", "件"),
        Stat("reconsideration.corrected", "（二）被依法纠错数", "件"),
        Stat("reconsideration.other", "（三）其他情形数", "件"));

    private static RowDef Litigation() => Stat("litigation", "五、行政诉讼数量", "件",
        Stat("litigation.upheld", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件"),
        Stat("litigation.corrected", "（二）被依法纠错数", "件"),
        Stat("litigation.other", "（三）其他情形数", "件"));

    private static RowDef ShandongComplaints() => Stat("complaints", "六、被举报投诉数量", "件",
        Stat("complaints.upheld", "（一）维持具体行政行为数", "件"),
        Stat("complaints.corrected", "（二）被纠错数", "件"),
        Stat("complaints.other", "（三）其他情形数", "件"));

    private static RowDef Archives() => Stat("archives", "七、向图书馆、档案馆等查阅场所报送信息数", "条",
        Stat("archives.paper", "（一）纸质文件数", "条"),
        Stat("archives.electronic", "（二）电子文件数", "条"));

    private static RowDef Fees(string number) => Stat("fees", $"{number}依申请公开信息收取的费用", "万元");

    private static RowDef Staffing(string number, bool budget) => Stat("staffing", $"{number}机构建设和保障经费情况", null,
        [
            Stat("staffing.offices", "（一）政府信息公开工作专门机构数", "个"),
            Stat("staffing.reading_points", "（二）设置政府信息公开查阅点数", "个"),
            Stat("staffing.staff", "（三）从事政府信息公开工作人员数", "人",
                Stat("staffing.staff.full_time", "1.专职人员数（不包括政府公报及政府网站工作人员数）", "人"),
                Stat("staffing.staff.part_time", "2.兼职人员数", "人")),
            .. budget ? [Stat("staffing.budget", "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元")] : Array.Empty<RowDef>(),
        ]);

    private static RowDef Meetings(string number) => Stat("meetings", $"{number}政府信息公开会议和培训情况", null,
        Stat("meetings.meetings", "（一）召开政府信息公开工作会议或专题会议数", "次"),
        Stat("meetings.trainings", "（二）举办各类培训班数", "次"),
        Stat("meetings.trainees", "（三）接受培训人员数", "人次"));

    private static RowDef Websites() => Stat("websites", "八、开通政府信息公开网站（或设立门户网站信息公开专栏）数", "个",
        Stat("websites.city", "（一）市政府及其部门门户网站", "个"),
        Stat("websites.county", "（二）县（市、区）政府门户网站", "个"),
        Stat("websites.township", "（三）乡镇政府（街道办事处）门户网站", "个"));

    private static RowDef Gazette() => Stat("gazette", "九、市政府公报发行量", null,
        Stat("gazette.issues", "（一）公报发行期数", "期"),
        Stat("gazette.copies", "（二）公报发行总份数", "份"));

    private static RowDef ReadingPoints() => Stat("reading_points", "十、设置政府信息查阅点数", "个",
        Stat("reading_points.city", "（一）市政府及其部门", "个"),
        Stat("reading_points.county", "（二）县（市、区）政府及其部门", "个"),
        Stat("reading_points.township", "（三）乡镇政府（街道办事处）", "个"));

    private static RowDef ReadingVisitors() => Stat("reading_visitors", "十一、查阅点接待人数", "次",
        Stat("reading_visitors.city", "（一）市政府及其部门", "次"),
        Stat("reading_visitors.county", "（二）县（市、区）政府及其部门", "次"),
        Stat("reading_visitors.township", "（三）乡镇政府（街道办事处）", "次"));

    private static RowDef Proactive(bool keyAreas) => Stat("proactive", "一、主动公开情况", null,
        keyAreas
            ? [ProactiveItems(), KeyAreas(), ProactiveChannels("（三）")]
            : [ProactiveItems(), ProactiveChannels("（二）")]);

    private const string Basis = "《政府信息公开条例》（国务院令第492号）；国办发〔2014〕32号统一统计表";

    private static readonly PartDef[] Outline =
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

    private static TableDef StatsTable(params RowDef[] rows) =>
        new(Table, "政府信息公开工作情况统计表", [new SectionDef(null, "统计指标", Columns, rows)], LabelLayout.Indented);

    public static ReportFormat National { get; } = new(
        "legacy-national", "政府信息公开情况统计表（全国统一格式）", Basis, Outline,
        [StatsTable(Proactive(false), Responses("二、回应解读情况"), Requests(false), Reconsideration(), Litigation(),
            Stat("complaints", "六、举报投诉数量", "件"), Fees("七、"), Staffing("八、", true), Meetings("九、"))],
        [.. CommonChecks(shandong: false), ChannelsCoverTotal()]);

    public static ReportFormat Beijing { get; } = new(
        "legacy-beijing", "政府信息公开情况统计表（北京市格式，含重点领域）", Basis, Outline,
        [StatsTable(Proactive(true), Responses("二、回应解读情况"), Requests(false), Reconsideration(), Litigation(),
            Stat("complaints", "六、举报投诉数量", "件"), Fees("七、"), Staffing("八、", true), Meetings("九、"))],
        [
            .. CommonChecks(shandong: false), ChannelsCoverTotal(),
            Sum("key_areas.sum", Table, Value, "proactive.key_areas",
                new[] { "budget", "housing", "food", "environment", "bidding", "work_safety", "land", "prices", "credit", "audit", "utilities", "other" }
.Select(k => $"proactive.key_areas.{k}"), Implied, Severity.Warning),
            AtMost("key_areas.within_items", Table, Value, "proactive.key_areas", "proactive.items", Implied),
        ]);

    public static ReportFormat Shandong { get; } = new(
        "legacy-shandong", "政府信息公开情况统计表（山东省格式）", Basis, Outline,
        [StatsTable(Proactive(false), Responses("二、回应解读情况"), Requests(true), Reconsideration(), Litigation(),
            ShandongComplaints(), Archives(), Fees("八、"), Staffing("九、", true), Meetings("十、"))],
        [.. CommonChecks(shandong: true), ChannelsCoverTotal(), ShandongChannelsEqualTotal(), ..ShandongChecks()]);

    public static ReportFormat Weihai { get; } = new(
        "legacy-weihai", "政府信息公开情况统计表（山东省威海市格式）", Basis, Outline,
        [StatsTable(Proactive(false), Responses("二、回应解读情况（不同方式回应同一热点或舆情计1次）"), Requests(true), Reconsideration(), Litigation(),
            ShandongComplaints(), Archives(), Websites(), Gazette(), ReadingPoints(), ReadingVisitors(),
            Fees("十二、"), Staffing("十三、", false), Meetings("十四、"))],
        [
            .. CommonChecks(shandong: true), ChannelsCoverTotal(), ShandongChannelsEqualTotal(), .. ShandongChecks(),
            Sum("websites.sum", Table, Value, "websites", ["websites.city", "websites.county", "websites.township"], Implied),
            Sum("reading_points.sum", Table, Value, "reading_points", ["reading_points.city", "reading_points.county", "reading_points.township"], Implied),
            Sum("reading_visitors.sum", Table, Value, "reading_visitors", ["reading_visitors.city", "reading_visitors.county", "reading_visitors.township"], Implied),
            // The same reading points are counted twice in this sheet: under 十 by level and under 十三（二）.
            Sum("reading_points.same_in_staffing", Table, Value, "staffing.reading_points", ["reading_points"], Implied),
        ]);

    public static IReadOnlyList<ReportFormat> All { get; } = [National, Beijing, Shandong, Weihai];

    private static IEnumerable<CrossCheck> CommonChecks(bool shandong)
    {
        yield return Sum("requests.received.sum", Table, Value, "requests.received",
            ["requests.received.in_person", "requests.received.fax", "requests.received.online", "requests.received.letter",
             .. shandong ? new[] { "requests.received.other" } : Array.Empty<string>()], Implied);
        yield return Sum("requests.closed.sum", Table, Value, "requests.closed", ["requests.closed.on_time", "requests.closed.extended"], Implied);
        yield return Sum("requests.replied.sum", Table, Value, "requests.replied",
            new[] { "already_public", "granted", "partial", "refused", "not_ours", "not_exist", "clarify", "other_route" }.Select(p => $"requests.replied.{p}"), Implied);
        // One refusal may cite two grounds, so the grounds may add up to more than the refusals.
        yield return Sum("requests.replied.refused.sum", Table, Value, "requests.replied.refused",
            new[] { "state_secret", "commercial_secret", "privacy", "security", "not_government_information", "other_law" }.Select(p => $"requests.replied.refused.{p}"),
            Implied, Severity.Warning);
        yield return Sum("reconsideration.sum", Table, Value, "reconsideration", ["reconsideration.upheld", "reconsideration.corrected", "reconsideration.other"], Implied);
        yield return Sum("litigation.sum", Table, Value, "litigation", ["litigation.upheld", "litigation.corrected", "litigation.other"], Implied);
        yield return Sum("staffing.staff.sum", Table, Value, "staffing.staff", ["staffing.staff.full_time", "staffing.staff.part_time"], Implied);
        // The template leaves this heading row blank; when a value is printed it must be its rows' sum.
        yield return Sum("responses.channels.sum", Table, Value, "responses.channels",
            new[] { "press", "interviews", "interpretations", "weibo_wechat", "other" }.Select(p => $"responses.channels.{p}"), Implied, totalMayBeBlank: true);
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

    private static IEnumerable<CrossCheck> ShandongChecks()
    {
        yield return Sum("complaints.sum", Table, Value, "complaints", ["complaints.upheld", "complaints.corrected", "complaints.other"], Implied);
        yield return Sum("archives.sum", Table, Value, "archives", ["archives.paper", "archives.electronic"], Implied);
    }
}
