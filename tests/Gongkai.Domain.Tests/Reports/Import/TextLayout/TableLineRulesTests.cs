using Gongkai.Domain.Reports.Import.TextLayout;

namespace Gongkai.Domain.Tests.Reports.Import.TextLayout;

public sealed class LabelBrokenBeforeTabsTests
{
    [Fact]
    public void ALabelOnALineOfItsOwn_ThenItsFiguresAfterATab_AreOneRow() =>
        Assert.Equal(["1.属于国家秘密 | 0 | 0", "2.其他法律行政法规禁止公开 | 1 | 2"],
            TextLayoutAssert.Blocks("1.属于国家秘密\t0\t0", "2.其他法律行政法规禁止公开", "\t1\t2"));

    [Fact]
    public void Takes_OnlyAStartShorterThanLongestStart_FollowedByATabbedLine()
    {
        var lines = new TextLines("1.属于国家秘密\t0\t0\n2.其他法律行政法规禁止公开\n\t1\t2");

        Assert.True(new LabelBrokenBeforeTabs(new()).Takes(lines, 1, LineKind.TabRow));
        Assert.False(new LabelBrokenBeforeTabs(new(LongestStart: 5)).Takes(lines, 1, LineKind.TabRow));
        Assert.False(new LabelBrokenBeforeTabs(new()).Takes(lines, 1, LineKind.SpaceRow));
    }
}

public sealed class TitleInsideTableTests
{
    [Fact]
    public void ABlockTitleBetweenRows_IsARowOfTheTable() =>
        Assert.Equal(["规章 | 1 | 2 | 3", "第二十条第（五）项", "行政处罚 | 4"],
            TextLayoutAssert.Blocks("规章        1   2   3", "第二十条第（五）项", "行政处罚    4"));

    [Fact]
    public void APartsHeadingBetweenTables_EndsTheTable() =>
        Assert.Equal(["规章 | 1 | 2 | 3", "¶四、政府信息公开行政复议、行政诉讼情况", "¶说明", "¶本年度无复议诉讼。", "复议 | 0 | 0"],
            TextLayoutAssert.Blocks("规章        1   2   3", "四、政府信息公开行政复议、行政诉讼情况", "说明", "本年度无复议诉讼。", "复议        0   0"));

    [Fact]
    public void MoreShortLinesThanMostShort_EndTheTable()
    {
        var lines = new TextLines("规章        1   2   3\n甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄\n甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄\n行政处罚    4   5");

        Assert.True(new TitleInsideTable(new()).Takes(lines, 1, LineKind.SpaceRow));
        Assert.False(new TitleInsideTable(new(MostShort: 1)).Takes(lines, 1, LineKind.SpaceRow));
    }
}

public sealed class LabelEndBelowRowTests
{
    [Fact]
    public void AnIndentedNarrowLineUnderARow_IsItsLabelsEnd() =>
        Assert.Equal(["4．保护第三方合法 | 0 | 0 | 0", "权益"],
            TextLayoutAssert.Blocks("  4．保护第三方合法      0 0 0", "  权益"));

    [Fact]
    public void ANumberedLineUnderARow_StartsALabel_NotItsEnd()
    {
        var lines = new TextLines("  4．保护第三方合法      0 0 0\n  5．其他");

        Assert.False(new LabelEndBelowRow(new()).Takes(lines, 1, LineKind.SpaceRow));
        Assert.True(new LabelEndBelowRow(new()).Takes(new TextLines("  4．保护第三方合法      0 0 0\n  权益"), 1, LineKind.SpaceRow));
        Assert.False(new LabelEndBelowRow(new(LongestEnd: 1)).Takes(new TextLines("  4．保护第三方合法      0 0 0\n  权益"), 1, LineKind.SpaceRow));
    }
}
