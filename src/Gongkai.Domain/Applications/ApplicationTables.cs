using System.Collections.Concurrent;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Formats;

namespace Gongkai.Domain.Applications;

/// <summary>
/// What the tables need of one application, or of <see cref="Count"/> applications alike in all of
/// it (so the database can group them): who applied, how, when it arrived, how and when it was
/// answered, whether the period was extended.
/// </summary>
public sealed record ApplicationTally(ApplicantKind Applicant, Channel Channel, DateOnly Received, (ReplyType Type, DateOnly Date)? Reply, bool Extended, int Count = 1)
{
    /// <summary>The answer as stored beside an application (type and day, both or neither).</summary>
    public static (ReplyType Type, DateOnly Date)? Answer(ReplyType? type, DateOnly? on) => type is { } t && on is { } d ? (t, d) : null;

    public static ApplicationTally Of(ApplicationCase application) =>
        new(application.Applicant, application.Channel, application.Received, application.Reply, application.Extended);
}

/// <summary>
/// The report's application table and appeals table computed from the records of one agency (or
/// of many, summed) and year: 三 and 四 of the 2019 and 2021 formats, and the 依申请公开, 行政复议
/// and 行政诉讼 rows of the pre-2019 统计表. Named policies:
/// <list type="bullet">
/// <item>New: applications received in the year (by receipt date).</item>
/// <item>Carried over: received before the year and not answered before it began.</item>
/// <item>Results: answers given in the year, each in the one row of its reply type.</item>
/// <item>Carried forward: received by the year's end and not answered by then.</item>
/// <item>Appeals: filed in the year; the result known at the year's end, else 尚未审结.</item>
/// </list>
/// So 一 + 二 = 三（七） + 四 holds by construction; each figure is computed here and nowhere else.
/// </summary>
public static class ApplicationTables
{
    private static string Column(ApplicantKind kind) => kind switch
    {
        ApplicantKind.NaturalPerson => "natural",
        ApplicantKind.Commercial => "commercial",
        ApplicantKind.Research => "research",
        ApplicantKind.Charity => "charity",
        ApplicantKind.LegalService => "legal",
        _ => "other",
    };

    /// <summary>Whether <paramref name="formatCode"/> is one of the pre-2019 统计表.</summary>
    public static bool IsLegacy(string formatCode) => ReportFormats.IsStatistics(formatCode);

    /// <summary>Whether the tables of <paramref name="formatCode"/> can be computed from the records.</summary>
    public static bool Computable(string formatCode) => formatCode is "2019" or "2021" || IsLegacy(formatCode);

    /// <summary>
    /// Sets the application and appeals figures of a report in any computable format: every cell
    /// these tables own is the number of records <see cref="CellsOf(ApplicationTally, ReportFormat, int)"/>
    /// and <see cref="CellsOf(Appeal, ReportFormat, int)"/> place in it, so a cell's drill-down lists
    /// exactly the records its figure counts.
    /// </summary>
    public static void Fill(ReportValues values, string formatCode, int year, IEnumerable<ApplicationTally> applications, IEnumerable<Appeal> appeals)
    {
        var format = ReportFormats.Get(formatCode);
        var counts = OwnedCells(format).ToDictionary(k => k, _ => 0);
        foreach (var application in applications)
        {
            foreach (var key in CellsOf(application, format, year))
            {
                Add(counts, key, application.Count);
            }
        }
        foreach (var appeal in appeals)
        {
            foreach (var key in CellsOf(appeal, format, year))
            {
                Add(counts, key, 1);
            }
        }
        foreach (var (key, n) in counts)
        {
            values.Set(key, n);
        }
    }

    private static void Add(Dictionary<CellKey, int> counts, CellKey key, int n)
    {
        if (counts.TryGetValue(key, out var count))
        {
            counts[key] = count + n;
        }
    }

    /// <inheritdoc cref="Fill(ReportValues, string, int, IEnumerable{ApplicationTally}, IEnumerable{Appeal})"/>
    public static void Fill(ReportValues values, string formatCode, int year, IEnumerable<ApplicationCase> cases, IEnumerable<Appeal> appeals) =>
        Fill(values, formatCode, year, cases.Select(ApplicationTally.Of), appeals);

