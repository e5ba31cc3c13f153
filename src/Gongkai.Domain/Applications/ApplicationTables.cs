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
    public static bool IsLegacy(string formatCode) => formatCode.StartsWith("legacy-", StringComparison.Ordinal);

    /// <summary>Whether the tables of <paramref name="formatCode"/> can be computed from the records.</summary>
    public static bool Computable(string formatCode) => formatCode is "2019" or "2021" || IsLegacy(formatCode);

    /// <summary>Sets the application and appeals figures of a report in any computable format.</summary>
    public static void Fill(ReportValues values, string formatCode, int year, IEnumerable<ApplicationTally> applications, IEnumerable<Appeal> appeals)
    {
        if (IsLegacy(formatCode))
        {
            FillLegacyRequests(values, ReportFormats.Get(formatCode), year, applications);
            FillLegacyAppeals(values, year, appeals);
        }
        else
        {
            FillRequests(values, formatCode, year, applications);
            FillAppeals(values, year, appeals);
        }
    }

    /// <inheritdoc cref="Fill(ReportValues, string, int, IEnumerable{ApplicationTally}, IEnumerable{Appeal})"/>
    public static void Fill(ReportValues values, string formatCode, int year, IEnumerable<ApplicationCase> cases, IEnumerable<Appeal> appeals) =>
        Fill(values, formatCode, year, cases.Select(ApplicationTally.Of), appeals);

    /// <summary>Sets the application table (三) of a 2019- or 2021-format report.</summary>
    public static void FillRequests(ReportValues values, string formatCode, int year, IEnumerable<ApplicationTally> applications)
    {
        if (formatCode is not ("2019" or "2021"))
        {
            throw new ArgumentException($"Format {formatCode} has no application table of the 2019 Regulation.", nameof(formatCode));
        }
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        string[] rows = ["new", "carried_over", .. NewFormats.OutcomeRows(formatCode), "results_total", "carried_forward"];
        var counts = rows.ToDictionary(r => r, _ => NewFormats.ApplicantColumns.ToDictionary(c => c, _ => 0));

        foreach (var application in applications)
        {
            var column = Column(application.Applicant);
            var reply = application.Reply;
            if (application.Received > last || (reply is { } answered && answered.Date < first))
            {
                continue;
            }
            counts[application.Received >= first ? "new" : "carried_over"][column] += application.Count;
            if (reply is { } r && r.Date <= last)
            {
                counts[ReplyTypes.RowFor(r.Type, formatCode)][column] += application.Count;
                counts["results_total"][column] += application.Count;
            }
            else
            {
                counts["carried_forward"][column] += application.Count;
            }
        }
        foreach (var (row, byColumn) in counts)
        {
            byColumn["total"] = byColumn.Where(c => c.Key != "total").Sum(c => c.Value);
            foreach (var (column, n) in byColumn)
            {
                values.Set(new CellKey(NewFormats.Requests, row, column), n);
            }
        }
    }

    /// <summary>Sets the appeals table (四) from the reconsiderations and lawsuits filed in the year.</summary>
    public static void FillAppeals(ReportValues values, int year, IEnumerable<Appeal> appeals)
    {
        foreach (var group in NewFormats.AppealGroups)
        {
            foreach (var outcome in new[] { "upheld", "corrected", "other", "pending", "total" })
            {
                values.Set(new CellKey(NewFormats.Appeals, "cases", $"{group}.{outcome}"), 0);
            }
        }
        foreach (var appeal in appeals.Where(a => a.Filed.Year == year))
        {
            var group = appeal.Kind switch
            {
                AppealKind.Reconsideration => "reconsideration",
                AppealKind.LitigationDirect => "litigation.direct",
                _ => "litigation.after_reconsideration",
            };
            var outcome = ResultAtYearEnd(appeal, year) switch
            {
                AppealResult.Upheld => "upheld",
                AppealResult.Corrected => "corrected",
                null => "pending",
                _ => "other",
            };
            Increment(values, new CellKey(NewFormats.Appeals, "cases", $"{group}.{outcome}"));
            Increment(values, new CellKey(NewFormats.Appeals, "cases", $"{group}.total"));
        }
    }

    private static AppealResult? ResultAtYearEnd(Appeal appeal, int year) =>
        appeal.Decided is { } decided && decided.Year <= year ? appeal.Result : null;

    /// <summary>
    /// The 统计表's 三、依申请公开情况 rows: （一） applications received in the year by channel,
    /// （二） those answered in the year, on time or after an extension, （三） the same answers by
    /// the row of their reply type (<see cref="LegacyRow"/>).
    /// </summary>
    public static void FillLegacyRequests(ReportValues values, ReportFormat format, int year, IEnumerable<ApplicationTally> applications)
    {
        var table = LegacyFormats.Table;
        var rows = format.Table(table).Cells()
            .Where(c => c.Column.Code == LegacyFormats.Value && c.Row.Code.StartsWith("requests.", StringComparison.Ordinal))
            .Select(c => c.Row.Code).ToList();
        var hasOtherForm = rows.Contains("requests.received.other");
        var counts = new Dictionary<string, int>();
        foreach (var application in applications)
        {
            if (application.Received.Year == year)
            {
                Add(counts, "requests.received", application.Count);
                Add(counts, $"requests.received.{LegacyChannel(application.Channel, hasOtherForm)}", application.Count);
            }
            if (application.Reply is { } reply && reply.Date.Year == year)
            {
                Add(counts, "requests.closed", application.Count);
                Add(counts, application.Extended ? "requests.closed.extended" : "requests.closed.on_time", application.Count);
                Add(counts, "requests.replied", application.Count);
                var row = LegacyRow(reply.Type);
                Add(counts, row, application.Count);
                if (row.StartsWith("requests.replied.refused.", StringComparison.Ordinal))
                {
                    Add(counts, "requests.replied.refused", application.Count);
                }
            }
        }
        foreach (var row in rows)
        {
            values.Set(new CellKey(table, row, LegacyFormats.Value), counts.GetValueOrDefault(row));
        }
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

    /// <summary>
    /// The 统计表's 四、行政复议数量 and 五、行政诉讼数量 (both kinds of lawsuit): filed in the year, by
    /// the result known at its end; the sheet has no 尚未审结 row, so an undecided case counts under
    /// （三）其他情形 until it is decided.
    /// </summary>
    public static void FillLegacyAppeals(ReportValues values, int year, IEnumerable<Appeal> appeals)
    {
        var counts = new Dictionary<string, int>();
        foreach (var appeal in appeals.Where(a => a.Filed.Year == year))
        {
            var group = appeal.Kind == AppealKind.Reconsideration ? "reconsideration" : "litigation";
            Add(counts, group, 1);
            Add(counts, group + ResultAtYearEnd(appeal, year) switch
            {
                AppealResult.Upheld => ".upheld",
                AppealResult.Corrected => ".corrected",
                _ => ".other",
            }, 1);
        }
        foreach (var group in new[] { "reconsideration", "litigation" })
        {
            foreach (var row in new[] { group, $"{group}.upheld", $"{group}.corrected", $"{group}.other" })
            {
                values.Set(new CellKey(LegacyFormats.Table, row, LegacyFormats.Value), counts.GetValueOrDefault(row));
            }
        }
    }

    private static void Add(Dictionary<string, int> counts, string key, int n) => counts[key] = counts.GetValueOrDefault(key) + n;

    private static void Increment(ReportValues values, CellKey key) => values.Set(key, (values.Number(key) ?? 0) + 1);
}
