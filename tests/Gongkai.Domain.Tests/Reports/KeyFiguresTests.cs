using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public sealed class KeyFiguresTests
{
    [Fact]
    public void ApplicationsReceived_AreFollowedAcrossTheLegacyAndTheNewFormats()
    {
        var legacy = AnnualReport.Blank(ReportFormats.Get("legacy-shandong"), "某镇", 2017);
        legacy.Values.Set(new CellKey("stats", "requests.received", "value"), 4);
        var current = AnnualReport.Blank(ReportFormats.Get("2021"), "某镇", 2022);
        current.Values.Set(new CellKey("requests", "new", "total"), 7);
        var figure = KeyFigures.All.Single(f => f.Name == "收到政府信息公开申请");
        Assert.Equal((4m, 7m), (KeyFigures.ValueIn(figure, legacy)!.Value, KeyFigures.ValueIn(figure, current)!.Value));
    }

    [Fact]
    public void Litigation_AddsDirectAndAfterReconsideration_AndBlankStaysBlank()
    {
        var report = AnnualReport.Blank(ReportFormats.Get("2019"), "某局", 2020);
        var figure = KeyFigures.All.Single(f => f.Name == "行政诉讼");
        Assert.Null(KeyFigures.ValueIn(figure, report));
        report.Values.Set(new CellKey("appeals", "cases", "litigation.direct.total"), 2);
        report.Values.Set(new CellKey("appeals", "cases", "litigation.after_reconsideration.total"), 1);
        Assert.Equal(3m, KeyFigures.ValueIn(figure, report));
    }
}
