using Gongkai.Domain.Reports.Import;

namespace Gongkai.Domain.Tests.Reports.Import;

/// <summary>Before a file is saved as an agency's report, the clerk is told when it is another agency's, or its years disagree.</summary>
public sealed class ImportIdentityTests
{
    private static ImportedReport Import(string seed) => ReportParser.ParseText(seed, File.ReadAllText(SeedTruth.FixturePath(seed)));

    [Fact]
    public void AnotherTownsReport_IsSaidBeforeItIsSaved()
    {
        // 悦庄镇's 2020 report uploaded under 白沙镇.
        var warnings = ImportIdentity.Warnings(Import(SeedTruth.Seed001), "青溪县白沙镇人民政府");

        var warning = Assert.Single(warnings);
        Assert.Equal("文件中的机关是“沂源县悦庄镇人民政府”，而不是要导入的“青溪县白沙镇人民政府”。请确认没有选错机关或文件。", warning);
    }

    [Theory]
    [InlineData("沂源县悦庄镇人民政府")]
    [InlineData("悦庄镇人民政府")]
    [InlineData("沂源县悦庄镇")]
    public void TheAgencysOwnReport_UnderItsNameWithOrWithoutCountyAndSuffix_HasNoWarning(string agencyName) =>
        Assert.Empty(ImportIdentity.Warnings(Import(SeedTruth.Seed001), agencyName));

    [Fact]
    public void ATitleYearThatIsNotTheStatisticsPeriods_IsSaid()
    {
        var text = File.ReadAllText(SeedTruth.FixturePath(SeedTruth.Seed001));
        var imported = ReportParser.ParseText("report.txt", text.Replace("2020年1月1日", "2019年1月1日", StringComparison.Ordinal));
        Assert.True(imported.Report.PeriodStart?.Year == 2019, "the seed states its statistics period");

        Assert.Contains("文件标题的年度是 2020 年，统计期间却从 2019 年开始。请核对报告年度。", ImportIdentity.Warnings(imported, "沂源县悦庄镇人民政府"));
    }
}
