using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Tests.Reports;

/// <summary>Reports whose every cell holds a different value, so that a value in the wrong place shows; or small figures as agencies print them.</summary>
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

    /// <summary>Small figures, as most agencies print (many zeros, few of two digits), that keep the format's sums as a real report does.</summary>
    public static AnnualReport Small(ReportFormat format, Random random)
    {
        var report = SampleReports.WithDistinctValues(format);
        foreach (var cell in format.Cells().Where(c => c.Kind != ValueKind.UnitText))
        {
            var n = random.Next(10) < 6 ? 0 : random.Next(10) < 8 ? random.Next(1, 10) : random.Next(10, 100);
            report.Values.Set(cell.Key, cell.Kind switch
            {
                ValueKind.Amount => CellValue.Of(n * 100, "元"),
                ValueKind.WanYuan => CellValue.Of(n / 10m),
                _ => CellValue.Of(n),
            });
        }
        Balance(report);
        return report;
    }

    /// <summary>Makes every error check of the format hold: a total becomes the sum of its parts (parts first), a part no more than its whole.</summary>
    private static void Balance(AnnualReport report)
    {
        var values = report.Values;
        decimal Get(CellKey key) => values.Number(key) ?? 0;
        for (var pass = 0; pass < 10; pass++)
        {
            foreach (var check in report.Format.Checks.Where(c => c.Severity == Severity.Error))
            {
                var right = check.Right.Sum(Get);
                var others = check.Left.Skip(1).Sum(Get);
                var first = check.Left[0];
                var kind = report.Format.FindCell(first)!.Kind;
                var value = check.Relation switch
                {
                    Relation.Equal => right - others,
                    Relation.AtMost => Math.Min(Get(first), right - others),
                    _ => Math.Max(Get(first), right - others),
                };
                if (value < 0)
                {
                    // new + carried over = done + carried forward: carry nothing over instead.
                    foreach (var other in check.Left.Skip(1))
                    {
                        values.Set(other, 0);
                    }
                    value = right;
                }
                values.Set(first, kind == ValueKind.Amount ? CellValue.Of(value, "元") : CellValue.Of(value));
            }
        }
        Assert.DoesNotContain(report.Check(), v => v.Severity == Severity.Error);
    }

    public static IEnumerable<ReportFormat> Formats => ReportFormats.All;

    public static TheoryData<string> FormatCodes => new(ReportFormats.All.Select(f => f.Code));
}
