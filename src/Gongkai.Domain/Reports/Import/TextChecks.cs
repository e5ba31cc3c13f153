using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Where a report's text states a figure its table also holds, the two must agree (seed 000's
/// text counts two letter applications, one 行政复议 and one 行政诉讼; its table says 1, 0 and 0).
/// Also checks the text against itself where it announces a number of items it then lists.
/// </summary>
internal static partial class TextChecks
{
    // A count from its first digit, at most nine: a pattern may start here, and "\d+" tried at every
    // digit of a long run (a damaged file) costs the square of its length.
    private const string Number = @"(?<n>(?<!\d)\d{1,9}|[一二两三四五六七八九十]{1,3})";

    /// <summary>A figure the text states, the pattern that finds it, and the cells it must equal in each family of formats.</summary>
    /// <param name="Ends">
    /// For a pattern that starts with the figure (every digit of the text is a place to try): the
    /// word its match ends with, so the search starts just before that word's first use.
    /// </param>
    private sealed record Statement(string Code, string Name, Regex Pattern, Func<ReportFormat, IReadOnlyList<CellKey>> Cells, string? Ends = null)
    {
        /// <summary>The longest match of a pattern that starts with the figure, before the word it ends with.</summary>
        private const int Reach = 40;

        public Match Find(string flat)
        {
            if (Ends is null)
            {
                return Pattern.Match(flat);
            }
            var word = flat.IndexOf(Ends, StringComparison.Ordinal);
            return word < 0 ? Match.Empty : Pattern.Match(flat, Math.Max(0, word - Reach));
        }
    }

    private static bool IsLegacy(ReportFormat f) => ReportFormats.IsStatistics(f.Code);

    private static CellKey Stat(string row) => new("stats", row, "value");

    private static readonly Statement[] Statements =
    [
        new("text.requests.received", "收到的政府信息公开申请数",
            new Regex(@"(?:收到|受理|新收)(?:[^。；，,]{0,12}?)" + Number + @"\s*(?:件|起|个)(?:[^。；]{0,4})(?:政府)?信息公开申请|(?:收到|受理|新收)[^。；]{0,12}?(?:政府)?信息公开申请(?:共)?\s*" + Number + @"\s*(?:件|起)", RegexOptions.Compiled),
            f => IsLegacy(f) ? [Stat("requests.received")] : [new CellKey("requests", "new", "total")]),
        new("text.requests.carried_over", "上年结转的申请数",
            new Regex(@"上年结转(?:[^。；，,]{0,6}?)" + Number + @"\s*件", RegexOptions.Compiled),
            f => IsLegacy(f) ? [] : [new CellKey("requests", "carried_over", "total")]),
        new("text.requests.carried_forward", "结转下年度继续办理的申请数",
            new Regex(@"结转下年度(?:继续办理)?(?:[^。；，,]{0,4}?)" + Number + @"\s*件", RegexOptions.Compiled),
            f => IsLegacy(f) ? [] : [new CellKey("requests", "carried_forward", "total")]),
        new("text.reconsideration", "行政复议案件数",
            new Regex(@"行政复议(?:申请|案件)?[^。；，]{0,6}?" + Number + @"\s*(?:件|起)", RegexOptions.Compiled),
            f => IsLegacy(f) ? [Stat("reconsideration")] : [new CellKey("appeals", "cases", "reconsideration.total")]),
        new("text.litigation", "行政诉讼案件数",
            new Regex(@"行政诉讼(?:的情形|案件)?[^。；，]{0,6}?" + Number + @"\s*(?:件|起)", RegexOptions.Compiled),
            f => IsLegacy(f) ? [Stat("litigation")] : [new CellKey("appeals", "cases", "litigation.direct.total"), new CellKey("appeals", "cases", "litigation.after_reconsideration.total")]),
        new("text.proactive.wechat", "政务微信公开信息数",
            new Regex(@"政务微信(?:公开|发布)(?:政府)?(?:信息)?\s*" + Number + @"\s*条", RegexOptions.Compiled),
            f => IsLegacy(f) ? [Stat("proactive.channels.wechat")] : []),
        new("text.proactive.website", "政府网站公开信息数",
            new Regex(@"政府网站(?:主动)?(?:公开|发布)(?:政府)?(?:信息)?\s*" + Number + @"\s*条", RegexOptions.Compiled),
            f => IsLegacy(f) ? [Stat("proactive.channels.website")] : []),
        new("text.meetings.trainings", "举办培训班次数",
            new Regex(Number + @"\s*(?:期|次)[^。；，]{0,4}培训", RegexOptions.Compiled),
            f => IsLegacy(f) ? [Stat("meetings.trainings")] : [], Ends: "培训"),
    ];

