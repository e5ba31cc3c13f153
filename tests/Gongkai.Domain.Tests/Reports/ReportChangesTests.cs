using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>An edit of a report told in words for the audit log.</summary>
public sealed class ReportChangesTests
{
    private static readonly AnnualReport Before = AnnualReport.Blank(ReportFormats.Get("2021"), "白沙镇人民政府", 2025);

    [Fact]
    public void ASaveWithoutChanges_SaysSo() => Assert.Equal("保存（无修改）", ReportChanges.Describe(Before, Before));

    [Fact]
    public void ChangedCells_AreListedOldToNew_ThenTheNarrativeParts_ThenTheBasicData()
    {
        var values = Before.Values.Copy();
        values.Set(new CellKey("requests", "new", "natural"), 3);
        var parts = Before.Parts.Select((p, i) => i == 0 ? p with { Text = "本年度……" } : p).ToList();
        var after = Before with { Values = values, Parts = parts, PublishedOn = new DateOnly(2026, 1, 20) };

        Assert.Equal($"修改 1 个单元格：requests/new/natural: 空→3。修改正文：{Before.Parts[0].Heading}。修改基本信息", ReportChanges.Describe(Before, after));
    }
}
