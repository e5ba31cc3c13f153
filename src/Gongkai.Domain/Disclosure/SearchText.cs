using System.Globalization;
using System.Text;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// A search as the index understands it: phrases of overlapping character pairs, all of which must
/// occur, and the terms' <see cref="SearchText.DigitTriples"/>, which narrow the candidates.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Terms, IReadOnlyList<IReadOnlyList<string>> Phrases, IReadOnlyList<string> Triples);

/// <summary>
/// Chinese full-text search without a word segmenter: text is indexed as overlapping pairs of
/// characters (低保资金 → 低保 保资 资金), and a query becomes the phrase of its own pairs, which
/// the index finds only where they stand next to each other, in order. So a query of two or more
/// characters finds exactly the texts that contain it (after width and case folding), and nothing
/// else: a segmenter's dictionary would miss names and new terms. Letters and digits form runs;
/// punctuation and spaces end a run, and a one-character barrier token between runs keeps a
/// phrase from matching across them (the index never holds a pair that spans punctuation).
/// </summary>
public static class SearchText
{
    /// <summary>Put between runs; a query never contains a one-character token, so nothing matches across it.</summary>
    public const string Barrier = "0";

    /// <summary>Width- and case-folded text (ＡＢＣ１２３ → abc123), as it is indexed and searched.</summary>
    public static string Fold(string text) => Text.Nfkc.Normalize(text).ToLowerInvariant();

    /// <summary>The runs of letters and digits of folded text.</summary>
    public static IEnumerable<string> Runs(string text)
    {
        var run = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                run.Append(c);
            }
            else if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }
        }
        if (run.Length > 0)
        {
            yield return run.ToString();
        }
    }

    /// <summary>The pairs of a run; a run of one character is kept as it is (it can never match a query).</summary>
    public static IReadOnlyList<string> Pairs(string run) =>
        run.Length < 2 ? [run] : Enumerable.Range(0, run.Length - 1).Select(i => run.Substring(i, 2)).ToList();

    /// <summary>Begins a digit triple's term: never inside a run (runs are letters and digits), so a triple is never a pair or a facet.</summary>
    public const char TripleMark = '~';

    /// <summary>
    /// The triples of a run that hold a digit, as terms (关于2016 → ~关于2 ~于20 ~201 ~016). Dates and
    /// figures are written with ten characters, so their pairs (20, 01, 16) are in nearly every
    /// item: the pairs of 关于2016 intersect to every item with a date and a 16 somewhere, hundreds
    /// of thousands at a million items, each then refuted on its text (over a second). Triples
    /// with a digit are few in any text (at a million items: a third more list rows, 0.8 % more
    /// bytes; docs/benchmarks.md) and make such a phrase's candidates nearly its hits. Triples of
    /// letters alone are not kept: Chinese pairs are selective already, and all triples would
    /// double the index.
    /// </summary>
    public static IEnumerable<string> DigitTriples(string run)
    {
        for (var i = 0; i + 3 <= run.Length; i++)
        {
            if (char.IsAsciiDigit(run[i]) || char.IsAsciiDigit(run[i + 1]) || char.IsAsciiDigit(run[i + 2]))
            {
                yield return TripleMark + run.Substring(i, 3);
            }
        }
    }

    /// <summary>The tokens to index for a text, in order, runs separated by <see cref="Barrier"/>.</summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        foreach (var run in Runs(text ?? ""))
        {
            if (tokens.Count > 0)
            {
                tokens.Add(Barrier);
            }
            tokens.AddRange(Pairs(run));
        }
        return tokens;
    }

    /// <summary>
    /// A user's query as phrases of pairs, or the reason it cannot be searched. Runs of one
    /// character are ignored when a longer run is present (征地 补 → 征地).
    /// </summary>
    public static (SearchQuery? Query, string? Problem) Parse(string? text)
    {
        var runs = Runs(text ?? "").ToList();
        if (runs.Count == 0)
        {
            return (null, "请输入要查找的内容。");
        }
        var terms = runs.Where(r => r.Length >= 2).Distinct().Take(8).ToList();
        if (terms.Count == 0)
        {
            return (null, "请至少输入两个字（例如：低保、征地补偿、2017年）。");
        }
        if (terms.Any(t => t.Length > 64))
        {
            return (null, "查找内容过长，请不要超过 64 个字。");
        }
        return (new SearchQuery(terms, terms.Select(t => (IReadOnlyList<string>)Pairs(t)).ToList(), terms.SelectMany(DigitTriples).Distinct().ToList()), null);
    }

    /// <summary>Whether folded <paramref name="text"/> contains every term: the truth the index must agree with.</summary>
    public static bool Matches(string text, SearchQuery query)
    {
        var runs = Runs(text).ToList();
        return query.Terms.All(t => runs.Any(r => r.Contains(t, StringComparison.Ordinal)));
    }
}
