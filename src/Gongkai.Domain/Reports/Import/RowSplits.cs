namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Decides how the printed figures of rows whose cells ran together are the cells' values, by
/// rules a clerk can check, each named on the cells it decides:
/// <list type="number">
/// <item>the digits and spaces allow one split only;</item>
/// <item>the table's own sums (the format's error checks) leave one split of a row, with the rows
/// already decided — or of two rows together, such as a total and one of its parts;</item>
/// <item>the report's text states a figure that only one split gives (<see cref="Statements"/>);</item>
/// <item>a cell has the same figure in every split still possible.</item>
/// </list>
/// Every other cell stays blank with the reason: a guess never goes into a cell.
/// The same rules decide rows a table's layout leaves open (<see cref="Settle"/>), with the
/// figures the table printed certain as the rows already decided.
/// </summary>
internal sealed class RowSplits(ReportFormat format, ReportValues? decided = null)
{
    /// <summary>Pairs of candidates tried together at the most, for two undecided rows bound by one sum.</summary>
    private const int MaxPairs = 100_000;

    public sealed class Row(IReadOnlyList<CellKey> keys, string printed, string location, IReadOnlyList<decimal[]>? candidates)
    {
        public List<CellKey> Keys { get; } = [.. keys];
        public HashSet<CellKey> KeySet { get; } = [.. keys];
        public string Printed { get; } = printed;
        public string Location { get; } = location;
        public IReadOnlyList<decimal[]>? Candidates { get; set; } = candidates;

        /// <summary>Figures the report's text states for this row (e.g. 主动公开政府信息107条), if the caller found any.</summary>
        public IReadOnlySet<decimal> Statements { get; init; } = new HashSet<decimal>();

        /// <summary>Why the row is blank if no rule decides it, when the caller knows better than "several splits" (its layout's reason).</summary>
        public (string Reason, BlankCode Code)? Undecided { get; init; }
    }

    public ReportValues Values { get; } = new();
    public Dictionary<CellKey, CellSource> Sources { get; } = new();
    public List<BlankCell> Blank { get; } = [];

    private readonly Dictionary<CellKey, decimal> _decided = decided is null ? new()
        : decided.All.Where(c => c.Value.Number is not null).ToDictionary(c => c.Key, c => c.Value.Number!.Value);

    /// <summary>The format's sums (its error checks), and the ones each cell takes part in.</summary>
    private sealed record Sums(IReadOnlyList<CrossCheck> All, ILookup<CellKey, CrossCheck> Over);

    // Per format, beside it: a report's rows are looked up by their cells, not by trying every check.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ReportFormat, Sums> SumsOf = new();

    private readonly Sums _sums = SumsOf.GetValue(format, f =>
    {
        var all = f.Checks.Where(c => c.Severity == Severity.Error).ToList();
        return new Sums(all, all.SelectMany(c => Cells(c).Distinct().Select(k => (Key: k, Check: c))).ToLookup(x => x.Key, x => x.Check));
    });

    private IEnumerable<CrossCheck> ChecksOver(params Row[] rows) => rows.SelectMany(r => r.Keys).SelectMany(k => _sums.Over[k]).Distinct();

    public void Decide(IReadOnlyList<Row> rows)
    {
        var open = new List<Row>();
        foreach (var row in rows)
        {
            if (row.Candidates is [var only])
            {
                SetRow(row, only, "数字与栏目一一对应");
            }
            else
            {
                open.Add(row);
            }
        }
        for (var progress = true; progress;)
        {
            progress = ByOwnSums(open) | ByPairedSums(open) | ByStatements(open);
        }
        foreach (var row in open)
        {
            // A cell every possible split gives the same figure is certain even when its neighbours are not ("0740": 0|7|40 or 0|74|0).
            var agreed = new List<int>();
            if (row.Candidates is { Count: > 1 } several)
            {
                for (var i = 0; i < row.Keys.Count; i++)
                {
                    if (several.All(c => c[i] == several[0][i]))
                    {
                        agreed.Add(i);
                        Set(row, i, several[0][i], "各种可能的拆分中该格数字相同");
                    }
                }
            }
            var (reason, code) = row.Undecided ?? row.Candidates switch
            {
                null => ($"“{row.Printed}”可拆分的方式太多，无法确定各栏数字", BlankCode.SplitImpossible),
                [] => ($"“{row.Printed}”无法拆分为 {row.Keys.Count} 个数字", BlankCode.SplitImpossible),
                var many => ($"“{row.Printed}”可拆分为 {many.Count} 种不同的数字组合，无法确定各栏数字", BlankCode.SplitAmbiguous),
            };
            Blank.AddRange(row.Keys.Where((_, i) => !agreed.Contains(i)).Select(k => new BlankCell(k, reason, code)));
        }
    }

    /// <summary>Rule 2 for one row: the checks over it and decided cells only.</summary>
    private bool ByOwnSums(List<Row> open)
    {
        var progress = false;
        foreach (var row in open.ToList())
        {
            if (row.Candidates is not { Count: > 1 } candidates)
            {
                continue;
            }
            var relevant = ChecksOver(row).Where(c => Cells(c).All(k => row.KeySet.Contains(k) || _decided.ContainsKey(k))).ToList();
            if (relevant.Count == 0)
            {
                continue;
            }
            var keep = candidates.Where(candidate => relevant.All(check => Holds(check, k => Value(row, candidate, k) ?? _decided[k]))).ToList();
            if (keep.Count == 1)
            {
                SetRow(row, keep[0], "表内合计关系唯一确定了拆分");
                open.Remove(row);
                progress = true;
            }
            else if (keep.Count > 0 && keep.Count < candidates.Count)
            {
                row.Candidates = keep;
                progress = true;
            }
        }
        return progress;
    }

