using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// A label as a pattern to find in running text: its number (一、 （二） 3．) optional, stray spaces
/// between any two characters, full- and half-width punctuation alike, a closing parenthetical
/// optional ("（二）部分公开" stands for the whole label) and the wording agencies actually print
/// (规范性文件 for 行政规范性文件). The text it is used on is NFKC-normalised first.
/// </summary>
public sealed partial class LabelPattern
{
    /// <summary>Printed variants of official wording: the optional prefix of a label's body.</summary>
    private static readonly string[] OptionalPrefixes = ["行政"];

    /// <summary>Words of the templates that agencies print otherwise (7．属于行政执法案卷 as 案件).</summary>
    private static readonly (string Official, string Pattern)[] Variants = [("案卷", "案[卷件]")];

    private static readonly ConcurrentDictionary<string, LabelPattern> Cache = new();

    public Regex Regex { get; }

    /// <summary>The arabic number printed before the label (3 for "3．其他"), if it has one.</summary>
    public int? Number { get; }

    private LabelPattern(string label)
    {
        var text = Text.Nfkc.Normalize(label).Trim();
        var prefix = Numbering.Lead().Match(text);
        var body = Compact(text[prefix.Length..]);
        string? number = null;
        if (prefix.Success)
        {
            if (prefix.Groups["arabic"].Success)
            {
                Number = int.Parse(prefix.Groups["arabic"].Value, System.Globalization.CultureInfo.InvariantCulture);
                number = $@"{Number}\s*[.、]";
            }
            else if (prefix.Groups["paren"].Success)
            {
                number = $@"\(\s*{prefix.Groups["paren"].Value}\s*\)";
            }
            else
            {
                number = $@"{prefix.Groups["chinese"].Value}\s*[、.]";
            }
        }
        var pattern = new StringBuilder();
        if (number is not null)
        {
            pattern.Append("(?:").Append(number).Append(@"\s*)?");
        }
        var closing = body.EndsWith(')') ? body.LastIndexOf('(') : -1;
        var main = closing > 0 ? body[..closing] : body;
        foreach (var optional in OptionalPrefixes.Where(o => main.StartsWith(o, StringComparison.Ordinal) && main.Length > o.Length + 1))
        {
            pattern.Append("(?:").Append(Chars(optional)).Append(@"\s*)?");
            main = main[optional.Length..];
        }
        pattern.Append(Chars(main));
        if (closing > 0)
        {
            pattern.Append(@"(?:\s*").Append(Chars(body[closing..])).Append(")?");
        }
        // Compiled: the few hundred official labels are looked for in every report read.
        Regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
    }

    public static LabelPattern For(string label) => Cache.GetOrAdd(label, l => new LabelPattern(l));

    /// <summary>The first place at or after <paramref name="start"/>, and before <paramref name="limit"/>, where the label is printed.</summary>
    public Match? Find(string text, int start, int limit)
    {
        var end = Math.Min(text.Length, limit);
        if (start < 0 || start >= end)
        {
            return null;
        }
        var match = Regex.Match(text, start, end - start);
        return match.Success ? match : null;
    }

    private static string Compact(string s) => new([.. s.Where(c => !char.IsWhiteSpace(c))]);

    /// <summary>The characters of a label with any white space between them, punctuation in either width, known variants allowed.</summary>
    private static string Chars(string s)
    {
        var pattern = string.Join(@"\s*", s.Where(c => !char.IsWhiteSpace(c)).Select(Class));
        foreach (var (official, variant) in Variants)
        {
            pattern = pattern.Replace(string.Join(@"\s*", official.Select(Class)), variant, StringComparison.Ordinal);
        }
        return pattern;
    }

    private static string Class(char c) => c switch
    {
        '.' or '、' or '。' => "[.、。]",
        '"' or '“' or '”' => "[\"“”]",
        '\'' or '‘' or '’' => "['‘’]",
        ',' or '，' => "[,，]",
        ':' or '：' => "[:：]",
        ';' or '；' => "[;；]",
        '-' or '—' or '–' or '－' or '−' => "[-—–－−]",
        '/' or '／' => "[/／]",
        _ => Regex.Escape(c.ToString()),
    };
}
