using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;
using Gongkai.Domain.Reports.Import.TableLayout;

namespace Gongkai.Domain.Tests.Reports.Import.TableLayout;

/// <summary>A few printed rows of the 2021 table 三 (and its neighbours) in, the cells the aligner's rules place out.</summary>
internal static class Rows
{
    public static ImportedReport Parse(params string[][] rows) => ReportParser.Parse(new SourceDocument("t", [
        new SourceParagraph("某局2021年度政府信息公开工作年度报告", "p"),
        new SourceTable([.. rows.Select((cells, r) => new SourceRow([.. cells.Select((c, k) => new SourceCell(c, $"{r + 1}.{k + 1}"))], $"{r + 1}"))]),
    ]));

    /// <summary>The 2021 requests table's header and its first two rows, from which the format is known.</summary>
    public static readonly string[][] Start =
    [
        ["申请人情况", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
        ["一、本年新收政府信息公开申请数量", "", "1", "2", "3", "4", "5", "6", "21"],
        ["二、上年结转政府信息公开申请数量", "", "0", "0", "0", "0", "0", "0", "0"],
    ];

    public static decimal? At(ImportedReport imported, string row, string column) => imported.Report.Values.Number(new CellKey("requests", row, column));

    public static IEnumerable<decimal?> Row(ImportedReport imported, string row) =>
        new[] { "natural", "commercial", "research", "charity", "legal", "other", "total" }.Select(c => At(imported, row, c));
}

public sealed class ColumnHeaderRowTests
{
    [Fact]
    public void AHeaderOfColumnPaths_SetsTheTable_AndIsNoRow()
    {
        var imported = Rows.Parse(["申请人情况·自然人", "申请人情况·法人或其他组织·商业企业", "总计"], ["一、本年新收政府信息公开申请数量", "", "1", "2", "3", "4", "5", "6", "21"],
            ["二、上年结转政府信息公开申请数量", "", "0", "0", "0", "0", "0", "0", "0"], ["四、结转下年度继续办理", "", "1", "2", "3", "4", "5", "6", "21"]);

        Assert.Empty(imported.Unrecognised);
        Assert.Equal(21, Rows.At(imported, "new", "total"));
    }
}

public sealed class LabelledRowTests
{
    [Fact]
    public void GroupAndRowLabels_ThenOneFigurePerColumn() =>
        Assert.Equal([1m, 0, 0, 0, 0, 0, 1], Rows.Row(Rows.Parse([.. Rows.Start, ["（三）不予公开", "1．属于国家秘密", "1", "0", "0", "0", "0", "0", "1"]]), "refused.state_secret"));

    [Fact]
    public void ATrailingEmptyCell_IsNoColumn_AndNoFigureIsTakenForALabel() =>
        Assert.Equal([3m, 0, 0, 0, 0, 0, 3], Rows.Row(Rows.Parse([.. Rows.Start, ["1．属于国家秘密", "3", "0", "0", "0", "0", "0", "3", ""]]), "refused.state_secret"));
}

public sealed class GroupRowAloneTests
{
    [Fact]
    public void AGroupsLabelOnItsOwnRow_SetsTheContext_ForTheRowUnderIt()
    {
        // 1．属于国家秘密 is under （三）不予公开 only; 1．本机关不掌握 under （四）无法提供 — the group row says which 1．.
        var imported = Rows.Parse([.. Rows.Start, ["（四）无法提供"], ["1．本机关不掌握相关政府信息", "", "2", "0", "0", "0", "0", "0", "2"]]);

        Assert.Equal(2, Rows.At(imported, "unable.not_held", "total"));
        Assert.Empty(imported.Unrecognised);
    }

    [Fact]
    public void ARowShortOfFigures_IsBlankWithShortRow()
    {
        var imported = Rows.Parse([.. Rows.Start, ["四、结转下年度继续办理", "1", "2", "3"]]);

        Assert.All(Rows.Row(imported, "carried_forward"), Assert.Null);
        Assert.Contains(imported.Quality.Blank, b => b.Key == new CellKey("requests", "carried_forward", "total") && b.Code == BlankCode.ShortRow);
    }
}

public sealed class RestOfWrappedLabelTests
{
    [Fact]
    public void TheLabelsRestOnTheNextLine_WithTheFigures_FillsTheRow() =>
        Assert.Equal([0m, 1, 0, 0, 0, 0, 1], Rows.Row(Rows.Parse([.. Rows.Start, ["（三）不予公开", "4．保护第三方合法"], ["权益", "0", "1", "0", "0", "0", "0", "1"]]), "refused.third_party"));

