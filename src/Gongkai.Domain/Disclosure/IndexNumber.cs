using System.Text.RegularExpressions;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// 索引号: each agency numbers its information items by a pattern of its own, e.g. the common
/// "{机构代码}/{年}-{序号5}" → 11330102002563567Q/2026-00012. Placeholders: {机构代码}, {年},
/// {序号N} (the item's sequence in the agency's year, padded to N digits). Uniqueness comes from
/// the sequence, so a pattern must contain the year and the sequence.
/// </summary>
public static partial class IndexNumber
{
    public const string DefaultPattern = "{机构代码}/{年}-{序号5}";

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^序号([1-9])$")]
    private static partial Regex Sequence();

    /// <summary>What is wrong with a pattern, in Chinese, or null when it can be used.</summary>
    public static string? Problem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "请填写索引号规则。";
        }
        var names = Placeholder().Matches(pattern).Select(m => m.Groups[1].Value).ToList();
        var unknown = names.Where(n => n is not ("机构代码" or "年") && !Sequence().IsMatch(n)).ToList();
        if (unknown.Count > 0)
        {
            return $"索引号规则中有未知的占位符：{string.Join("、", unknown.Select(n => "{" + n + "}"))}。可用：{{机构代码}}、{{年}}、{{序号N}}（N 为位数 1–9）。";
        }
        if (!names.Contains("年") || names.Count(n => Sequence().IsMatch(n)) != 1)
        {
            return "索引号规则须包含一个 {年} 和一个 {序号N}，否则索引号可能重复。";
        }
        return null;
    }

    /// <summary>The index number of the <paramref name="sequence"/>-th item of the agency's <paramref name="year"/>.</summary>
    public static string Format(string pattern, string agencyCode, int year, int sequence)
    {
        if (Problem(pattern) is { } problem)
        {
            throw new ArgumentException(problem, nameof(pattern));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return Placeholder().Replace(pattern, m => m.Groups[1].Value switch
        {
            "机构代码" => agencyCode,
            "年" => year.ToString("D4"),
            var s => sequence.ToString("D" + s[2..]),
        });
    }
}
