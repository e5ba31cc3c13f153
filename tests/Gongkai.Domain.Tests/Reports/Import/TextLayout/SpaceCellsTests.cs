using Gongkai.Domain.Reports.Import.TextLayout;

namespace Gongkai.Domain.Tests.Reports.Import.TextLayout;

public sealed class SpaceCellsTests
{
    [Fact]
    public void NarrowColumnsOneSpaceApart_AreCellsOfTheirOwn() =>
        Assert.Equal(["1．属于国家秘密", "0", "0", "0", "0"], SpaceCells.Split("  1．属于国家秘密    0 0    0 0"));

    [Fact]
    public void ARowsNumberedLabel_AfterItsGroupsPiece_IsACellOfItsOwn() =>
        Assert.Equal(["（三）不予", "1．属于国家秘密", "3"], SpaceCells.Split("（三）不予 1．属于国家秘密   3"));

    [Fact]
    public void AUnitOneSpaceFromALongLabel_IsItsOwnCell() =>
        Assert.Equal(["依申请公开信息数（不同方", "次", "12"], SpaceCells.Split("依申请公开信息数（不同方 次 12"));

    [Fact]
    public void WordsOneSpaceApart_StayOneLabel() =>
        Assert.Equal(["其他 对外 管理服务事项", "5"], SpaceCells.Split("其他 对外 管理服务事项    5"));
}