    /// <summary>Rule 2 for two rows bound by one sum (a total and one of its parts): the pairs of their splits the checks allow.</summary>
    private bool ByPairedSums(List<Row> open)
    {
        var progress = false;
        var undecided = open.Where(r => r.Candidates is { Count: > 1 }).ToList();
        var touching = ChecksOver([.. undecided]).ToHashSet();
        foreach (var check in _sums.All.Where(touching.Contains))
        {
            var involved = undecided.Where(r => open.Contains(r) && r.Candidates is { Count: > 1 } && Cells(check).Any(r.KeySet.Contains)).ToList();
            if (involved is not [var a, var b] || !Cells(check).All(k => a.KeySet.Contains(k) || b.KeySet.Contains(k) || _decided.ContainsKey(k))
                || (long)a.Candidates!.Count * b.Candidates!.Count > MaxPairs)
            {
                continue;
            }
            var relevant = ChecksOver(a, b).Where(c => Cells(c).All(k => a.KeySet.Contains(k) || b.KeySet.Contains(k) || _decided.ContainsKey(k))).ToList();
            var pairs = (from x in a.Candidates from y in b.Candidates
                         where relevant.All(c => Holds(c, k => Value(a, x, k) ?? Value(b, y, k) ?? _decided[k]))
                         select (x, y)).ToList();
            var (left, right) = (pairs.Select(p => p.x).Distinct().ToList(), pairs.Select(p => p.y).Distinct().ToList());
            if (pairs.Count == 0 || (left.Count == a.Candidates.Count && right.Count == b.Candidates.Count))
            {
                continue;
            }
            (a.Candidates, b.Candidates) = (left, right);
            foreach (var row in new[] { a, b }.Where(r => r.Candidates is [_]))
            {
                SetRow(row, row.Candidates![0], "表内合计关系唯一确定了拆分");
                open.Remove(row);
            }
            progress = true;
        }
        return progress;
    }

    /// <summary>Rule 3: of the splits left, the one that gives a figure the report's text states for the row.</summary>
    private bool ByStatements(List<Row> open)
    {
        var progress = false;
        foreach (var row in open.ToList())
        {
            if (row.Candidates is not { Count: > 1 } candidates || row.Statements.Count == 0)
            {
                continue;
            }
            var stated = candidates.Where(c => c.Any(row.Statements.Contains)).ToList();
            if (stated.Count == 1)
            {
                SetRow(row, stated[0], "报告正文写明的数字唯一确定了拆分");
                open.Remove(row);
                progress = true;
            }
        }
        return progress;
    }

    /// <summary>
    /// Rows a table's layout left open, decided by the rules above with the table's printed figures
    /// as the rows already decided (<paramref name="values"/>, after <see cref="PlacementGuard"/>):
    /// a decided cell is set with its source and loses its blank; an undecided one keeps the row's reason.
    /// </summary>
    public static void Settle(ReportFormat format, ReportValues values, Dictionary<CellKey, CellSource> sources, List<BlankCell> blank, IReadOnlyList<Row> rows)
    {
        var splits = new RowSplits(format, values);
        splits.Decide(rows);
        var keys = rows.SelectMany(r => r.Keys).ToHashSet();
        blank.RemoveAll(b => keys.Contains(b.Key));
        blank.AddRange(splits.Blank);
        foreach (var (key, value) in splits.Values.All)
        {
            values.Set(key, value);
            sources[key] = splits.Sources[key];
        }
    }

    /// <summary>
    /// The rows a row's figures make when some are printed beside the first line of its wrapped
    /// label and the rest beside the second (<paramref name="first"/>, <paramref name="second"/>,
    /// each line in column order): every choice of the first line's columns, the same rows once.
    /// </summary>
    public static IReadOnlyList<decimal[]> Interleavings(IReadOnlyList<decimal> first, IReadOnlyList<decimal> second)
    {
        var width = first.Count + second.Count;
        var rows = new List<decimal[]>();
        var seen = new HashSet<string>();
        var onFirst = new bool[width];
        void Place(int column, int placed)
        {
            if (placed == first.Count || column == width)
            {
                if (placed < first.Count)
                {
                    return;
                }
                var row = new decimal[width];
                var (f, s) = (0, 0);
                for (var i = 0; i < width; i++)
                {
                    row[i] = i < column && onFirst[i] ? first[f++] : second[s++];
                }
                if (seen.Add(string.Join(",", row)))
                {
                    rows.Add(row);
                }
                return;
            }
            onFirst[column] = true;
            Place(column + 1, placed + 1);
            onFirst[column] = false;
            Place(column + 1, placed);
        }
        Place(0, 0);
        return rows;
    }

    private static IEnumerable<CellKey> Cells(CrossCheck check) => check.Left.Concat(check.Right);

    private static decimal? Value(Row row, decimal[] candidate, CellKey key) => row.Keys.IndexOf(key) is var i and >= 0 ? candidate[i] : null;

    private static bool Holds(CrossCheck check, Func<CellKey, decimal> value)
    {
        var left = check.Left.Sum(value);
        var right = check.Right.Sum(value);
        return check.Relation switch
        {
            Relation.Equal => left == right,
            Relation.AtMost => left <= right,
            _ => left >= right,
        };
    }

    private void SetRow(Row row, decimal[] numbers, string rule)
    {
        for (var i = 0; i < row.Keys.Count; i++)
        {
            Set(row, i, numbers[i], rule);
        }
    }

    private void Set(Row row, int column, decimal number, string rule)
    {
        var key = row.Keys[column];
        _decided[key] = number;
        Values.Set(key, number);
        Sources[key] = new CellSource(row.Location, row.Printed, rule);
    }
}