    [Fact]
    public void FiguresBesideBothLinesOfALabel_FillTheCellsEveryPlacementAgreesOn_AndLeaveTheRestBlankWithSplitOverTwoLines()
    {
        // "0 1 0" beside 4．保护第三方合法, "0 0 0 1" beside 权益: of the 35 ways to choose the first
        // line's columns, those whose parts add up to the total put the 1 of the first line in
        // 商业企业 … 法律服务机构 — 自然人 and 其他 are 0 and 总计 is 1 in all of them.
        var imported = Rows.Parse([.. Rows.Start, ["（三）不予公开", "4．保护第三方合法", "0", "1", "0"], ["权益", "0", "0", "0", "1"]]);

        Assert.Equal([0m, null, null, null, null, 0, 1], Rows.Row(imported, "refused.third_party"));
        Assert.Contains(imported.Quality.Blank, b => b.Key == new CellKey("requests", "refused.third_party", "commercial") && b.Code == BlankCode.SplitOverTwoLines);
        Assert.DoesNotContain(imported.Quality.Blank, b => b.Key == new CellKey("requests", "refused.third_party", "total"));
    }

    [Fact]
    public void FiguresBesideBothLinesOfALabel_ArePlaced_WhenTheTablesSumsLeaveOnePlacement()
    {
        // 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理 in each column: with the other three rows
        // printed whole, only one choice of the first line's columns keeps every column's sum.
        var imported = Rows.Parse([.. Rows.Start, ["（七）总计", "", "1", "1", "1", "1", "1", "1", "6"],
            ["四、结转下年度继续", "0", "1", "2"], ["办理", "3", "4", "5", "15"]]);

        Assert.Equal([0m, 1, 2, 3, 4, 5, 15], Rows.Row(imported, "carried_forward"));
        Assert.DoesNotContain(imported.Quality.Blank, b => b.Key.Row == "carried_forward");
        Assert.Equal("表内合计关系唯一确定了拆分", imported.Sources[new CellKey("requests", "carried_forward", "research")].Rule);
    }

    [Fact]
    public void FiguresBesideBothLinesOfALabel_StayBlank_WhenAnotherRowOfTheirSumIsNotPrinted()
    {
        // The same rows without （七）总计: the column sums cannot be checked, so the placement stays open.
        var imported = Rows.Parse([.. Rows.Start, ["四、结转下年度继续", "0", "1", "2"], ["办理", "3", "4", "5", "15"]]);

        Assert.Equal(15, Rows.At(imported, "carried_forward", "total"));
        Assert.Null(Rows.At(imported, "carried_forward", "research"));
        Assert.Contains(imported.Quality.Blank, b => b.Key == new CellKey("requests", "carried_forward", "research") && b.Code == BlankCode.SplitOverTwoLines);
    }
}

public sealed class ShortFirstLineJoinedTests
{
    [Fact]
    public void AFirstLineTooShortToNameItsRow_IsJoinedWithTheNextLinesLastPiece() =>
        Assert.Equal([5m, 0, 0, 0, 0, 0, 5], Rows.Row(Rows.Parse([.. Rows.Start, ["（三）不予公开"], ["1．属于国家秘", "5", "0", "0", "0", "0", "0", "5"], ["密"]]), "refused.state_secret"));

    [Fact]
    public void FiguresBesideBothLines_AllAlike_AreTheRows()
    {
        // Chromium's A5 print through pdftotext: "果 1．属于国家 0" over "秘密 0 0 0 0 0 0".
        var imported = Rows.Parse([.. Rows.Start, ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0", "0", "0", "0", "0", "0", "0"],
            ["果", "1．属于国家", "0"], ["秘密", "0", "0", "0", "0", "0", "0"]]);

        Assert.Equal([0m, 0, 0, 0, 0, 0, 0], Rows.Row(imported, "refused.state_secret"));
        Assert.Empty(imported.Unrecognised);
    }

