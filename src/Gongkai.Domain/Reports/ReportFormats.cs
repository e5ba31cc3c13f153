using Gongkai.Domain.Reports.Formats;

namespace Gongkai.Domain.Reports;

/// <summary>Every format Gongkai knows, and which one a year's report uses.</summary>
public static class ReportFormats
{
    public static IReadOnlyList<ReportFormat> All { get; } = [.. LegacyFormats.All, NewFormats.Format2019, NewFormats.Format2021];

    public static IReadOnlyList<ReportFormat> LegacyVariants => LegacyFormats.All;

    /// <summary>Whether a format is the pre-2019 统计表 in one of its defined variants (a local sheet read as printed is not: its rows are its own).</summary>
    public static bool IsStatistics(string code) => LegacyFormats.All.Any(f => f.Code == code);

    /// <summary>A defined format, or a printed sheet's format already read in this process (<see cref="PrintedSheets"/>).</summary>
    /// <summary>A national or provincial format by its code; a local sheet's format is carried by its report (<see cref="AnnualReport.Sheet"/>).</summary>
    public static ReportFormat? Find(string code) => All.FirstOrDefault(f => f.Code == code);

    public static ReportFormat Get(string code) => Find(code)
        ?? throw new ArgumentException($"未知的报告格式“{code}”，可选：{string.Join("、", All.Select(f => f.Code))}。", nameof(code));

    /// <summary>
    /// The format a report for <paramref name="year"/> is made in: 2019 onward under the 2019
    /// Regulation (国办公开办函〔2019〕60号 for 2019–2020, 〔2021〕30号 from 2021), before that the
    /// 统计表 in the variant the agency uses.
    /// </summary>
    public static ReportFormat ForYear(int year, string legacyVariant = "legacy-national") => year switch
    {
        >= 2021 => NewFormats.Format2021,
        >= 2019 => NewFormats.Format2019,
        _ => LegacyFormats.All.FirstOrDefault(f => f.Code == legacyVariant)
            ?? throw new ArgumentException($"未知的统计表格式“{legacyVariant}”，可选：{string.Join("、", LegacyFormats.All.Select(f => f.Code))}。", nameof(legacyVariant)),
    };
}