    /// <summary>The cells the application and appeals figures of <paramref name="format"/> fill.</summary>
    public static IEnumerable<CellKey> OwnedCells(ReportFormat format)
    {
        if (IsLegacy(format.Code))
        {
            return format.Table(LegacyFormats.Table).Cells()
                .Where(c => c.Column.Code == LegacyFormats.Value && (c.Row.Code.StartsWith("requests.", StringComparison.Ordinal) || LegacyAppealRows.Contains(c.Row.Code)))
                .Select(c => c.Key);
        }
        if (format.Code is not ("2019" or "2021"))
        {
            throw new ArgumentException($"Format {format.Code} has no application table computable from records.", nameof(format));
        }
        return RequestRows(format.Code).SelectMany(r => NewFormats.ApplicantColumns.Select(c => new CellKey(NewFormats.Requests, r, c)))
            .Concat(NewFormats.AppealGroups.SelectMany(g => AppealOutcomes.Append("total").Select(o => new CellKey(NewFormats.Appeals, "cases", $"{g}.{o}"))));
    }

    private static string[] RequestRows(string formatCode) => ["new", "carried_over", .. NewFormats.OutcomeRows(formatCode), "results_total", "carried_forward"];

    private static readonly ConcurrentDictionary<string, HashSet<string>> LegacyRows = new();

    private static readonly string[] AppealOutcomes = ["upheld", "corrected", "other", "pending"];

    private static readonly HashSet<string> LegacyAppealRows = ["reconsideration", "reconsideration.upheld", "reconsideration.corrected", "reconsideration.other",
        "litigation", "litigation.upheld", "litigation.corrected", "litigation.other"];

    /// <summary>
    /// The cells one application counts in for a report year; none when the year does not count it.
    /// 2019/2021 table 三: received in the year → 新收, before it and still open → 上年结转; answered
    /// in the year → the row of its reply type and 总计, else 结转下年度; each in its applicant's
    /// column and 总计. Pre-2019 统计表: see <see cref="LegacyRow"/> and <see cref="LegacyChannel"/>.
    /// </summary>
    public static IEnumerable<CellKey> CellsOf(ApplicationTally application, ReportFormat format, int year) =>
        IsLegacy(format.Code) ? LegacyRequestCells(application, format, year) : RequestCells(application, format.Code, year);

    private static IEnumerable<CellKey> RequestCells(ApplicationTally application, string formatCode, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var reply = application.Reply;
        if (application.Received > last || (reply is { } answered && answered.Date < first))
        {
            yield break;
        }
        var column = Column(application.Applicant);
        string[] rows = reply is { } r && r.Date <= last
            ? [application.Received >= first ? "new" : "carried_over", ReplyTypes.RowFor(r.Type, formatCode), "results_total"]
            : [application.Received >= first ? "new" : "carried_over", "carried_forward"];
        foreach (var row in rows)
        {
            yield return new CellKey(NewFormats.Requests, row, column);
            yield return new CellKey(NewFormats.Requests, row, "total");
        }
    }

    /// <summary>
    /// The 统计表's 三、依申请公开情况 rows: （一） applications received in the year by channel,
    /// （二） those answered in the year, on time or after an extension, （三） the same answers by
    /// the row of their reply type (<see cref="LegacyRow"/>).
    /// </summary>
    private static IEnumerable<CellKey> LegacyRequestCells(ApplicationTally application, ReportFormat format, int year)
    {
        var rows = LegacyRows.GetOrAdd(format.Code, _ => format.Table(LegacyFormats.Table).Cells().Where(c => c.Column.Code == LegacyFormats.Value).Select(c => c.Row.Code).ToHashSet());
        var keys = new List<string>();
        if (application.Received.Year == year)
        {
            keys.Add("requests.received");
            keys.Add($"requests.received.{LegacyChannel(application.Channel, rows.Contains("requests.received.other"))}");
        }
        if (application.Reply is { } reply && reply.Date.Year == year)
        {
            var row = LegacyRow(reply.Type);
            keys.AddRange(["requests.closed", application.Extended ? "requests.closed.extended" : "requests.closed.on_time", "requests.replied", row]);
            if (row.StartsWith("requests.replied.refused.", StringComparison.Ordinal))
            {
                keys.Add("requests.replied.refused");
            }
        }
        return keys.Where(rows.Contains).Select(r => new CellKey(LegacyFormats.Table, r, LegacyFormats.Value));
    }

