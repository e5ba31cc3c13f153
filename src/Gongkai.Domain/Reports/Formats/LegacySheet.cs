using static Gongkai.Domain.Reports.Formats.Build;

namespace Gongkai.Domain.Reports.Formats;

/// <summary>
/// The rows of the pre-2019 统计表 as data (legacy-stats.tsv): one line a row with its code, unit,
/// the number each variant prints before it (or that the variant lacks it) and the official label.
/// The tree comes from the codes (a row's parent is its code without the last segment), and a row
/// marked as the sum of its children gets that cross-check, so the children are listed once.
/// </summary>
internal static class LegacySheet
{
    public static readonly string[] Variants = ["national", "beijing", "shandong", "weihai"];

    private sealed record Line(string Code, string? Unit, string Check, IReadOnlyList<string> Numbers, string Label);

    private static readonly IReadOnlyList<Line> Lines = Parse(Read());

    private static string Read()
    {
        using var stream = typeof(LegacySheet).Assembly.GetManifestResourceStream("legacy-stats.tsv")
            ?? throw new InvalidOperationException("The embedded legacy statistics sheet is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<Line> Parse(string tsv)
    {
        var lines = new List<Line>();
        foreach (var text in tsv.Replace("\r\n", "\n").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1))
        {
            var f = text.Split('\t');
            if (f.Length != 4 + Variants.Length)
            {
                throw new FormatException($"legacy-stats.tsv: expected {4 + Variants.Length} fields: {text}");
            }
            lines.Add(new Line(f[0], f[1].Length == 0 ? null : f[1], f[2], f[3..^1], f[^1]));
        }
        return lines;
    }

    private sealed class Node(Line line, string number)
    {
        public Line Line { get; } = line;
        public List<Node> Children { get; } = [];
        public RowDef ToRow() => Stat(Line.Code, number + Line.Label, Line.Unit, [.. Children.Select(c => c.ToRow())]);
    }

    /// <summary>The top-level rows of <paramref name="variant"/>, in printed order.</summary>
    public static IReadOnlyList<RowDef> Rows(string variant) => Tree(variant).Select(n => n.ToRow()).ToList();

    /// <summary>For each row the sheet marks as the sum of its children, that check over <paramref name="column"/>.</summary>
    public static IEnumerable<CrossCheck> SumChecks(string variant, string table, string column) =>
        Tree(variant).SelectMany(Flatten).Where(n => n.Line.Check.Length > 0).Select(n =>
        {
            var (mark, code) = n.Line.Check.Split(' ') is [var m, var c] ? (m, c) : (n.Line.Check, $"{n.Line.Code}.sum");
            return Sum(code, table, column, n.Line.Code, n.Children.Select(c => c.Line.Code), Implied,
                mark == "≈" ? Severity.Warning : Severity.Error, totalMayBeBlank: mark == "=?");
        });

    private static IEnumerable<Node> Flatten(Node node) => [node, .. node.Children.SelectMany(Flatten)];

    private static List<Node> Tree(string variant)
    {
        var column = Array.IndexOf(Variants, variant);
        var top = new List<Node>();
        var open = new Stack<Node>();
        foreach (var line in Lines.Where(l => l.Numbers[column] != "-"))
        {
            var node = new Node(line, line.Numbers[column]);
            var parent = line.Code.Contains('.') ? line.Code[..line.Code.LastIndexOf('.')] : null;
            while (open.Count > 0 && open.Peek().Line.Code != parent)
            {
                open.Pop();
            }
            if (parent is not null && open.Count == 0)
            {
                throw new FormatException($"legacy-stats.tsv: {line.Code} comes before its parent {parent} in {variant}.");
            }
            (open.Count > 0 ? open.Peek().Children : top).Add(node);
            open.Push(node);
        }
        return top;
    }
}
