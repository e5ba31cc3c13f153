using System.Text;

namespace Gongkai.Domain.Reports;

/// <summary>
/// Compares printed labels with the official ones tolerantly (domain-spec §2.E): full- and
/// half-width forms, number separators, punctuation, whitespace and indentation do not matter,
/// and a label cut off at the end of a table cell still matches.
/// </summary>
public static class LabelText
{
    /// <summary>Wording that real reports use for the same row (seed 001 prints 本单位 where the template has 本机关).</summary>
    private static readonly (string Variant, string Canonical)[] Synonyms = [("本单位", "本机关")];

    /// <summary>The shortest cut-off label still taken as the official one.</summary>
    public const int MinimumPrefix = 8;

    public static string Normalize(string label)
    {
        var sb = new StringBuilder(label.Length);
        foreach (var ch in Text.Nfkc.Normalize(label))
        {
            var c = ch switch
            {
                '（' => '(',
                '）' => ')',
                '．' or '、' or '。' => '.',
                '，' => ',',
                '：' => ':',
                '；' => ';',
                '“' or '”' or '„' or '«' or '»' => '"',
                '‘' or '’' => '\'',
                '—' or '–' or '－' => '-',
                _ => ch,
            };
            if (!char.IsWhiteSpace(c) && c != '\u200b' && c != '\ufeff')
            {
                sb.Append(c);
            }
        }
        var text = sb.ToString();
        foreach (var (variant, canonical) in Synonyms)
        {
            text = text.Replace(variant, canonical, StringComparison.Ordinal);
        }
        return text;
    }

    // The official labels are few and compared often; printed text is not cached (it is unbounded).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Official = new();

    /// <summary>Whether a printed label is the official one: equal once normalised, or a long enough cut-off start of it.</summary>
    public static bool Matches(string printed, string canonical) => MatchesNormalized(Normalize(printed), canonical);

    /// <summary>As <see cref="Matches"/>, for a printed label already normalised (when one label is compared with many).</summary>
    public static bool MatchesNormalized(string p, string canonical)
    {
        var c = Official.GetOrAdd(canonical, Normalize);
        if (p == c)
        {
            return true;
        }
        return p.Length >= MinimumPrefix && c.StartsWith(p, StringComparison.Ordinal);
    }
}
