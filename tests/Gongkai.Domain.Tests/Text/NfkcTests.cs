using System.Text;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Tests.Text;

/// <summary>The fast path of NFKC gives what ICU gives, character by character and on whole texts.</summary>
public sealed class NfkcTests
{
    private static string Icu(string text) => text.Normalize(NormalizationForm.FormKC);

    [Fact]
    public void EveryCharacter_NormalisesAsIcuDoes()
    {
        var wrong = Enumerable.Range(0, 0x10000).Select(i => ((char)i).ToString())
            .Where(c => !char.IsSurrogate(c[0]) && c != "\uFFFE" && Nfkc.Normalize(c) != Icu(c)).ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void WhatIcuRefuses_BecomesAReplacementCharacter_NotAnException()
    {
        // In code, not in attributes: a lone surrogate does not survive being written into one.
        Assert.Equal("合计\uFFFD 3", Nfkc.Normalize("合计\uFFFE 3"));
        Assert.Equal("\uFFFD合计", Nfkc.Normalize("\uD800合计"));
        Assert.Equal("合计\uFFFD", Nfkc.Normalize("合计\uDC00"));
        Assert.Equal("\uD83D\uDE00(1)\uFFFD", Nfkc.Normalize("\uD83D\uDE00（１）\uFFFE"));
    }

    [Theory]
    [InlineData("（一）本年新收政府信息公开申请数量：１２件，办结率１００％。")]
    [InlineData("三、收到和处理政府信息公开申请情况\u3000\u3000单位：件")]
    [InlineData("《中华人民共和国政府信息公开条例》（国务院令第711号）")]
    [InlineData("2019年度 ABC abc 123 —— “引号” ‘单’ ·")]
    [InlineData("")]
    public void ReportText_NormalisesAsIcuDoes(string text) => Assert.Equal(Icu(text), Nfkc.Normalize(text));

    [Theory]
    [InlineData("⽯桥镇")] // a Kangxi radical (Noto CJK's glyph for 石)
    [InlineData("合计……")] // an ellipsis: three dots
    [InlineData("①项")]
    [InlineData("ｶﾀｶﾅ （半角）")]
    [InlineData("温度 ℃")]
    [InlineData("e\u0301 （ＡＢ）")] // combining: ICU composes é
    [InlineData("豈 更")] // compatibility ideographs
    public void TextBeyondTheFastPath_GoesToIcu(string text) => Assert.Equal(Icu(text), Nfkc.Normalize(text));

    [Fact]
    public void TextThatNeedsNoChange_IsTheSameString()
    {
        var text = "白沙镇人民政府2019年政府信息公开工作年度报告";
        Assert.Same(text, Nfkc.Normalize(text));
    }
}
