using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Supervision;

namespace Gongkai.Domain.Tests.Reports.Supervision;

/// <summary>What a supervisor sees across years and agencies: cross-year checks, the roll-up, copied narratives, the drafted narrative.</summary>
public sealed class SupervisionTests
{
    private static AnnualReport Report(string format, int year, params (string Table, string Row, string Column, decimal Value)[] cells)
    {
        var report = AnnualReport.Blank(ReportFormats.Get(format), "某镇人民政府", year);
        foreach (var (table, row, column, value) in cells)
        {
            report.Values.Set(new CellKey(table, row, column), value);
        }
        return report;
    }

    [Fact]
    public void ThisYearsCarriedOver_MustEqualLastYearsCarriedForward()
    {
        var last = Report("2021", 2023, ("requests", "carried_forward", "natural", 2), ("requests", "carried_forward", "total", 2));
        var now = Report("2021", 2024, ("requests", "carried_over", "natural", 3), ("requests", "carried_over", "total", 2));
        var warning = Assert.Single(CrossYear.Check(now, last));
        Assert.Equal((Severity.Warning, 2m, 3m), (warning.Severity, warning.Expected!.Value, warning.Actual!.Value));
        Assert.Contains("2023 年度报告的“结转下年度继续办理”为 2", warning.Message);
        Assert.Empty(CrossYear.Check(now, Report("2021", 2022, ("requests", "carried_forward", "natural", 9))));   // not the year before
    }

    [Fact]
    public void DocumentsInForce_AreLastYearsPlusIssuedMinusRepealed()
    {
        var last = Report("2021", 2023, ("proactive", "normative", "in_force", 40));
        var right = Report("2021", 2024, ("proactive", "normative", "issued", 5), ("proactive", "normative", "repealed", 3), ("proactive", "normative", "in_force", 42));
        var wrong = Report("2021", 2024, ("proactive", "normative", "issued", 5), ("proactive", "normative", "repealed", 3), ("proactive", "normative", "in_force", 45));
        Assert.Empty(CrossYear.Check(right, last));
        Assert.Contains("应为 42 件", Assert.Single(CrossYear.Check(wrong, last)).Message);
    }

    /// <summary>Random agencies' tables: the roll-up is their sum cell by cell, blank where all are blank, and passes the checks they pass.</summary>
    [Fact]
    public void TheRollUp_IsTheSumOfItsParts_CellByCell()
    {
        var format = ReportFormats.Get("2021");
        var random = new Random(5);
        var types = Enum.GetValues<ReplyType>().Where(t => t is not (ReplyType.NoSupplement or ReplyType.FeeUnpaid or ReplyType.UnclearAfterSupplement)).ToArray();
        var reports = Enumerable.Range(0, 12).Select(a =>
        {
            var report = AnnualReport.Blank(format, $"机关{a}", 2024);
            var cases = Enumerable.Range(0, random.Next(0, 30)).Select(_ =>
            {
                var received = new DateOnly(2023, 6, 1).AddDays(random.Next(0, 500));
                var c = new ApplicationCase(received, Channel.Online, (ApplicantKind)random.Next(6));
                if (random.Next(3) > 0)
                {
                    c.Record(new CaseStep(StepKind.Reply, WorkingCalendar.National.AddWorkingDays(received, random.Next(1, 15)), "clerk", "答复", types[random.Next(types.Length)]), WorkingCalendar.National);
                }
                return c;
            }).ToList();
            ApplicationTables.Fill(report.Values, "2021", 2024, cases, []);
            if (a % 3 == 0)
            {
                report.Values.Set(new CellKey("proactive", "fees", "amount"), random.Next(0, 50) / 10m);
            }
            return ($"机关{a}", report);
        }).ToList();

        var sum = RollUp.Sum(format, reports);

        foreach (var cell in format.Cells())
        {
            var parts = reports.Select(r => r.report.Values.Number(cell.Key)).Where(v => v is not null).ToList();
            Assert.Equal(parts.Count == 0 ? null : parts.Sum(), sum.Number(cell.Key));
        }
        Assert.DoesNotContain(ReportChecks.Evaluate(format, sum), v => v.Severity == Severity.Error);
        Assert.Throws<ArgumentException>(() => RollUp.Sum(format, [("旧格式机关", AnnualReport.Blank(ReportFormats.Get("2019"), "x", 2024))]));
    }

    [Fact]
    public void ANarrativeCopiedFromLastYear_IsFlagged_WithTheCopiedSentences()
    {
        const string last = "2023年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。全年通过政府网站主动公开政府信息 125 条。进一步规范依申请公开办理流程，严格按照法定时限答复。";
        var copied = last.Replace("2023", "2024").Replace("125", "131");
        var fresh = "2024年，白沙镇围绕乡村振兴重点工作，新设立村务公开栏十二处，组织全镇村干部开展政务公开培训两期，群众满意度明显提高。";

        var overlap = CopiedNarrative.Compare(copied, "2023 年度报告", last);
        Assert.True(overlap.Share > 0.95, $"share {overlap.Share}");
        Assert.Equal(3, overlap.CopiedSentences.Count);
        Assert.Single(CopiedNarrative.Flag(copied, [("2023 年度报告", last), ("石桥镇 2024 年度报告", fresh)]));
        Assert.Empty(CopiedNarrative.Flag(fresh, [("2023 年度报告", last)]));
    }

    [Fact]
    public void TheDraftNarrative_TellsTheTablesFacts_AndKeepsWhatTheClerkWrote()
    {
        var last = Report("2021", 2023, ("requests", "new", "total", 8));
        var report = Report("2021", 2024,
            ("requests", "new", "natural", 6), ("requests", "new", "total", 10), ("requests", "carried_over", "total", 1),
            ("requests", "results_total", "total", 10), ("requests", "granted", "total", 4), ("requests", "partial", "total", 1), ("requests", "carried_forward", "total", 1),
            ("appeals", "cases", "reconsideration.total", 1), ("appeals", "cases", "reconsideration.corrected", 0), ("appeals", "cases", "litigation.direct.total", 0), ("appeals", "cases", "litigation.after_reconsideration.total", 0));
        report = report with { Parts = report.Parts.Select(p => p.Code == "appeals" ? p with { Text = "本机关自己写的。" } : p).ToList() };

        var drafted = NarrativeDraft.Fill(report, last);
        var requests = drafted.Parts.Single(p => p.Code == "requests").Text;
        Assert.Equal("2024年，本机关新收政府信息公开申请 10 件，比上年增加 2 件（+25%），其中自然人提出 6 件、法人或者其他组织提出 4 件；上年结转 1 件。本年办结 10 件，其中予以公开 4 件（占 40%），部分公开 1 件（占 10%）。结转下年度继续办理 1 件。", requests);
        Assert.Equal("本机关自己写的。", drafted.Parts.Single(p => p.Code == "appeals").Text);
    }
}
