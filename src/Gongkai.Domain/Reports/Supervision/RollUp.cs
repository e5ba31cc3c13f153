namespace Gongkai.Domain.Reports.Supervision;

/// <summary>
/// A supervisor's report over the agencies below it (全县 / 全市): every numeric cell is the sum
/// of the agencies' cells; a cell left blank by every agency stays blank (blank is not 0); unit
/// text is not summed. Reports of another format cannot be added and are refused.
/// </summary>
public static class RollUp
{
    public static ReportValues Sum(ReportFormat format, IEnumerable<(string Agency, AnnualReport Report)> reports)
    {
        var numeric = format.Cells().Where(c => c.Kind != ValueKind.UnitText).Select(c => c.Key).ToHashSet();
        var sums = new Dictionary<CellKey, decimal>();
        foreach (var (agency, report) in reports)
        {
            if (report.FormatCode != format.Code)
            {
                throw new ArgumentException($"{agency}的 {report.Year} 年度报告使用格式 {report.FormatCode}，不能与格式 {format.Code} 的报告相加。", nameof(reports));
            }
            foreach (var (key, value) in report.Values.All)
            {
                if (value.Number is { } n && numeric.Contains(key))
                {
                    sums[key] = sums.GetValueOrDefault(key) + n;
                }
            }
        }
        var values = new ReportValues();
        foreach (var (key, n) in sums)
        {
            values.Set(key, n);
        }
        return values;
    }
}
