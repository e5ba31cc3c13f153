using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Domain.Tests.Reports.Import;

/// <summary>How printed figures that ran together can be a row's cells.</summary>
public sealed class DigitSplitTests
{
    private static IReadOnlyList<string> Splits(string printed, params ValueKind[] kinds) =>
        DigitSplit.Candidates(printed.Split(' ', StringSplitOptions.RemoveEmptyEntries), kinds)!
            .Select(c => string.Join("|", c)).Order(StringComparer.Ordinal).ToList();

    private static ValueKind[] Counts(int n) => Enumerable.Repeat(ValueKind.Count, n).ToArray();

    [Fact]
    public void AsManyDigitsAsCells_SplitOneWay() => Assert.Equal(["3|0|3"], Splits("303", Counts(3)));

    [Fact]
    public void Spaces_AlwaysSeparateCells() => Assert.Equal(["0|0|0|0|0|0|0"], Splits("0 0 0 0 0 00", Counts(7)));

    [Fact]
    public void ANumber_NeverStartsWithZero() => Assert.Equal(["1|0|0|0|0|0|1"], Splits("1 0 0 0 0 01", Counts(7)));

    [Fact]
    public void MoreDigitsThanCells_MaySplitSeveralWays() => Assert.Equal(["11|7|3", "1|17|3", "1|1|73"], Splits("1173", Counts(3)));

    [Fact]
    public void FewerDigitsThanCells_GiveNoWay() => Assert.Empty(Splits("000000", Counts(7)));

    [Fact]
    public void Decimals_OnlyWhereTheCellTakesThem()
    {
        Assert.Empty(Splits("0.5", ValueKind.Count));
        Assert.Equal(["0.5"], Splits("0.5", ValueKind.WanYuan));
        Assert.Equal(["19169|0.9913", "1916|90.9913", "191|690.9913", "19|1690.9913", "1|91690.9913"], Splits("191690.9913", ValueKind.Count, ValueKind.Amount));
    }

    [Fact]
    public void ASign_OnlyWhereTheCellMayBeNegative()
    {
        Assert.Empty(Splits("-3", ValueKind.Count));
        Assert.Equal(["-3"], Splits("-3", ValueKind.SignedCount));
    }

    [Fact]
    public void TooManyWays_AreNotEnumerated() =>
        Assert.Null(DigitSplit.Candidates(["123456789123456789123456789"], Counts(15)));

    [Fact]
    public void ARunTooLongForAnyNumber_IsNoCellsValue() => Assert.Empty(Splits("3 " + new string('9', 40), Counts(2)));

    [Fact]
    public void ANumber_HasAtMostFifteenDigits()
    {
        Assert.Equal(["123456789012345"], Splits("123456789012345", Counts(1)));
        Assert.Empty(Splits("1234567890123456", Counts(1)));
    }

    /// <summary>Found by the fuzzer: a row label followed by a thousand digits took minutes, every cut of the run being tried.</summary>
    [Theory]
    [InlineData(1000)]
    [InlineData(196)]
    public void ARunLongerThanTheCellsCanHold_GivesNoWay(int digits) =>
        Assert.Empty(DigitSplit.Candidates([new string('9', digits)], Counts(13))!);
}
