using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public sealed class CrossCheckTests
{
    private static IReadOnlyList<Violation> CheckSeed(string seed, string format) =>
        ReportChecks.Evaluate(ReportFormats.Get(format), SeedTruth.Values(seed, ReportFormats.Get(format)));

    private static List<string> Codes(IEnumerable<Violation> violations, Severity severity) =>
        violations.Where(v => v.Severity == severity).Select(v => v.CheckCode).Order().ToList();

    [Fact]
    public void Seed000_YieldsExactlyTheArithmeticViolationsItsFactsList()
    {
        var violations = CheckSeed(SeedTruth.Seed000, "legacy-shandong");

        // facts 1 and 6 (strict), facts 8 (soft).
        Assert.Equal(["requests.received.sum", "responses.channels.sum"], Codes(violations, Severity.Error));
        Assert.Equal(["proactive.items.normative.within_issued"], Codes(violations, Severity.Warning));
        var received = violations.Single(v => v.CheckCode == "requests.received.sum");
        Assert.Equal((2m, 1m), (received.Expected, received.Actual));
        Assert.Equal("（一）收到申请数 应等于 1.当面申请数至5.其他形式各项之和 2，实际填报 1。", received.Message);
        var responses = violations.Single(v => v.CheckCode == "responses.channels.sum");
        Assert.Equal((5m, 0m), (responses.Expected, responses.Actual));
    }

    [Fact]
    public void Seed001_PassesEveryCheck()
    {
        Assert.Empty(CheckSeed(SeedTruth.Seed001, "2019"));
    }

    [Fact]
    public void Seed002_HasNoArithmeticError_ButItsPlausibilityWarnings()
    {
        var violations = CheckSeed(SeedTruth.Seed002, "legacy-beijing");
        Assert.Empty(Codes(violations, Severity.Error));
        Assert.Equal(["proactive.items.normative.within_issued", "responses.channels.cover_hotspots"], Codes(violations, Severity.Warning));
    }

    [Fact]
    public void Seed004_YieldsItsArithmeticViolations_IncludingBlankTotals()
    {
        var violations = CheckSeed(SeedTruth.Seed004, "legacy-weihai");

        // facts 2, 3, 4 (strict) and 5 (soft); the Shandong note's equality is a warning on top of fact 2.
        Assert.Equal(["proactive.channels.cover_items", "reading_points.same_in_staffing", "reading_visitors.sum"], Codes(violations, Severity.Error));
        Assert.Equal(["proactive.channels.equal_items", "proactive.items.normative.within_issued"], Codes(violations, Severity.Warning));
        var visitors = violations.Single(v => v.CheckCode == "reading_visitors.sum");
        Assert.Equal((16m, (decimal?)null), (visitors.Expected, visitors.Actual));
        Assert.EndsWith("16，实际为空白。", visitors.Message);
        var channels = violations.Single(v => v.CheckCode == "proactive.channels.cover_items");
        Assert.Equal((741m, 756m), (channels.Expected, channels.Actual));
    }

    public static TheoryData<string, string> EveryDeclaredCheck()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in ReportFormats.All)
        {
            foreach (var check in format.Checks)
            {
                data.Add(format.Code, check.Code);
            }
        }
        return data;
    }

    private static ReportValues AllZero(ReportFormat format) =>
        new(format.Cells().Where(c => c.Kind != ValueKind.UnitText).Select(c => KeyValuePair.Create(c.Key, CellValue.Of(0))));

    [Theory]
    [InlineData("legacy-national")]
    [InlineData("legacy-beijing")]
    [InlineData("legacy-shandong")]
    [InlineData("legacy-weihai")]
    [InlineData("2019")]
    [InlineData("2021")]
    public void AReportOfZeros_PassesEveryCheck(string format)
    {
        Assert.Empty(ReportChecks.Evaluate(ReportFormats.Get(format), AllZero(ReportFormats.Get(format))));
    }

    [Theory]
    [MemberData(nameof(EveryDeclaredCheck))]
    public void ASyntheticViolationOfEachRule_IsCaught_NamingItsCells(string formatCode, string checkCode)
    {
        var format = ReportFormats.Get(formatCode);
        var check = format.Checks.Single(c => c.Code == checkCode);
        var values = AllZero(format);
        if (check.Relation == Relation.AtLeast)
        {
            values.Set(check.Right[0], 7);
        }
        else
        {
            values.Set(check.Left[0], 7);
        }

        var violation = Assert.Single(ReportChecks.Evaluate(format, values), v => v.CheckCode == checkCode);

        Assert.Equal(check.Severity, violation.Severity);
        Assert.Equal([.. check.Left, .. check.Right], violation.Cells);
        var named = format.Cells().Single(c => c.Key == check.Left[0]);
        Assert.Contains(named.Row.Label.Length > 0 ? named.Row.Label : named.Column.Label, violation.Message);
        Assert.Contains("实际", violation.Message);
    }

    [Fact]
    public void CheckCodes_AreUniqueInEachFormat()
    {
        foreach (var format in ReportFormats.All)
        {
            Assert.Equal(format.Checks.Count, format.Checks.Select(c => c.Code).Distinct().Count());
        }
    }

    [Fact]
    public void EveryCheck_RefersOnlyToCellsOfItsFormat()
    {
        foreach (var format in ReportFormats.All)
        {
            var cells = format.Cells().Select(c => c.Key).ToHashSet();
            Assert.All(format.Checks.SelectMany(c => c.Left.Concat(c.Right)), key => Assert.Contains(key, cells));
        }
    }

    private static readonly ReportFormat Shandong = ReportFormats.Get("legacy-shandong");

    private static CellKey Stat(string row) => new("stats", row, "value");

    [Fact]
    public void BlankIsNotZero_ABlankTotalOverPrintedParts_IsReportedAsBlank()
    {
        var values = new ReportValues();
        values.Set(Stat("requests.received.letter"), 2);
        var violation = Assert.Single(ReportChecks.Evaluate(Shandong, values));
        Assert.Equal(("requests.received.sum", (decimal?)null), (violation.CheckCode, violation.Actual));
        Assert.Equal("（一）收到申请数 应等于 1.当面申请数至5.其他形式各项之和 2，实际为空白。", violation.Message);
    }

    [Fact]
    public void BlankIsNotZero_AZeroTotalOverPrintedParts_IsReportedAsZero()
    {
        var values = new ReportValues();
        values.Set(Stat("requests.received.letter"), 2);
        values.Set(Stat("requests.received"), 0);
        Assert.Equal(0m, Assert.Single(ReportChecks.Evaluate(Shandong, values)).Actual);
    }

    [Fact]
    public void ABlankHeadingRow_OverPrintedParts_IsNoFault()
    {
        var values = new ReportValues();
        values.Set(Stat("responses.channels.interpretations"), 5);
        Assert.Empty(ReportChecks.Evaluate(Shandong, values));
    }

    [Fact]
    public void ATotalWithEveryPartBlank_IsNotChecked()
    {
        var values = new ReportValues();
        values.Set(Stat("requests.received"), 3);
        Assert.Empty(ReportChecks.Evaluate(Shandong, values));
    }

    [Fact]
    public void BlankPartsCountAsZero_WhenAnotherPartIsPrinted()
    {
        var values = new ReportValues();
        values.Set(Stat("staffing.staff"), 1);
        values.Set(Stat("staffing.staff.part_time"), 1);
        Assert.Empty(ReportChecks.Evaluate(Shandong, values));
    }

    [Fact]
    public void TheRequestTableBalance_NamesTheColumn()
    {
        var format = ReportFormats.Get("2021");
        var values = AllZero(format);
        values.Set(new CellKey("requests", "new", "natural"), 3);
        values.Set(new CellKey("requests", "new", "total"), 3);
        values.Set(new CellKey("requests", "granted", "natural"), 2);
        values.Set(new CellKey("requests", "granted", "total"), 2);
        values.Set(new CellKey("requests", "results_total", "natural"), 2);
        values.Set(new CellKey("requests", "results_total", "total"), 2);

        var violations = ReportChecks.Evaluate(format, values);

        Assert.Equal(["requests.balance.natural", "requests.balance.total"], violations.Select(v => v.CheckCode).Order());
        Assert.Equal("“自然人”一列中，一、本年新收政府信息公开申请数量与二、上年结转政府信息公开申请数量之和 应等于 （七）总计与四、结转下年度继续办理之和 2，实际为 3。",
            violations.Single(v => v.CheckCode == "requests.balance.natural").Message);
    }

    [Fact]
    public void ARowTotal_IsExplainedAlongTheRow()
    {
        var format = ReportFormats.Get("2019");
        var values = AllZero(format);
        values.Set(new CellKey("requests", "granted", "commercial"), 1);
        var violation = ReportChecks.Evaluate(format, values).Single(v => v.CheckCode == "requests.applicants.granted");
        Assert.Equal("“（一）予以公开”一行中，总计 应等于 自然人至法人或其他组织·其他各项之和 1，实际填报 0。", violation.Message);
    }

    [Theory]
    [InlineData("2019", "requests", "new", "natural", -1, "应为不小于 0 的整数")]
    [InlineData("2019", "requests", "new", "natural", 1.5, "应为不小于 0 的整数")]
    [InlineData("2019", "proactive", "licensing", "change", 2.5, "应为整数（可为负数）")]
    [InlineData("2021", "proactive", "fees", "amount", -0.5, "金额不应为负数")]
    public void AValueOfTheWrongKind_IsAnError(string format, string table, string row, string column, double value, string problem)
    {
        var values = new ReportValues();
        values.Set(new CellKey(table, row, column), (decimal)value);
        var violation = Assert.Single(ReportChecks.Evaluate(ReportFormats.Get(format), values), v => v.CheckCode == "cell.kind");
        Assert.Contains(problem, violation.Message);
    }

    [Theory]
    [InlineData("2019", "proactive", "licensing", "change", -3)]
    [InlineData("2021", "proactive", "fees", "amount", 12.35)]
    [InlineData("legacy-national", "stats", "fees", "value", 0.25)]
    public void SignedChangesAndDecimalAmounts_AreAccepted(string format, string table, string row, string column, double value)
    {
        var values = new ReportValues();
        values.Set(new CellKey(table, row, column), (decimal)value);
        Assert.Empty(ReportChecks.Evaluate(ReportFormats.Get(format), values));
    }

    [Fact]
    public void TextWhereANumberBelongs_IsAnError()
    {
        var values = new ReportValues();
        values.Set(Stat("requests.received"), CellValue.OfText("若干"));
        Assert.Contains(ReportChecks.Evaluate(Shandong, values), v => v.CheckCode == "cell.kind" && v.Message.Contains("应填数字"));
    }
}
