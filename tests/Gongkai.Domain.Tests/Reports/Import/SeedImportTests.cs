using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Domain.Tests.Reports.Import;

/// <summary>The five seed reports parse to exactly the cells of their ground truth.</summary>
public sealed class SeedImportTests
{
    private static ImportedReport Import(string seed) =>
        ReportParser.ParseText(seed, File.ReadAllText(SeedTruth.FixturePath(seed)));

    [Theory]
    [InlineData(SeedTruth.Seed000, "legacy-shandong")]
    [InlineData(SeedTruth.Seed001, "2019")]
    [InlineData(SeedTruth.Seed002, "legacy-beijing")]
    [InlineData(SeedTruth.Seed004, "legacy-weihai")]
    public void ASeed_ParsesToExactlyItsTruthCells_InTheFormatItsLabelsShow(string seed, string format)
    {
        var imported = Import(seed);
        Assert.True(imported.HasTable);
        Assert.Equal(format, imported.Report.FormatCode);
        Assert.Empty(imported.Unrecognised);

        var truth = SeedTruth.Cells(seed);
        var expected = truth.ToDictionary(c => SeedTruth.KeyOf(imported.Report.Format, c), c => c.Value);
        Assert.Equal(truth.Count, expected.Count);
        foreach (var (key, value) in expected)
        {
            Assert.True(imported.Report.Values[key]?.Display() == (value.Length == 0 ? null : value),
                $"{key}: expected '{value}', parsed '{imported.Report.Values[key]?.Display()}'");
            Assert.True(imported.Sources.ContainsKey(key), $"{key} has no source location");
        }
        var extra = imported.Report.Values.All.Select(c => c.Key).Where(k => !expected.ContainsKey(k)).ToList();
        Assert.True(extra.Count == 0, "values not in the truth: " + string.Join(", ", extra));
    }

    [Fact]
    public void Seed003_IsAReportWithNoTable()
    {
        var imported = Import(SeedTruth.Seed003);
        Assert.False(imported.HasTable);
        Assert.Equal(0, imported.Report.Values.Count);
        Assert.Equal(2017, imported.Report.Year);
    }

    [Theory]
    [InlineData(SeedTruth.Seed000, "利津县陈庄镇人民政府", 2017, "2017-01-01", "2017-12-31", "2018-03-20")]
    [InlineData(SeedTruth.Seed001, "沂源县悦庄镇人民政府", 2020, "2020-01-01", "2020-12-31", "2021-02-04")]
    [InlineData(SeedTruth.Seed002, "北京市密云区古北口镇人民政府", 2017, "2017-01-01", "2017-12-31", null)]
    [InlineData(SeedTruth.Seed003, "平阴县人民政府", 2017, "2017-01-01", "2017-12-31", "2018-02-26")]
    [InlineData(SeedTruth.Seed004, "张村镇政府", 2012, "2012-01-01", "2012-12-31", null)]
    public void ASeed_GivesItsAgencyYearPeriodAndPublicationDate(string seed, string agency, int year, string start, string end, string? published)
    {
        var report = Import(seed).Report;
        Assert.Equal((agency, year), (report.AgencyName, report.Year));
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (report.PeriodStart!.Value, report.PeriodEnd!.Value));
        Assert.Equal(published is null ? null : DateOnly.Parse(published), report.PublishedOn);
    }

    [Fact]
    public void Seed004_SaysTwelveButPrintsThePost2014Table_SoTheLabelsDecide()
    {
        var imported = Import(SeedTruth.Seed004);
        Assert.Equal(2012, imported.Report.Year);
        Assert.Equal("legacy-weihai", imported.Report.FormatCode);
    }

    [Theory]
    [InlineData(SeedTruth.Seed000, 12)]
    [InlineData(SeedTruth.Seed001, 6)]
    [InlineData(SeedTruth.Seed003, 11)]
    public void ANarrative_IsKeptPartByPart(string seed, int parts)
    {
        var report = Import(seed).Report;
        Assert.Equal(parts, report.Parts.Count);
        Assert.StartsWith("一、", report.Parts[0].Heading);
        Assert.False(string.IsNullOrWhiteSpace(report.Parts[0].Text));
        Assert.StartsWith($"{"一二三四五六七八九十"[Math.Min(parts, 10) - 1]}", report.Parts[^1].Heading);
    }
}
