using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Tests.Reports;

/// <summary>Reports whose every cell holds a different value, so that a value in the wrong place shows.</summary>
public static class SampleReports
{
    public static AnnualReport WithDistinctValues(ReportFormat format, int seed = 1)
    {
        var year = format.Code switch { "2019" => 2020, "2021" => 2023, _ => 2016 };
        var report = AnnualReport.Blank(format, "青溪县白沙镇人民政府", year) with { PublishedOn = new DateOnly(year + 1, 1, 20) };
        var n = seed * 1000;
        foreach (var cell in format.Cells())
        {
            n++;
            report.Values.Set(cell.Key, cell.Kind switch
            {
                ValueKind.UnitText => CellValue.OfText(cell.Row.Unit ?? "项"),
                ValueKind.SignedCount => CellValue.Of(n % 2 == 0 ? n : -n),
                ValueKind.Amount => CellValue.Of(n * 10, "元"),
                ValueKind.WanYuan => CellValue.Of(n / 100m),
                _ => CellValue.Of(n),
            });
        }
        var parts = report.Parts.Select((p, i) => p with { Text = $"第{i + 1}部分的第一段：本年度共办理“{p.Heading}”相关事项 {i + 3} 件。\n第二段 <b>不是标签</b> & 符号。" }).ToList();
        return report with { Parts = parts };
    }

    public static IEnumerable<ReportFormat> Formats => ReportFormats.All;

    public static TheoryData<string> FormatCodes => new(ReportFormats.All.Select(f => f.Code));
}
