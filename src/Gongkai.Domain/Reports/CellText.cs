using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Reports;

/// <summary>
/// Reads what was typed or printed in a cell: blank stays blank, numbers may have full-width
/// digits, thousands separators or a unit after them ("251000元", "１２", "1,234").
/// </summary>
public static partial class CellText
{
    [GeneratedRegex(@"^(?<sign>[-+−－]?)\s*(?<number>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?<unit>[^\d\s]{0,4})$")]
    private static partial Regex Number();

    private static readonly HashSet<string> UnitSet = ["条", "件", "项", "次", "个", "人", "人次", "篇", "期", "份", "万元", "元"];
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitLookup = UnitSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The units tables print beside their figures or in a column of their own (the 统计表's 单位).</summary>
    public static IReadOnlySet<string> Units => UnitSet;

    /// <summary>
    /// Whether a printed cell is a figure — a number (sign, digits with thousands commas, decimals),
    /// one of <see cref="Units"/> after it or not — as layout readers tell figures from labels.
    /// </summary>
    public static bool IsFigure(string text)
    {
        var s = text.AsSpan();
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            s = s[1..];
        }
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]))
        {
            return false;
        }
        var i = 1;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == ','))
        {
            i++;
        }
        if (i < s.Length && s[i] == '.')
        {
            var decimals = i + 1;
            while (decimals < s.Length && char.IsAsciiDigit(s[decimals]))
            {
                decimals++;
            }
            if (decimals == i + 1)
            {
                return false;
            }
            i = decimals;
        }
        var unit = s[i..].TrimStart();
        return unit.Length == 0 || UnitLookup.Contains(unit);
    }

    /// <summary>The value, or a problem in Chinese; (null, null) for blank.</summary>
    public static (CellValue? Value, string? Problem) Parse(string? text, ValueKind kind)
    {
        var trimmed = Text.Nfkc.Normalize(text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return (null, null);
        }
        if (kind == ValueKind.UnitText)
        {
            return (CellValue.OfText(trimmed), null);
        }
        if (trimmed.Length <= 18 && trimmed.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            // Most cells are bare digits: the pattern below gives the same value, slower.
            return (CellValue.Of(long.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture)), null);
        }
        var match = Number().Match(trimmed);
        if (!match.Success)
        {
            return (null, $"“{trimmed}”不是数字");
        }
        if (!decimal.TryParse(match.Groups["number"].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return (null, $"“{(trimmed.Length > 40 ? trimmed[..40] + "…" : trimmed)}”数字过大");
        }
        if (match.Groups["sign"].Value is "-" or "−" or "－")
        {
            number = -number;
        }
        var unit = match.Groups["unit"].Value;
        return kind switch
        {
            ValueKind.Amount => (CellValue.Of(number, unit.Length > 0 ? unit : null), null),
            ValueKind.WanYuan when unit is "" or "万元" => (CellValue.Of(number), null),
            _ when unit.Length == 0 || unit is "件" or "条" or "次" or "个" or "人" or "人次" or "篇" or "期" or "份" => (CellValue.Of(number), null),
            _ => (null, $"“{trimmed}”不是数字"),
        };
    }
}
