using Gongkai.Domain.Disclosure;

namespace Gongkai.Domain.Reports.Supervision;

/// <summary>A narrative compared with another: how much of it is found there, and which sentences.</summary>
public sealed record NarrativeOverlap(string Source, double Share, IReadOnlyList<string> CopiedSentences);

/// <summary>
/// Evaluators find annual reports that are ~90% the previous year's text with the year changed.
/// A sentence counts as copied when at least 80% of its runs of 8 characters occur in the other
/// text (after width/case folding, ignoring punctuation, so changed numbers and a new year do not
/// hide a copy); the share is the copied sentences' length over the whole narrative's.
/// </summary>
public static class CopiedNarrative
{
    public const double FlagShare = 0.6;
    private const int Gram = 8;

    public static NarrativeOverlap Compare(string narrative, string source, string other)
    {
        var grams = Grams(string.Concat(SearchText.Runs(other)));
        var sentences = Sentences(narrative);
        var total = sentences.Sum(s => s.Folded.Length);
        if (total == 0)
        {
            return new NarrativeOverlap(source, 0, []);
        }
        var copied = sentences.Where(s => s.Folded.Length >= Gram && Coverage(s.Folded, grams) >= 0.8).ToList();
        return new NarrativeOverlap(source, copied.Sum(s => s.Folded.Length) / (double)total, copied.Select(s => s.Text).ToList());
    }

    /// <summary>The texts this narrative largely repeats (share ≥ <see cref="FlagShare"/>), most copied first.</summary>
    public static IReadOnlyList<NarrativeOverlap> Flag(string narrative, IEnumerable<(string Source, string Text)> others) =>
        others.Select(o => Compare(narrative, o.Source, o.Text)).Where(o => o.Share >= FlagShare).OrderByDescending(o => o.Share).ToList();

    private static List<(string Text, string Folded)> Sentences(string text) =>
        text.Split(['。', '！', '？', '；', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => (s, string.Concat(SearchText.Runs(s).Select(r => new string(r.Where(c => !char.IsDigit(c)).ToArray())))))
            .Where(s => s.Item2.Length > 0).ToList();

    private static HashSet<string> Grams(string folded)
    {
        var digitless = new string(folded.Where(c => !char.IsDigit(c)).ToArray());
        var set = new HashSet<string>();
        for (var i = 0; i + Gram <= digitless.Length; i++)
        {
            set.Add(digitless.Substring(i, Gram));
        }
        return set;
    }

    private static double Coverage(string folded, HashSet<string> grams)
    {
        var count = folded.Length - Gram + 1;
        var found = 0;
        for (var i = 0; i < count; i++)
        {
            found += grams.Contains(folded.Substring(i, Gram)) ? 1 : 0;
        }
        return found / (double)count;
    }
}
