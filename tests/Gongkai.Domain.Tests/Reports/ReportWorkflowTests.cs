using Gongkai.Domain.Agencies;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>Submission to the superior and publication (Art. 49).</summary>
public sealed class ReportWorkflowTests
{
    [Fact]
    public void DepartmentsPublishBy31January_GovernmentsBy31March()
    {
        Assert.Equal(new DateOnly(2025, 1, 31), ReportWorkflow.Due(AgencyKind.Department, 2024));
        Assert.Equal(new DateOnly(2025, 3, 31), ReportWorkflow.Due(AgencyKind.Government, 2024));
        Assert.False(ReportWorkflow.DueSoon(AgencyKind.Government, 2024, new DateOnly(2024, 12, 31)));
        Assert.True(ReportWorkflow.DueSoon(AgencyKind.Government, 2024, new DateOnly(2025, 1, 2)));
        Assert.False(ReportWorkflow.DueSoon(AgencyKind.Department, 2024, new DateOnly(2025, 2, 1)));
    }

    [Fact]
    public void APeriodThatEndsBeforeItStarts_IsRefused_AnOpenOrOneDayPeriodIsNot()
    {
        Assert.Equal("统计期间止不能早于统计期间起。", ReportWorkflow.PeriodProblem(new DateOnly(2025, 12, 31), new DateOnly(2025, 1, 1)));
        Assert.Null(ReportWorkflow.PeriodProblem(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        Assert.Null(ReportWorkflow.PeriodProblem(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1)));
        Assert.Null(ReportWorkflow.PeriodProblem(null, new DateOnly(2025, 1, 1)));
        Assert.Null(ReportWorkflow.PeriodProblem(new DateOnly(2025, 1, 1), null));
    }

    [Fact]
    public void AnAgencyWithASuperior_PublishesOnlyAnAcceptedReport()
    {
        var refused = Assert.Throws<ReportWorkflowException>(() => ReportWorkflow.Next(ReportStatus.Draft, ReportAction.Publish, hasSuperior: true, hasErrors: false, imported: false, null, yearEnded: true));
        Assert.Contains("须先报送上级", refused.Message);
        var status = ReportWorkflow.Next(ReportStatus.Draft, ReportAction.Submit, true, hasErrors: true, false, null, yearEnded: true);   // submitted with its failures visible
        Assert.Equal(ReportStatus.Draft, ReportWorkflow.Next(status, ReportAction.Return, true, true, false, "请改正表三", yearEnded: true));
        status = ReportWorkflow.Next(ReportWorkflow.Next(ReportStatus.Draft, ReportAction.Submit, true, false, false, null, yearEnded: true), ReportAction.Accept, true, false, false, null, yearEnded: true);
        Assert.Equal(ReportStatus.Published, ReportWorkflow.Next(status, ReportAction.Publish, true, false, false, null, yearEnded: true));
    }

    [Fact]
    public void AReportWithErrors_IsNeverPublished_UnlessItIsTheRecordOfOnePublishedElsewhere()
    {
        Assert.Contains("勾稽关系", Assert.Throws<ReportWorkflowException>(() => ReportWorkflow.Next(ReportStatus.Draft, ReportAction.Publish, false, true, false, null, yearEnded: true)).Message);
        Assert.Equal(ReportStatus.Published, ReportWorkflow.Next(ReportStatus.Draft, ReportAction.Publish, true, true, imported: true, null, yearEnded: true));
        Assert.Equal("请填写退回意见。", Assert.Throws<ReportWorkflowException>(() => ReportWorkflow.Next(ReportStatus.Submitted, ReportAction.Return, true, false, false, "", yearEnded: true)).Message);
        Assert.Throws<ReportWorkflowException>(() => ReportWorkflow.Next(ReportStatus.Published, ReportAction.Submit, true, false, false, null, yearEnded: true));
    }

    [Fact]
    public void AReport_IsAboutAFinishedYear()
    {
        // Drafting the current year is fine; submitting or publishing it before 1 January is not.
        Assert.False(ReportWorkflow.YearEnded(2026, new DateOnly(2026, 12, 31)));
        Assert.True(ReportWorkflow.YearEnded(2026, new DateOnly(2027, 1, 1)));
        Assert.Equal(2025, ReportWorkflow.DefaultYear(new DateOnly(2026, 12, 6)));
        foreach (var action in new[] { ReportAction.Submit, ReportAction.Publish })
        {
            var refused = Assert.Throws<ReportWorkflowException>(() => ReportWorkflow.Next(ReportStatus.Draft, action, hasSuperior: false, hasErrors: false, imported: false, null, yearEnded: false));
            Assert.Contains("次年 1 月 1 日起", refused.Message);
        }
        // A report published elsewhere and imported is a record of the past, whatever today is.
        Assert.Equal(ReportStatus.Published, ReportWorkflow.Next(ReportStatus.Draft, ReportAction.Publish, false, false, imported: true, null, yearEnded: false));
    }

    [Fact]
    public void OnlyADraft_IsEdited()
    {
        Assert.Equal([ReportStatus.Draft], Enum.GetValues<ReportStatus>().Where(ReportWorkflow.ContentEditable));
    }
}
