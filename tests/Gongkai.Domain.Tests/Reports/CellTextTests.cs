using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

public sealed class CellTextTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("　", null)]
    [InlineData("0", "0")]
    [InlineData(" 12 ", "12")]
    [InlineData("１２", "12")]
    [InlineData("1,234", "1234")]
    [InlineData("5件", "5")]
    [InlineData("756　", "756")]
    public void ACount_IsReadWithWidthsSeparatorsAndUnits_AndBlankStaysBlank(string text, string? expected)
    {
        var (value, problem) = CellText.Parse(text, ValueKind.Count);
        Assert.Null(problem);
        Assert.Equal(expected, value?.Display());
    }

    [Theory]
    [InlineData("251000元", 251000, "元")]
    [InlineData("12.5万元", 12.5, "万元")]
    [InlineData("300", 300, null)]
    public void AnAmount_KeepsTheUnitPrintedInTheCell(string text, double number, string? unit)
    {
        var (value, _) = CellText.Parse(text, ValueKind.Amount);
        Assert.Equal(((decimal)number, unit), (value!.Number!.Value, value.Unit));
    }

    [Theory]
    [InlineData("-3", -3)]
    [InlineData("－3", -3)]
    [InlineData("+2", 2)]
    public void ASignedCount_KeepsItsSign(string text, int number)
    {
        Assert.Equal(number, CellText.Parse(text, ValueKind.SignedCount).Value!.Number);
    }

    [Theory]
    [InlineData("三件")]
    [InlineData("abc")]
    [InlineData("1.5万元")]
    [InlineData("12 34")]
    public void Text_ThatIsNotANumber_IsAProblemQuotingIt(string text)
    {
        var (value, problem) = CellText.Parse(text, ValueKind.Count);
        Assert.Null(value);
        Assert.Equal($"“{text}”不是数字", problem);
    }

    [Fact]
    public void TheUnitColumn_IsText()
    {
        Assert.Equal("人次", CellText.Parse(" 人次 ", ValueKind.UnitText).Value!.Text);
    }

    [Fact]
    public void ANumberTooLargeToHold_IsAProblem_NotAnError()
    {
        var (value, problem) = CellText.Parse(new string('9', 40), ValueKind.Count);
        Assert.Null(value);
        Assert.Equal($"“{new string('9', 40)}”数字过大", problem);
    }
}
