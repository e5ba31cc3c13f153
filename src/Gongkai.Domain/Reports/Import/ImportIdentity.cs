using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Whether a file is the report it is being imported as: a report of another agency, or one
/// whose printed years disagree, is said before it is saved (a town's report imported as another
/// town's would go unnoticed into the roll-up).
/// </summary>
public static partial class ImportIdentity
{
    /// <summary>Words every agency's name has, which say nothing about which agency it is.</summary>
    [GeneratedRegex(@"人民政府|政府|办事处|[省市县区]|\s")]
    private static partial Regex Generic();

    [GeneratedRegex(@"(\d{4})\s*年")]
    private static partial Regex Year();

    /// <summary>Warnings, in Chinese, for importing <paramref name="imported"/> as <paramref name="agencyName"/>'s report.</summary>
    public static IReadOnlyList<string> Warnings(ImportedReport imported, string agencyName)
    {
        var warnings = new List<string>();
        var report = imported.Report;
        var (printed, expected) = (Generic().Replace(report.AgencyName, ""), Generic().Replace(agencyName, ""));
        if (printed.Length > 0 && !printed.Contains(expected, StringComparison.Ordinal) && !expected.Contains(printed, StringComparison.Ordinal))
        {
            warnings.Add($"文件中的机关是“{report.AgencyName}”，而不是要导入的“{agencyName}”。请确认没有选错机关或文件。");
        }
        if (report.PeriodStart is { } start && start.Year != report.Year)
        {
            warnings.Add($"文件标题的年度是 {report.Year} 年，统计期间却从 {start.Year} 年开始。请核对报告年度。");
        }
        var columnYears = report.Format.Tables.SelectMany(t => t.Sections).SelectMany(s => s.LeafColumns())
            .Select(c => Year().Match(c.Label)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Where(y => y != report.Year).Distinct().ToList();
        if (columnYears.Count > 0)
        {
            warnings.Add($"统计表的栏目写的是 {string.Join("、", columnYears)} 年，报告年度是 {report.Year} 年。请核对表格数字所属的年度。");
        }
        return warnings;
    }
}
