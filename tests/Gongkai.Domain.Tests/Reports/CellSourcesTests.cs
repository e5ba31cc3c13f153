using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>Where a report's figures came from: counted from the records, changed since, or typed with a note.</summary>
public sealed class CellSourcesTests
{
    private static readonly CellKey NewTotal = new("requests", "new", "total");
    private static readonly CellKey NewNatural = new("requests", "new", "natural");
    private static readonly CellKey Licensing = new("proactive", "licensing", "decisions");

    private static AnnualReport Generated()
    {
        var counted = new ReportValues();
        counted.Set(NewTotal, 12);
        counted.Set(NewNatural, 12);
        var values = counted.Copy();
        values.Set(Licensing, 40);
        return AnnualReport.Blank(ReportFormats.Get("2021"), "某镇人民政府", 2024) with
        {
            Values = values,
            Sources = CellSources.None.Counted(counted),
        };
    }

    [Fact]
    public void ACountedFigure_IsFromRecords_UntilItIsChanged()
    {
        var report = Generated();
        Assert.Equal(CellOrigin.FromRecords, report.Sources.OriginOf(NewTotal, report.Values));
        Assert.Equal(CellOrigin.Typed, report.Sources.OriginOf(Licensing, report.Values));

        var values = report.Values.Copy();
        values.Set(NewTotal, 13);
        Assert.Equal(CellOrigin.ChangedFromRecords, report.Sources.OriginOf(NewTotal, values));
        values.Set(NewTotal, null);
        Assert.Equal(CellOrigin.ChangedFromRecords, report.Sources.OriginOf(NewTotal, values));
    }

    [Fact]
    public void AFigureChangedFromTheRecords_WithoutAReason_IsAWarning_ThatTheReasonClears()
    {
        var report = Generated();
        var values = report.Values.Copy();
        values.Set(NewTotal, 13);
        values.Set(NewNatural, 13);
        var changed = report with { Values = values };

        var warnings = changed.Check().Where(v => v.CheckCode == "sources.changed").ToList();
        Assert.Equal(["requests/new/natural", "requests/new/total"], warnings.SelectMany(w => w.Cells).Select(c => c.ToString()).Order().ToList());
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.Contains("办理记录统计为 12，现填 13", warnings[0].Message);

        var explained = changed with
        {
            Sources = changed.Sources.WithNotes([KeyValuePair.Create(NewTotal, (string?)"一件申请登记在县政府，由本镇办理"), KeyValuePair.Create(NewNatural, (string?)"同上")]),
        };
        Assert.DoesNotContain(explained.Check(), v => v.CheckCode == "sources.changed");
    }

    [Fact]
    public void GeneratingAgain_ReplacesWhatTheRecordsGave_AndKeepsTheNotes()
    {
        var report = Generated();
        var noted = report.Sources.WithNotes([KeyValuePair.Create(Licensing, (string?)"县行政审批系统导出"), KeyValuePair.Create(NewTotal, (string?)"  ")]);
        Assert.Equal(["县行政审批系统导出"], noted.Notes.Values);

        var again = new ReportValues();
        again.Set(NewTotal, 14);
        var regenerated = noted.Counted(again);
        Assert.Equal(14, regenerated.FromRecords[NewTotal]);
        Assert.False(regenerated.FromRecords.ContainsKey(NewNatural));
        Assert.Equal("县行政审批系统导出", regenerated.NoteOf(Licensing));
    }

    [Fact]
    public void TheSources_SurviveTheReportFile()
    {
        var report = Generated() with
        {
            Sources = Generated().Sources.WithNotes([KeyValuePair.Create(Licensing, (string?)"县行政审批系统导出")]),
        };
        var read = ReportJson.Read(ReportJson.Write(report));
        Assert.Equal(report.Sources.FromRecords.OrderBy(e => e.Key.ToString()), read.Sources.FromRecords.OrderBy(e => e.Key.ToString()));
        Assert.Equal(report.Sources.Notes, read.Sources.Notes);
        Assert.Equal(CellOrigin.FromRecords, read.Sources.OriginOf(NewTotal, read.Values));
    }
}