    [Fact]
    public void FiguresBesideBothLines_NotAlike_AreBlankWithSplitOverTwoLines_AndOpenForTheSums()
    {
        var imported = Rows.Parse([.. Rows.Start, ["果", "1．属于国家", "1"], ["秘密", "0", "0", "0", "0", "0", "1"]]);

        Assert.Equal(1, Rows.At(imported, "refused.state_secret", "total"));
        Assert.Null(Rows.At(imported, "refused.state_secret", "commercial"));
        Assert.Contains(imported.Quality.Blank, b => b.Key == new CellKey("requests", "refused.state_secret", "commercial") && b.Code == BlankCode.SplitOverTwoLines);
    }
}

public sealed class UnlabelledAppealsRowTests
{
    private static readonly string[] Appeals = ["0", "1", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"];

    [Fact]
    public void FifteenFiguresWithoutALabel_AreTheAppealsTable() =>
        Assert.Equal(1, Rows.Parse([.. Rows.Start, Appeals]).Report.Values.Number(new CellKey("appeals", "cases", "reconsideration.corrected")));

    [Fact]
    public void ASecondLineOfFigures_BlanksTheTable_WithWrappedInColumn()
    {
        var imported = Rows.Parse([.. Rows.Start, Appeals, ["", "", "", "", "4", "", "", "", "", "", "", "", "", "", ""]]);

        Assert.Null(imported.Report.Values.Number(new CellKey("appeals", "cases", "reconsideration.corrected")));
        Assert.Contains(imported.Quality.Blank, b => b.Key.Table == "appeals" && b.Code == BlankCode.WrappedInColumn);
    }
}

public sealed class HeaderWrappedInCellsTests
{
    [Fact]
    public void PiecesOfColumnLabels_AreAHeader_NotAnUnrecognisedRow()
    {
        var imported = Rows.Parse([.. Rows.Start, ["社会公益", "法律服务"], ["四、结转下年度继续办理", "", "1", "2", "3", "4", "5", "6", "21"]]);

        Assert.Empty(imported.Unrecognised);
        Assert.Equal(21, Rows.At(imported, "carried_forward", "total"));
    }
}

public sealed class LabelDownItsColumnTests
{
    [Fact]
    public void ANumberedLabelWrappedDownItsColumn_IsJoinedUpToTheLineWithItsFigures()
    {
        // Chromium's A5 print of a 2021 report through pdftotext: the label over four lines before its figures, four after.
        var imported = Rows.Parse([.. Rows.Start, ["（六）其他处理"], ["2．申请人逾"], ["期未按收费"], ["通知要求缴"], ["纳费用、行", "1", "0", "0", "0", "0", "0", "1"], ["政机关不再"], ["处理其政府"]]);

        Assert.Equal([1m, 0, 0, 0, 0, 0, 1], Rows.Row(imported, "other.fee_unpaid"));
        Assert.Empty(imported.Unrecognised);
    }

    [Fact]
    public void ALineBetweenThatStartsALabelOfItsOwn_StopsTheJoin()
    {
        var imported = Rows.Parse([.. Rows.Start, ["（六）其他处理"], ["2．申请人逾"], ["期未按收费"], ["3．其他", "1", "0", "0", "0", "0", "0", "1"]]);

        Assert.All(Rows.Row(imported, "other.fee_unpaid"), Assert.Null);
        Assert.Equal([1m, 0, 0, 0, 0, 0, 1], Rows.Row(imported, "other.other"));
    }

    [Fact]
    public void MoreLinesAboveTheFiguresThanTheOption_AreNotJoined()
    {
        static SourceRow Row(params string[] cells) => new([.. cells.Select(c => new SourceCell(c, "x"))], "x");
        SourceRow[] rows = [Row("2．申请人逾"), Row("期未按收费"), Row("通知要求缴"), Row("纳费用、行", "1", "0", "0", "0", "0", "0", "1")];
        RowTaken Apply(LabelDownItsColumn rule)
        {
            var aligner = new TableAligner(ReportFormats.ForYear(2021), new TextMemo());
            var printed = aligner.Read(rows[0], rows[1]);
            printed.Table = (rows, 0);
            return rule.Apply(aligner, printed);
        }

        Assert.Equal(RowTaken.With(3), Apply(new()));
        Assert.Equal(RowTaken.With(3), Apply(new(new(MostLinesAbove: 3))));
        Assert.Equal(RowTaken.No, Apply(new(new(MostLinesAbove: 2))));
    }
}
