using Gongkai.Domain.Assessment;

namespace Gongkai.Domain.Tests.Assessment;

public sealed class IndicatorSetTests
{
    [Fact]
    public void TheShippedSet_ParsesAndWeighsOneHundred_EveryMeasureUsed()
    {
        var set = IndicatorSet.For(2025);
        Assert.Equal(100, set.TotalWeight);
        Assert.Equal(Enum.GetValues<Measure>().Order(), set.Indicators.Select(i => i.Measure).Order());
        // Versioned by year: an earlier year is assessed by the oldest set, a later one by the newest starting before it.
        Assert.Same(set, IndicatorSet.For(2019));
        Assert.Same(set, IndicatorSet.For(2030));
        // Written and read back, it is the same set.
        var again = IndicatorSet.Parse(set.ToJson()).Set!;
        Assert.Equal(set.Indicators.Select(i => (i.Code, i.Weight, i.Measure, i.Months)), again.Indicators.Select(i => (i.Code, i.Weight, i.Measure, i.Months)));
        Assert.Equal(set.Indicators.Single(i => i.Measure == Measure.CategoriesCovered).CategoriesFor(Gongkai.Domain.Agencies.AgencyKind.Department),
            again.Indicators.Single(i => i.Measure == Measure.CategoriesCovered).CategoriesFor(Gongkai.Domain.Agencies.AgencyKind.Department));
    }

    [Theory]
    [InlineData("\"measure\": \"citizen-satisfaction\"", "measure（计算方法）“citizen-satisfaction”不能由本平台的记录计算")]
    [InlineData("\"weight\": 0", "weight（分值）")]
    [InlineData("\"weight\": \"十\"", "weight（分值）")]
    [InlineData("\"weight\": 2.555", "weight（分值）")]
    [InlineData("\"code\": \"Replies On Time\"", "code（代码）")]
    [InlineData("\"name\": \"\"", "name（指标名称）")]
    [InlineData("\"months\": 12", "months（月数）只用于 guide-current")]
    public void AnIndicatorTheRecordsCannotCompute_OrMalformed_IsRefusedNamingTheField(string field, string message)
    {
        var parsed = IndicatorSet.Parse($$"""{"schema":"gongkai.assessment/1","name":"本地","fromYear":2025,"indicators":[{{{Fields(field)}}}]}""");
        Assert.Null(parsed.Set);
        Assert.Contains(parsed.Problems, p => p.Contains(message, StringComparison.Ordinal) && p.StartsWith("第 1 个指标", StringComparison.Ordinal));
    }

    /// <summary>A valid indicator's fields with one of them replaced by <paramref name="field"/>.</summary>
    private static string Fields(string field)
    {
        var fields = new Dictionary<string, string> { ["code"] = "\"replies\"", ["name"] = "\"按期答复\"", ["weight"] = "20", ["measure"] = "\"replies-on-time\"", ["basis"] = "\"\"" };
        var name = field[1..field.IndexOf('"', 1)];
        fields[name] = field[(field.IndexOf(':') + 1)..].Trim();
        return string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}"));
    }

    [Fact]
    public void TheWholeSet_IsChecked_BeforeAnyScoreIsComputed()
    {
        Assert.Contains("不是有效的 JSON", IndicatorSet.Parse("{").Problems[0]);
        Assert.Contains("超过 64 KB", IndicatorSet.Parse(new string(' ', IndicatorSet.MaxLength + 1)).Problems[0]);
        var duplicate = IndicatorSet.Parse("""{"schema":"gongkai.assessment/1","name":"本地","fromYear":2025,"indicators":[{"code":"a","name":"甲","weight":5,"measure":"guide-elements"},{"code":"a","name":"乙","weight":5,"measure":"guide-current"}]}""");
        Assert.Contains(duplicate.Problems, p => p.Contains("与前面的指标重复", StringComparison.Ordinal));
        var deep = IndicatorSet.Parse("{\"a\":" + string.Concat(Enumerable.Repeat("[", 20)) + string.Concat(Enumerable.Repeat("]", 20)) + "}");
        Assert.Null(deep.Set);
        var kinds = IndicatorSet.Parse("""{"schema":"gongkai.assessment/1","name":"本地","fromYear":2025,"indicators":[{"code":"a","name":"甲","weight":5,"measure":"categories-covered","categories":{"Ministry":["a20.01"],"Department":["a99.01"]}}]}""");
        Assert.Equal(2, kinds.Problems.Count);
    }
}
