using Gongkai.Documents.Import;
using Gongkai.Documents.Tests.Reports;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Documents.Tests.Import;

/// <summary>A report rendered in each layout parses back to the same values, in every format and variant.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string, Layout> FormatsAndLayouts()
    {
        var data = new TheoryData<string, Layout>();
        foreach (var format in ReportFormats.All)
        {
            foreach (var layout in Enum.GetValues<Layout>().Where(l => Layouts.Supports(l, format)))
            {
                data.Add(format.Code, layout);
            }
        }
        return data;
    }

    private static void AssertSameValues(AnnualReport expected, AnnualReport actual)
    {
        Assert.Equal(expected.FormatCode, actual.FormatCode);
        var want = expected.Values.All.ToDictionary(c => c.Key, c => c.Value.Display());
        var got = actual.Values.All.ToDictionary(c => c.Key, c => c.Value.Display());
        var wrong = want.Where(w => got.GetValueOrDefault(w.Key) != w.Value).Select(w => $"{w.Key}: {w.Value} ≠ {got.GetValueOrDefault(w.Key) ?? "空"}").ToList();
        var extra = got.Keys.Except(want.Keys).ToList();
        Assert.True(wrong.Count == 0 && extra.Count == 0, string.Join("\n", wrong.Take(10).Concat(extra.Take(10).Select(e => $"extra {e}"))));
    }

    [Theory]
    [MemberData(nameof(FormatsAndLayouts))]
    public void DistinctValuesInEveryCell_ComeBack(string format, Layout layout)
    {
        var report = SampleReports.WithDistinctValues(ReportFormats.Get(format));
        var imported = ReportFiles.Parse($"sample.{layout}", Layouts.Render(report, layout));
        AssertSameValues(report, imported.Report);
        Assert.Empty(imported.Unrecognised);
        Assert.Equal((report.Year, report.PeriodStart, report.PeriodEnd, report.PublishedOn), (imported.Report.Year, imported.Report.PeriodStart, imported.Report.PeriodEnd, imported.Report.PublishedOn));
    }

    /// <summary>
    /// Random values, many seeds, in every layout: where the layout can show a blank, a quarter of
    /// the cells are left blank and must come back blank (but a row's total beside printed parts);
    /// where it cannot, every cell is filled.
    /// </summary>
    [Theory]
    [MemberData(nameof(FormatsAndLayouts))]
    public void RandomValues_ComeBack(string format, Layout layout)
    {
        var blankShare = Layouts.KeepBlanks.Contains(layout) ? 0.25 : 0;
        var definition = ReportFormats.Get(format);
        for (var seed = 1; seed <= 40; seed++)
        {
            // string.GetHashCode differs between runs: the seed must not depend on it.
            var random = new Random(seed * 7919 + format.Sum(c => c) % 1000);
            var report = SampleReports.WithDistinctValues(definition);
            var values = new ReportValues();
            foreach (var cell in definition.Cells())
            {
                // Units are printed by every template; values may be left blank.
                if (cell.Kind != ValueKind.UnitText && random.NextDouble() < blankShare)
                {
                    continue;
                }
                values.Set(cell.Key, cell.Kind switch
                {
                    ValueKind.UnitText => CellValue.OfText(cell.Row.Unit ?? "项"),
                    ValueKind.SignedCount => CellValue.Of(random.Next(-500, 500)),
                    ValueKind.Amount => CellValue.Of(random.Next(0, 1_000_000), random.Next(2) == 0 ? "元" : null),
                    ValueKind.WanYuan => CellValue.Of(random.Next(0, 100_000) / 100m),
                    _ => CellValue.Of(random.Next(0, 100_000)),
                });
            }
            // A total left blank beside printed parts is how a row read one column off looks
            // (PlacementGuard blanks it): the random report prints such a row's total.
            foreach (var check in PlacementGuard.RowChecks(definition))
            {
                if (values.IsBlank(check.Left[0]) && check.Right.Sum(k => values.Number(k) ?? 0) > 0)
                {
                    values.Set(check.Left[0], random.Next(0, 100_000));
                }
            }
            report = report with { Values = values };
            var imported = ReportFiles.Parse($"random-{seed}.{layout}", Layouts.Render(report, layout));
            AssertSameValues(report, imported.Report);
        }
    }
}
