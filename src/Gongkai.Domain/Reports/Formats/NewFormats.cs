using static Gongkai.Domain.Reports.Formats.Build;

namespace Gongkai.Domain.Reports.Formats;

/// <summary>
/// The formats under the 2019 Regulation: the trial format of 国办公开办函〔2019〕60号 (reports for
/// 2019 and 2020) and the format of 国办公开办函〔2021〕30号 (2021 onward). Labels per domain-spec §2.A/§2.B.
/// </summary>
public static class NewFormats
{
    public const string Proactive = "proactive";
    public const string Requests = "requests";
    public const string Appeals = "appeals";

    private static readonly PartDef[] Outline =
    [
        new("overview", "一、总体情况", []),
        new("proactive", "二、主动公开政府信息情况", [Proactive]),
        new("requests", "三、收到和处理政府信息公开申请情况", [Requests]),
        new("appeals", "四、政府信息公开行政复议、行政诉讼情况", [Appeals]),
        new("problems", "五、存在的主要问题及改进情况", []),
        new("other", "六、其他需要报告的事项", []),
    ];

    /// <summary>The applicant columns of table 3: 自然人, five kinds of 法人或其他组织, 总计.</summary>
    public static readonly string[] ApplicantColumns = ["natural", "commercial", "research", "charity", "legal", "other", "total"];

    private static readonly ColumnDef[] RequestColumns =
    [
        ColGroup("applicants", "申请人情况",
            Col("natural", "自然人"),
            ColGroup("organisations", "法人或其他组织",
                Col("commercial", "商业企业"),
                Col("research", "科研机构"),
                Col("charity", "社会公益组织"),
                Col("legal", "法律服务机构"),
                Col("other", "其他")),
            Col("total", "总计")),
    ];

    private static RowDef[] RequestRows(RowDef otherHandling) =>
    [
        Row("new", "一、本年新收政府信息公开申请数量"),
        Row("carried_over", "二、上年结转政府信息公开申请数量"),
        Group("results", "三、本年度办理结果",
            Row("granted", "（一）予以公开"),
            Row("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            Group("refused", "（三）不予公开",
                Row("refused.state_secret", "1．属于国家秘密"),
                Row("refused.prohibited", "2．其他法律行政法规禁止公开"),
                Row("refused.security", "3．危及“三安全一稳定”"),
                Row("refused.third_party", "4．保护第三方合法权益"),
                Row("refused.internal_affairs", "5．属于三类内部事务信息"),
                Row("refused.process", "6．属于四类过程性信息"),
                Row("refused.enforcement_files", "7．属于行政执法案卷"),
                Row("refused.inquiry", "8．属于行政查询事项")),
            Group("unable", "（四）无法提供",
                Row("unable.not_held", "1．本机关不掌握相关政府信息"),
                Row("unable.needs_making", "2．没有现成信息需要另行制作"),
                Row("unable.unclear", "3．补正后申请内容仍不明确")),
            Group("not_processed", "（五）不予处理",
                Row("not_processed.complaint", "1．信访举报投诉类申请"),
                Row("not_processed.repeated", "2．重复申请"),
                Row("not_processed.publication", "3．要求提供公开出版物"),
                Row("not_processed.excessive", "4．无正当理由大量反复申请"),
                Row("not_processed.confirmation", "5．要求行政机关确认或重新出具已获取信息")),
            otherHandling,
            Row("results_total", "（七）总计")),
        Row("carried_forward", "四、结转下年度继续办理"),
    ];

    private static readonly string[] OutcomeRows2019 =
    [
        "granted", "partial",
        "refused.state_secret", "refused.prohibited", "refused.security", "refused.third_party",
        "refused.internal_affairs", "refused.process", "refused.enforcement_files", "refused.inquiry",
        "unable.not_held", "unable.needs_making", "unable.unclear",
        "not_processed.complaint", "not_processed.repeated", "not_processed.publication", "not_processed.excessive", "not_processed.confirmation",
    ];

    /// <summary>The data rows whose sum is （七）总计 in each format.</summary>
    public static IReadOnlyList<string> OutcomeRows(string formatCode) => formatCode == "2019"
        ? [.. OutcomeRows2019, "other"]
        : [.. OutcomeRows2019, "other.no_supplement", "other.fee_unpaid", "other.other"];

    private static ColumnDef[] AppealColumns()
    {
        ColumnDef[] Outcomes(string prefix) =>
        [
            Col($"{prefix}.upheld", "结果维持"),
            Col($"{prefix}.corrected", "结果纠正"),
            Col($"{prefix}.other", "其他结果"),
            Col($"{prefix}.pending", "尚未审结"),
            Col($"{prefix}.total", "总计"),
        ];
        return
        [
            ColGroup("reconsideration", "行政复议", Outcomes("reconsideration")),
            ColGroup("litigation", "行政诉讼",
                ColGroup("litigation.direct", "未经复议直接起诉", Outcomes("litigation.direct")),
                ColGroup("litigation.after_reconsideration", "复议后起诉", Outcomes("litigation.after_reconsideration"))),
        ];
    }

    public static readonly string[] AppealGroups = ["reconsideration", "litigation.direct", "litigation.after_reconsideration"];

    private static TableDef AppealsTable() => new(Appeals, "四、政府信息公开行政复议、行政诉讼情况",
        [new SectionDef(null, null, AppealColumns(), [Row("cases", "")])], LabelLayout.Nested);