    /// <summary>
    /// The cells one reconsideration or lawsuit counts in: filed in the year, by the result known at
    /// the year's end (2019/2021: else 尚未审结). The pre-2019 统计表's 四、行政复议数量 and
    /// 五、行政诉讼数量 (both kinds of lawsuit) have no 尚未审结 row, so an undecided case counts under
    /// （三）其他情形 until it is decided.
    /// </summary>
    public static IEnumerable<CellKey> CellsOf(Appeal appeal, ReportFormat format, int year)
    {
        if (appeal.Filed.Year != year)
        {
            return [];
        }
        var result = appeal.Decided is { } decided && decided.Year <= year ? appeal.Result : null;
        if (IsLegacy(format.Code))
        {
            var group = appeal.Kind == AppealKind.Reconsideration ? "reconsideration" : "litigation";
            var outcome = result switch { AppealResult.Upheld => ".upheld", AppealResult.Corrected => ".corrected", _ => ".other" };
            return [new CellKey(LegacyFormats.Table, group, LegacyFormats.Value), new CellKey(LegacyFormats.Table, group + outcome, LegacyFormats.Value)];
        }
        var newGroup = appeal.Kind switch
        {
            AppealKind.Reconsideration => "reconsideration",
            AppealKind.LitigationDirect => "litigation.direct",
            _ => "litigation.after_reconsideration",
        };
        var newOutcome = result switch
        {
            AppealResult.Upheld => "upheld",
            AppealResult.Corrected => "corrected",
            null => "pending",
            _ => "other",
        };
        return [new CellKey(NewFormats.Appeals, "cases", $"{newGroup}.{newOutcome}"), new CellKey(NewFormats.Appeals, "cases", $"{newGroup}.total")];
    }

    /// <summary>
    /// The 2007 rules knew written applications in four forms (当面, 传真, 网络, 信函); what came
    /// another way counts as 其他形式 where the sheet has that row and else as 网络 (hotline and app
    /// transfers arrive electronically).
    /// </summary>
    public static string LegacyChannel(Channel channel, bool hasOtherForm) => channel switch
    {
        Channel.InPerson => "in_person",
        Channel.Fax => "fax",
        Channel.Online => "online",
        Channel.Post or Channel.OrdinaryMail => "letter",
        _ => hasOtherForm ? "other" : "online",
    };

    /// <summary>
    /// The row of the 统计表's （三）申请答复数 a reply counts in. Our derivation (the 2007 sheet
    /// predates most reply types): refusals go to their ground; internal and process information
    /// was answered as 不是《条例》所指政府信息; third-party rights as 个人隐私; information that would
    /// have to be made as 不存在; a supplement that never came or stayed unclear as 告知作出更改补充;
    /// every answer that neither gives nor refuses information as 告知通过其他途径办理, the sheet's
    /// only row for them, so that 申请答复数 = Σ 1–8 holds.
    /// </summary>
    public static string LegacyRow(ReplyType type) => "requests.replied." + type switch
    {
        ReplyType.AlreadyPublic => "already_public",
        ReplyType.Granted => "granted",
        ReplyType.Partial => "partial",
        ReplyType.StateSecret => "refused.state_secret",
        ReplyType.ThirdParty => "refused.privacy",
        ReplyType.Security => "refused.security",
        ReplyType.InternalAffairs or ReplyType.ProcessInformation => "refused.not_government_information",
        ReplyType.ProhibitedByLaw or ReplyType.EnforcementFiles => "refused.other_law",
        ReplyType.NotThisOrgan => "not_ours",
        ReplyType.NotExist or ReplyType.NeedsMaking => "not_exist",
        ReplyType.UnclearAfterSupplement or ReplyType.NoSupplement => "clarify",
        _ => "other_route",
    };
}
