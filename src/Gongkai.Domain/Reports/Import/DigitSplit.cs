using System.Globalization;

namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// The ways a run of printed figures can be the values of a row's cells when the cells ran
/// together in the source ("0 0 0 0 0 00", "303", "191690.9913"): spaces always separate cells,
/// and within a group of digits every cut gives a whole number that does not start with 0 (a
/// lone 0 aside), or a decimal where the cell takes one. Each way is one candidate row; the
/// caller keeps a row only when exactly one candidate survives the rules it knows.
/// </summary>
public static class DigitSplit
{
    /// <summary>Beyond this many candidates a row is not worth deciding: it stays blank.</summary>
    public const int MaxCandidates = 2048;

    /// <summary>
    /// The most digits a cell's whole part has: no figure of an annual report reaches a thousand
    /// trillion. Without this bound a damaged run of a thousand digits has astronomically many cuts.
    /// </summary>
    public const int MaxDigits = 15;

    /// <summary>Beyond this many steps of the search a row is not worth deciding either (a damaged file); it stays blank.</summary>
    public const int MaxSteps = 200_000;

    /// <summary>
    /// Every way <paramref name="groups"/> (the whitespace-separated groups of a run, in order) make
    /// exactly <paramref name="kinds"/>.Count values, the i-th read as <paramref name="kinds"/>[i];
    /// null when there are more than <see cref="MaxCandidates"/> or finding them takes more than
    /// <see cref="MaxSteps"/>.
    /// </summary>
    public static IReadOnlyList<decimal[]>? Candidates(IReadOnlyList<string> groups, IReadOnlyList<ValueKind> kinds)
    {
        if (groups.Count == kinds.Count)
        {
            // As many groups as cells (the figures were spaced): each group is one cell's value whole, or there is no way.
            var only = new decimal[kinds.Count];
            for (var g = 0; g < groups.Count; g++)
            {
                if (!Lengths(groups[g], 0, kinds[g]).Contains(groups[g].Length)
                    || !decimal.TryParse(groups[g], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out only[g]))
                {
                    return [];
                }
            }
            return [only];
        }
        var results = new List<decimal[]>();
        var current = new decimal[kinds.Count];
        // Characters from group g on, to stop a path whose cells left cannot hold what is left.
        var after = new int[groups.Count + 1];
        for (var g = groups.Count - 1; g >= 0; g--)
        {
            after[g] = after[g + 1] + groups[g].Length;
        }
        // The most characters cells c, c+1, … can hold together.
        var room = new int[kinds.Count + 1];
        for (var c = kinds.Count - 1; c >= 0; c--)
        {
            room[c] = room[c + 1] + MaxLength(kinds[c]);
        }
        var steps = 0;
        return Walk(0, 0, 0) ? results : null;

        // Group g from character i, filling cell c; false once there are too many candidates or steps.
        bool Walk(int g, int i, int c)
        {
            if (++steps > MaxSteps)
            {
                return false;
            }
            if (g < groups.Count && after[g] - i > room[c])
            {
                return true;
            }
            if (g == groups.Count)
            {
                if (c == kinds.Count)
                {
                    results.Add((decimal[])current.Clone());
                }
                return results.Count <= MaxCandidates;
            }
            var group = groups[g];
            if (i == group.Length)
            {
                return Walk(g + 1, 0, c);
            }
            if (c == kinds.Count)
            {
                return true;
            }
            foreach (var length in Lengths(group, i, kinds[c]))
            {
                // A run too long for any number (a damaged file) is no cell's value.
                if (!decimal.TryParse(group.AsSpan(i, length), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out current[c]))
                {
                    continue;
                }
                if (!Walk(g, i + length, c + 1))
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>The longest value a cell of <paramref name="kind"/> takes: its digits, a sign, a point and as many decimals.</summary>
    private static int MaxLength(ValueKind kind) => kind switch
    {
        ValueKind.WanYuan or ValueKind.Amount => 2 * MaxDigits + 1,
        ValueKind.SignedCount => MaxDigits + 1,
        _ => MaxDigits,
    };

    /// <summary>The lengths of the values a cell of <paramref name="kind"/> can take at <paramref name="start"/> of a group.</summary>
    private static IEnumerable<int> Lengths(string group, int start, ValueKind kind)
    {
        var i = start;
        if (kind == ValueKind.SignedCount && i < group.Length && group[i] == '-')
        {
            i++;
        }
        if (i >= group.Length || !char.IsAsciiDigit(group[i]))
        {
            yield break;
        }
        var decimals = kind is ValueKind.WanYuan or ValueKind.Amount;
        if (group[i] == '0')
        {
            // A lone 0, or 0.x where decimals are allowed.
            yield return i + 1 - start;
            if (decimals)
            {
                foreach (var length in Fractions(group, i + 1, start))
                {
                    yield return length;
                }
            }
            yield break;
        }
        for (var end = i + 1; end <= group.Length && end - i <= MaxDigits && char.IsAsciiDigit(group[end - 1]); end++)
        {
            yield return end - start;
            if (decimals)
            {
                foreach (var length in Fractions(group, end, start))
                {
                    yield return length;
                }
            }
        }
    }

    /// <summary>A decimal point at <paramref name="at"/> followed by one or more digits: the lengths of each such value.</summary>
    private static IEnumerable<int> Fractions(string group, int at, int start)
    {
        if (at + 1 < group.Length && group[at] == '.' && char.IsAsciiDigit(group[at + 1]))
        {
            for (var end = at + 2; end <= group.Length && end - at - 1 <= MaxDigits && char.IsAsciiDigit(group[end - 1]); end++)
            {
                yield return end - start;
            }
        }
    }
}
