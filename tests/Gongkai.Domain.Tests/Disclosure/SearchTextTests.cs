using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Tests.Disclosure;

/// <summary>Text as pairs of characters: any substring of two or more characters is a phrase of the text's own pairs.</summary>
public sealed class SearchTextTests
{
    [Fact]
    public void AText_IsIndexedAsOverlappingPairs_WithABarrierAtPunctuation()
    {
        Assert.Equal(["低保", "保资", "资金", SearchText.Barrier, "20", "01", "17", "7年"], SearchText.Tokens("低保资金，2017年"));
        Assert.Equal(["abc", "123"], SearchText.Runs("ＡＢＣ １２３"));
    }

    [Fact]
    public void DigitTriples_AreTheTriplesOfARunThatHoldADigit_AndAQueryAsksForThem()
    {
        Assert.Equal(["~关于2", "~于20", "~201", "~016", "~16年", "~6年度"], SearchText.DigitTriples("关于2016年度"));
        Assert.Empty(SearchText.DigitTriples("政府信息公开"));
        Assert.Empty(SearchText.DigitTriples("16"));
        Assert.Equal(["~关于2", "~于20", "~201", "~016"], SearchText.Parse("关于2016 低保")!.Query!.Triples);
    }

    [Theory]
    [InlineData("低保", true, "低保")]
    [InlineData("征地补偿 2017年", true, "征地补偿|2017年")]
    [InlineData("补", false, null)]
    [InlineData("  ，。", false, null)]
    [InlineData("征地 补", true, "征地")]
    public void AQuery_NeedsTwoCharacters(string text, bool ok, string? terms)
    {
        var (query, problem) = SearchText.Parse(text);
        Assert.Equal(ok, query is not null);
        Assert.Equal(ok, problem is null);
        Assert.Equal(terms, query is null ? null : string.Join("|", query.Terms));
    }

    /// <summary>
    /// The index's answer (the query's pairs standing consecutively between barriers) equals
    /// substring containment, over random texts and random queries from a small alphabet.
    /// </summary>
    [Fact]
    public void ThePhraseOfPairs_MatchesExactlyTheTextsContainingTheQuery()
    {
        const string alphabet = "低保征地补偿年12，。 ";
        var random = new Random(11);
        for (var i = 0; i < 3000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var queryText = new string(Enumerable.Range(0, random.Next(2, 5)).Select(_ => alphabet[random.Next(9)]).ToArray());
            var (query, _) = SearchText.Parse(queryText);
            var tokens = SearchText.Tokens(text);
            var byIndex = query!.Phrases.All(phrase => Enumerable.Range(0, Math.Max(0, tokens.Count - phrase.Count + 1)).Any(start => phrase.Select((p, k) => tokens[start + k] == p).All(b => b)));
            Assert.True(SearchText.Matches(text, query) == byIndex, $"text “{text}”, query “{queryText}”");
            Assert.Equal(text.Contains(queryText), SearchText.Matches(text, query));
        }
    }
}
