using Gongkai.Documents.Import;
using Gongkai.Documents.Pdf;

namespace Gongkai.Documents.Tests.Import;

/// <summary>Lines of an unruled PDF table in (cells with their x-positions), lines out.</summary>
public sealed class FiguresBesideTwoLinesTests
{
    /// <summary>The seven figure columns of table 三, 40 points apart from x = 300.</summary>
    private static PdfCell Figure(int column, string text) => new(300 + (column * 40), 310 + (column * 40), text);

    private static PdfLine Line(double top, params PdfCell[] cells) => new(1, top, top + 10, 10, cells);

    private static PdfLine Whole(double top, string label, int from) =>
        Line(top, [new PdfCell(40, 200, label), .. Enumerable.Range(0, 7).Select(k => Figure(k, (from + k).ToString(System.Globalization.CultureInfo.InvariantCulture)))]);

    /// <summary>A row printed whole, then "2．其他法律行政法规禁 8" over "止公开 9 … 14", the second line's top at <paramref name="secondTop"/> (the first's bottom is 30).</summary>
    private static PdfLine[] Prohibited(double secondTop) =>
    [
        Whole(0, "1．属于国家秘密", 1),
        Line(20, new PdfCell(40, 200, "2．其他法律行政法规禁"), Figure(0, "8")),
        Line(secondTop, new PdfCell(40, 80, "止公开"), Figure(1, "9"), Figure(2, "10"), Figure(3, "11"), Figure(4, "12"), Figure(5, "13"), Figure(6, "14")),
    ];

    private static string Texts(PdfLine line) => string.Join("|", line.Cells.Select(c => c.Text));

    [Fact]
    public void TheFirstFigureBesideTheFirstLine_TheRestBesideTheSecond_AreOneRow_InTheColumnsOfARowPrintedWhole()
    {
        var lines = FiguresBesideTwoLines.Join(Prohibited(secondTop: 31));

        Assert.Equal(2, lines.Count);
        Assert.Equal("2．其他法律行政法规禁止公开|8|9|10|11|12|13|14", Texts(lines[1]));
    }

    [Fact]
    public void FiguresOnBothLines_InAnyColumns_GoInColumnOrder()
    {
        // 总计 and 自然人 set at the top of their cells, the rest at the bottom.
        var lines = FiguresBesideTwoLines.Join([
            Whole(0, "1．属于国家秘密", 1),
            Line(20, new PdfCell(40, 200, "4．保护第三方"), Figure(0, "8"), Figure(6, "14")),
            Line(31, new PdfCell(40, 100, "合法权益"), Figure(1, "9"), Figure(2, "10"), Figure(3, "11"), Figure(4, "12"), Figure(5, "13")),
        ]);

        Assert.Equal("4．保护第三方合法权益|8|9|10|11|12|13|14", Texts(lines[1]));
    }

    [Fact]
    public void TwoRowsWhoseFiguresShareAColumn_StayTwoRows()
    {
        // 行政许可 4 over 行政处罚 1: both figures in the one column of 本年处理决定数量.
        var lines = FiguresBesideTwoLines.Join([
            Line(0, new PdfCell(40, 100, "行政许可"), Figure(0, "4")),
            Line(11, new PdfCell(40, 100, "行政处罚"), Figure(0, "1")),
        ]);

        Assert.Equal(["行政许可|4", "行政处罚|1"], lines.Select(Texts));
    }

    [Fact]
    public void ASecondLineThatStartsALabel_IsARowOfItsOwn()
    {
        var lines = FiguresBesideTwoLines.Join([
            Whole(0, "1．属于国家秘密", 1),
            Line(20, new PdfCell(40, 200, "（四）无法提供"), Figure(0, "8")),
            Line(31, new PdfCell(40, 200, "1．本机关不掌握相关政府信息"), Figure(1, "9"), Figure(2, "10"), Figure(3, "11"), Figure(4, "12"), Figure(5, "13"), Figure(6, "14")),
        ]);

        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public void WithoutARowPrintedWhole_FiguresApartAreOneRow_AndTheLabelsLastLineBelowStaysForItsRow()
    {
        // A5: every row wraps; the six figures sink to a line of their own, the label's end below them.
        var lines = FiguresBesideTwoLines.Join([
            Line(0, new PdfCell(40, 120, "3．危及“三"), Figure(0, "53")),
            Line(11, Figure(1, "54"), Figure(2, "55"), Figure(3, "56"), Figure(4, "57"), Figure(5, "58"), Figure(6, "59")),
            Line(20, new PdfCell(40, 120, "安全一稳定”")),
        ]);

        Assert.Equal(["3．危及“三|53|54|55|56|57|58|59", "安全一稳定”"], lines.Select(Texts));
    }

    [Fact]
    public void LinesFartherApartThanTheOption_AreNotJoined()
    {
        var printed = Prohibited(secondTop: 36);

        Assert.Equal(2, FiguresBesideTwoLines.Join(printed).Count);
        Assert.Equal(3, FiguresBesideTwoLines.Join(printed, new FiguresBesideTwoLines.Options(MostGap: 0.5)).Count);
    }
}