    [GeneratedRegex(@"以下(?<n>[一二两三四五六七八九十])(?:个)?方面")]
    private static partial Regex Announced();

    [GeneratedRegex(@"(?:报告|全文)由(?<list>[^。]{4,600}?)(?:等)?(?<n>[一二三四五六七八九十]{1,3})?(?:个)?部分组成")]
    private static partial Regex Outline();

    public static IEnumerable<Violation> Evaluate(string text, AnnualReport report, bool hasTable)
    {
        var flat = Text.Nfkc.Collapse(text);
        if (hasTable)
        {
            foreach (var statement in Statements)
            {
                // A sheet read as printed has none of the defined rows: only the cells the format has are compared.
                var cells = statement.Cells(report.Format).Where(k => report.Format.FindCell(k) is not null).ToList();
                var match = statement.Find(flat);
                if (cells.Count == 0 || !match.Success)
                {
                    continue;
                }
                var stated = ReportParser.ChineseNumber(match.Groups["n"].Captures[^1].Value);
                var printed = cells.Select(report.Values.Number).ToList();
                decimal? table = printed.All(p => p is null) ? null : printed.Sum(p => p ?? 0);
                if (stated >= 0 && table != stated)
                {
                    var cell = report.Format.FindCell(cells[0])!;
                    yield return new Violation(statement.Code, Severity.Warning, cells, stated, table,
                        $"正文“{Excerpt(flat, match)}”所述{statement.Name}为 {stated}，而表格“{cell.Row.Label}”填报 {(table is { } t ? CellValue.FormatNumber(t) : "空白")}。");
                }
            }
        }
        if (Outline().Match(flat) is { Success: true } outline)
        {
            var items = outline.Groups["list"].Value.Split('；', StringSplitOptions.RemoveEmptyEntries);
            var announced = outline.Groups["n"].Success ? ReportParser.ChineseNumber(outline.Groups["n"].Value) : items.Length >= 3 ? items.Length : -1;
            if (announced > 0 && report.Parts.Count > 0 && announced != report.Parts.Count)
            {
                yield return new Violation("text.outline", Severity.Warning, [], announced, report.Parts.Count,
                    $"正文称报告由 {announced} 部分组成，实际只有 {report.Parts.Count} 部分（{report.Parts[0].Heading[..1]}至{report.Parts[^1].Heading.Split('、')[0]}）。");
            }
            if (!hasTable && (outline.Groups["list"].Value.Contains("附表") || outline.Groups["list"].Value.Contains("统计表")))
            {
                yield return new Violation("text.missing_table", Severity.Warning, [], null, null, "正文称报告附有统计表，但报告中没有统计表。");
            }
        }
        foreach (var part in report.Parts.Select(p => Text.Nfkc.Collapse(p.Text)))
        foreach (Match announced in Announced().Matches(part))
        {
            var count = ReportParser.ChineseNumber(announced.Groups["n"].Value);
            var after = part[(announced.Index + announced.Length)..];
            var listed = 0;
            while (after.Contains($"({ToChinese(listed + 1)})", StringComparison.Ordinal) && listed < 20)
            {
                listed++;
            }
            if (listed > 0 && listed != count)
            {
                yield return new Violation("text.announced_items", Severity.Warning, [], count, listed,
                    $"正文称“以下{announced.Groups["n"].Value}方面”，其后只列出（一）至（{ToChinese(listed)}）共 {listed} 项。");
            }
        }
    }

    private static string ToChinese(int n) => n switch
    {
        <= 10 => "零一二三四五六七八九十"[n].ToString(),
        < 20 => "十" + (n % 10 == 0 ? "" : "零一二三四五六七八九"[n % 10].ToString()),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Excerpt(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 6);
        return text[start..Math.Min(text.Length, match.Index + match.Length)];
    }
}
