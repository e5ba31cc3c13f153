using Gongkai.Domain.Agencies;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Notifications;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Notifications;

public sealed class ReportWarningsTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.National;

    private static readonly ReportWarnings.AgencyReport[] Below =
    [
        new("县教育局", AgencyKind.Department, null, 0),
        new("县财政局", AgencyKind.Department, ReportStatus.Draft, 0),
        new("县民政局", AgencyKind.Department, ReportStatus.Submitted, 2),
        new("县卫健委", AgencyKind.Department, ReportStatus.Published, 0),
        new("白沙镇人民政府", AgencyKind.Government, null, 0),
    ];

    [Fact]
    public void Article49_31January2026IsASaturday_TheWarningCountsToFriday30January()
    {
        Assert.Equal(new DateOnly(2026, 1, 30), ReportWarnings.LastWorkingDayBy(Calendar, new DateOnly(2026, 1, 31)));
        Assert.Equal(new DateOnly(2026, 3, 31), ReportWarnings.LastWorkingDayBy(Calendar, new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void On20January_DepartmentsHaveEightWorkingDays_TownsFortySix_AndASubmittedReportWithErrorsIsNamed()
    {
        var content = ReportWarnings.For(new DateOnly(2026, 1, 20), Calendar, Below);
        Assert.Equal(2025, content.Year);
        Assert.Equal(
            [("县教育局", 8), ("县财政局", 8), ("白沙镇人民政府", 46)],
            content.NotSubmitted.Select(w => (w.Agency, w.WorkingDaysLeft)));
        Assert.Equal(["县民政局"], content.Failing.Select(f => f.Agency));
        var text = ReportWarnings.Text(content, "县政务公开办", "https://gk.example.gov.cn");
        Assert.Contains("县教育局：法定期限 2026-01-31，最后一个工作日 2026-01-30，剩余 8 个工作日（尚未起草）", text);
        Assert.Contains("县民政局：2 项错误", text);
    }

    [Fact]
    public void After31January_TheDepartmentsAreLate_ByWorkingDays()
    {
        var content = ReportWarnings.For(new DateOnly(2026, 2, 3), Calendar, Below);
        Assert.Equal(-2, content.NotSubmitted.Single(w => w.Agency == "县教育局").WorkingDaysLeft);   // Mon 2, Tue 3 Feb
    }

    [Fact]
    public void NoWarnings_BeforeJanuary_OrAfterMarch()
    {
        Assert.True(ReportWarnings.For(new DateOnly(2026, 4, 1), Calendar, Below).IsEmpty);
        Assert.Empty(ReportWarnings.For(new DateOnly(2025, 12, 31), Calendar, [new("白沙镇人民政府", AgencyKind.Government, ReportStatus.Published, 0)]).NotSubmitted);
    }
}
