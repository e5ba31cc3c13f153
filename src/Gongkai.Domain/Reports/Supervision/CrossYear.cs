using System.Globalization;
using Gongkai.Domain.Reports.Formats;

namespace Gongkai.Domain.Reports.Supervision;

/// <summary>
/// Checks between a report and the same agency's report of the year before (domain-spec §2.D
/// 6–7), as warnings: a difference is often a correction the clerk should explain, not an error.
/// <list type="bullet">
/// <item>This year's 上年结转 equals last year's 结转下年度继续办理, column by column.</item>
/// <item>2021: 现行有效 = last year's 现行有效 + 本年制发 − 本年废止 (规章, 规范性文件).</item>
/// <item>2019: 对外公开总数量 ≈ last year's + 本年新公开数量.</item>
/// </list>
/// </summary>
public static class CrossYear
{
    public static IReadOnlyList<Violation> Check(AnnualReport current, AnnualReport? previous)
    {
        var violations = new List<Violation>();
        if (previous is null || previous.Year != current.Year - 1 || current.FormatCode is not ("2019" or "2021") || previous.FormatCode is not ("2019" or "2021"))
        {
            return violations;
        }
        var columns = current.Format.Table(NewFormats.Requests).Sections[0].LeafColumns().ToDictionary(c => c.Code, c => c.Label);
        foreach (var column in NewFormats.ApplicantColumns)
        {
            var now = current.Values.Number(new CellKey(NewFormats.Requests, "carried_over", column));
            var before = previous.Values.Number(new CellKey(NewFormats.Requests, "carried_forward", column));
            if (now is { } a && before is { } b && a != b)
            {
                violations.Add(new Violation("cross_year.carried_over", Severity.Warning, [new CellKey(NewFormats.Requests, "carried_over", column)], b, a,
                    $"本年“上年结转政府信息公开申请数量”（{columns.GetValueOrDefault(column, column)}）为 {N(a)}，而 {previous.Year} 年度报告的“结转下年度继续办理”为 {N(b)}，两者应当相等；如上一年度的数字有误，请在本报告中说明。"));
            }
        }
        foreach (var (row, label) in new[] { ("rules", "规章"), ("normative", "规范性文件") })
        {
            decimal? Now(string column) => current.Values.Number(new CellKey(NewFormats.Proactive, row, column));
            decimal? Before(string column) => previous.Values.Number(new CellKey(NewFormats.Proactive, row, column));
            if (current.FormatCode == "2021" && previous.FormatCode == "2021"
                && Now("in_force") is { } inForce && Before("in_force") is { } last && Now("issued") is { } issued && Now("repealed") is { } repealed
                && inForce != last + issued - repealed)
            {
                violations.Add(new Violation("cross_year.in_force", Severity.Warning, [new CellKey(NewFormats.Proactive, row, "in_force")], last + issued - repealed, inForce,
                    $"{label}“现行有效件数”为 {N(inForce)}，而上一年度的 {N(last)} 件加本年制发 {N(issued)} 件、减本年废止 {N(repealed)} 件应为 {N(last + issued - repealed)} 件；如有文件到期失效或清理，请在报告中说明。"));
            }
            if (current.FormatCode == "2019" && previous.FormatCode == "2019"
                && Now("total") is { } total && Before("total") is { } lastTotal && Now("published") is { } published && total < lastTotal + published - 0)
            {
                violations.Add(new Violation("cross_year.total", Severity.Warning, [new CellKey(NewFormats.Proactive, row, "total")], lastTotal + published, total,
                    $"{label}“对外公开总数量”为 {N(total)}，少于上一年度的 {N(lastTotal)} 加本年新公开 {N(published)}；如有文件撤下，请在报告中说明。"));
            }
        }
        return violations;
    }

    private static string N(decimal n) => n.ToString("0.##", CultureInfo.InvariantCulture);
}