    private static TableDef RequestsTable(RowDef otherHandling) => new(Requests, "三、收到和处理政府信息公开申请情况",
        [new SectionDef(null, null, RequestColumns, RequestRows(otherHandling))], LabelLayout.Nested,
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");

    /// <summary>What both formats of the 2019 Regulation print and the old 统计表 never did.</summary>
    private static readonly FormatMarks Marks = new(
        Family: ["第二十条第", "申请人情况", "一、本年新收政府信息公开申请数量", "结果维持"],
        FamilyInText: ["申请人情况", "第二十条第(一)项", "本年新收政府信息公开申请数量"],
        Own: [], OwnInText: []);

    public static ReportFormat Format2019 { get; } = new(
        "2019", "政府信息公开工作年度报告格式（试行）", "国办公开办函〔2019〕60号", Outline,
        [
            new TableDef(Proactive, "二、主动公开政府信息情况",
            [
                new SectionDef("第二十条第（一）项", "信息内容",
                    [Col("made", "本年新制作数量"), Col("published", "本年新公开数量"), Col("total", "对外公开总数量")],
                    [Row("rules", "规章"), Row("normative", "规范性文件")]),
                new SectionDef("第二十条第（五）项", "信息内容",
                    [Col("last_year", "上一年项目数量"), Col("change", "本年增/减", ValueKind.SignedCount), Col("decisions", "处理决定数量")],
                    [Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")]),
                new SectionDef("第二十条第（六）项", "信息内容",
                    [Col("last_year", "上一年项目数量"), Col("change", "本年增/减", ValueKind.SignedCount), Col("decisions", "处理决定数量")],
                    [Row("penalty", "行政处罚"), Row("enforcement", "行政强制")]),
                new SectionDef("第二十条第（八）项", "信息内容",
                    [Col("last_year", "上一年项目数量"), Col("change", "本年增/减", ValueKind.SignedCount)],
                    [Row("fees", "行政事业性收费")]),
                new SectionDef("第二十条第（九）项", "信息内容",
                    [Col("count", "采购项目数量"), Col("amount", "采购总金额", ValueKind.Amount)],
                    [Row("procurement", "政府集中采购")]),
            ], LabelLayout.Nested),
            RequestsTable(Row("other", "（六）其他处理")),
            AppealsTable(),
        ],
        Checks("2019").ToList()) { EveryCellRequired = true, Marks = Marks };

    public static ReportFormat Format2021 { get; } = new(
        "2021", "政府信息公开工作年度报告格式", "国办公开办函〔2021〕30号", Outline,
        [
            new TableDef(Proactive, "二、主动公开政府信息情况",
            [
                new SectionDef("第二十条第（一）项", "信息内容",
                    [Col("issued", "本年制发件数"), Col("repealed", "本年废止件数"), Col("in_force", "现行有效件数")],
                    [Row("rules", "规章"), Row("normative", "行政规范性文件")]),
                new SectionDef("第二十条第（五）项", "信息内容",
                    [Col("decisions", "本年处理决定数量")],
                    [Row("licensing", "行政许可")]),
                new SectionDef("第二十条第（六）项", "信息内容",
                    [Col("decisions", "本年处理决定数量")],
                    [Row("penalty", "行政处罚"), Row("enforcement", "行政强制")]),
                new SectionDef("第二十条第（八）项", "信息内容",
                    [Col("amount", "本年收费金额（单位：万元）", ValueKind.WanYuan, "万元")],
                    [Row("fees", "行政事业性收费")]),
            ], LabelLayout.Nested),
            RequestsTable(Group("other", "（六）其他处理",
                Row("other.no_supplement", "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                Row("other.fee_unpaid", "2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                Row("other.other", "3．其他"))),
            AppealsTable(),
        ],
        Checks("2021").ToList()) { EveryCellRequired = true, Marks = Marks };

    private static IEnumerable<CrossCheck> Checks(string format)
    {
        var outcomes = OutcomeRows(format);
        foreach (var column in ApplicantColumns)
        {
            yield return new CrossCheck($"requests.balance.{column}", Severity.Error,
                [new CellKey(Requests, "new", column), new CellKey(Requests, "carried_over", column)], Relation.Equal,
                [new CellKey(Requests, "results_total", column), new CellKey(Requests, "carried_forward", column)], Declared);
            yield return Sum($"requests.results_total.{column}", Requests, column, "results_total", outcomes, Implied);
        }
        foreach (var row in RequestRowsWithCells(format))
        {
            yield return new CrossCheck($"requests.applicants.{row}", Severity.Error, [new CellKey(Requests, row, "total")], Relation.Equal,
                ApplicantColumns.SkipLast(1).Select(c => new CellKey(Requests, row, c)).ToList(), Implied);
        }
        foreach (var group in AppealGroups)
        {
            yield return new CrossCheck($"appeals.{group}.total", Severity.Error, [new CellKey(Appeals, "cases", $"{group}.total")], Relation.Equal,
                new[] { "upheld", "corrected", "other", "pending" }.Select(o => new CellKey(Appeals, "cases", $"{group}.{o}")).ToList(), Implied);
        }
    }

    private static IEnumerable<string> RequestRowsWithCells(string format) =>
        ["new", "carried_over", .. OutcomeRows(format), "results_total", "carried_forward"];
}
