using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports.Formats;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Reads a local statistics sheet (指标名称 | 计量单位 | 2016年度 | 历年累计 …) out of running text
/// as it was printed: the value columns from its header, then each row's label, unit and figures.
/// 其中 starts the parts of the row above; numbered rows (1. 2. …) follow each other in the list
/// they belong to, and an unnumbered row is a row of the sheet itself. The rows become the sheet's
/// own format (<see cref="PrintedSheets"/>); figures that ran together are split by the rules of
/// <see cref="RowSplits"/>, with the figures the report's text states for the row.
/// </summary>
public static partial class SheetReader
{
    [GeneratedRegex(@"指\s*标\s*名\s*称\s*(?:计\s*量\s*)?单\s*位\s*")]
    private static partial Regex Header();

    [GeneratedRegex(@"\G\s*(\d{4}\s*年\s*度?|历\s*年\s*累\s*计|年\s*末\s*统\s*计|数\s*量|统\s*计\s*数|本\s*年\s*度?)")]
    private static partial Regex ValueColumn();

    /// <summary>A row: 其中：, its number, its label, its unit, its figures (which may end with the next row's number).</summary>
    [GeneratedRegex(@"\G\s*(?<part>其\s*中\s*[:：]\s*)?(?:(?<number>\d{1,2})\s*[.、]\s*)?(?<label>[^\d\s。；;][^\d。；;]{0,60}?)\s*(?<unit>万元|人次|条|件|元|个|人|次|篇|期|份)\s*(?=\d)(?<figures>[\d\s.、]*)")]
    private static partial Regex Row();

    internal sealed class Node(string label, string? unit, int? number, string figures, int at)
    {
        public string Label { get; } = label;
        public string? Unit { get; } = unit;
        public int? Number { get; } = number;
        public string Figures { get; set; } = figures;
        public int At { get; } = at;
        public List<Node> Children { get; } = [];

        /// <summary>A row as printed: a numbered row's label keeps its number (2.政府公报公开), as the format's digest counts it.</summary>
        public static Node Printed(string label, string? unit, int? number, string figures, int at) =>
            new(number is { } n ? $"{n}.{label}" : label, unit, number, figures, at);

        public SheetRow ToRow() => new(Label, Unit, [.. Children.Select(c => c.ToRow())]);
    }

    /// <summary>
    /// The value columns a sheet's header names in <paramref name="line"/> (a header row of a table, or
    /// a header line of text) when it starts with 指标名称 | 计量单位; null for any other line.
    /// </summary>
    public static IReadOnlyList<string>? HeaderColumns(string line) =>
        Header().Match(line) is { Success: true, Index: 0 } header && Columns(line, header.Length) is { Columns.Count: > 0 } found
        && line[found.End..].Trim().Length == 0 ? found.Columns : null;

    private static (List<string> Columns, int End) Columns(string folded, int at)
    {
        var columns = new List<string>();
        for (var column = ValueColumn().Match(folded, at); column.Success; column = ValueColumn().Match(folded, at))
        {
            columns.Add(Regex.Replace(column.Groups[1].Value, @"\s+", ""));
            at = column.Index + column.Length;
        }
        return (columns, at);
    }

    /// <summary>The sheet printed in <paramref name="folded"/> (NFKC text), or null when there is none.</summary>
    public static FlatTable.Reading? Read(string folded)
    {
        if (Header().Match(folded) is not { Success: true } header || Columns(folded, header.Index + header.Length) is not { Columns.Count: > 0 } found)
        {
            return null;
        }
        var (columns, at) = found;
        var top = new List<Node>();
        var path = new List<Node>();
        for (var row = Row().Match(folded, at); row.Success; row = Row().Match(folded, at))
        {
            var number = row.Groups["number"].Success ? int.Parse(row.Groups["number"].Value, CultureInfo.InvariantCulture) : (int?)null;
            var label = Regex.Replace(row.Groups["label"].Value, @"\s+", "");
            var node = Node.Printed(label, row.Groups["unit"].Value, number, row.Groups["figures"].Value, row.Groups["figures"].Index);
            Place(node, row.Groups["part"].Success, top, path);
            at = row.Groups["figures"].Index + Figures(node, folded, row.Groups["figures"].Index + row.Groups["figures"].Length, path);
        }
        if (top.Sum(t => Flatten(t).Count()) < 3)
        {
            return null;
        }
        var format = PrintedSheets.Format(columns, [.. top.Select(t => t.ToRow())]);
        var rows = format.Tables[0].Sections[0].Rows.SelectMany(r => r.SelfAndDescendants()).ToList();
        var nodes = top.SelectMany(Flatten).ToList();
        var narrative = folded[..header.Index] + " " + folded[at..];
        var splits = new RowSplits(format);
        splits.Decide(rows.Zip(nodes, (row, node) =>
        {
            var keys = Enumerable.Range(1, columns.Count).Select(c => new CellKey(PrintedSheets.Table, row.Code, $"c{c}")).ToList();
            var kind = node.Unit is "元" or "万元" ? ValueKind.WanYuan : ValueKind.Count;
            var groups = node.Figures.Split((char[])[' ', '\t', '\n', '\r', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
            return new RowSplits.Row(keys, node.Figures.Trim(), $"正文第 {node.At + 1} 字起", DigitSplit.Candidates(groups, Enumerable.Repeat(kind, columns.Count).ToList()))
            {
                Statements = Stated(narrative, node),
            };
        }).ToList());
        var values = splits.Values;
        foreach (var (row, node) in rows.Zip(nodes))
        {
            values.Set(new CellKey(PrintedSheets.Table, row.Code, PrintedSheets.Unit), CellValue.OfText(node.Unit!));
        }
        return new FlatTable.Reading(format, values, splits.Sources, splits.Blank, nodes.Count, nodes.Count * columns.Count);
    }

    private static IEnumerable<Node> Flatten(Node node) => [node, .. node.Children.SelectMany(Flatten)];

    /// <summary>
    /// Where a row goes: 其中 makes it the first part of the row above; a numbered row follows the
    /// list whose last number is one less (an inner list ends when an outer one goes on); an
    /// unnumbered row is a row of the sheet.
    /// </summary>
    internal static void Place(Node node, bool part, List<Node> top, List<Node> path)
    {
        if (part && path.Count > 0)
        {
            path[^1].Children.Add(node);
            path.Add(node);
            return;
        }
        if (node.Number == 1 && path.Count > 0)
        {
            // A list without 其中 printed before it: still the parts of the row above.
            path[^1].Children.Add(node);
            path.Add(node);
            return;
        }
        if (node.Number is { } n)
        {
            for (var i = path.Count - 1; i >= 1; i--)
            {
                if (path[i].Number == n - 1)
                {
                    path.RemoveRange(i, path.Count - i);
                    path[^1].Children.Add(node);
                    path.Add(node);
                    return;
                }
            }
        }
        top.Add(node);
        path.Clear();
        path.Add(node);
    }

    /// <summary>
    /// How much of the figures is the row's: when they run into the next row's number ("62620272.政府公报…"),
    /// that number — the next in the current list, or in an outer one — is not a figure.
    /// </summary>
    private static int Figures(Node node, string folded, int end, List<Node> path)
    {
        var figures = node.Figures;
        if (end < folded.Length && Numbering.Trailing().Match(figures) is { Success: true } trailing)
        {
            var digits = trailing.Groups[1].Value;
            var next = path.Where(p => p.Number is not null).Select(p => p.Number!.Value + 1).Append(1).Distinct()
                .Select(n => n.ToString(CultureInfo.InvariantCulture))
                .Where(n => digits.EndsWith(n, StringComparison.Ordinal))
                // Separated by a space, the whole group is the number; run together, the shortest ending that is one.
                .OrderBy(n => figures[..trailing.Index].Length > 0 && char.IsWhiteSpace(figures[trailing.Index - 1]) && n == digits ? 0 : 1)
                .ThenBy(n => n.Length)
                .FirstOrDefault();
            if (next is not null)
            {
                figures = figures[..trailing.Index] + digits[..^next.Length];
            }
        }
        node.Figures = figures;
        return figures.Length;
    }

    /// <summary>Figures the narrative states for the row: "主动公开政府信息107条" for a row 主动公开文件数 in 条.</summary>
    private static HashSet<decimal> Stated(string narrative, Node node)
    {
        var key = Regex.Replace(node.Label, @"^\d+\.|(?:总数|文件数|信息数|数)$", "");
        if (key.Length < 4 || node.Unit is null)
        {
            return [];
        }
        var pattern = new Regex(Regex.Escape(key[..4]) + @"[^。；;，,\d]{0,12}?(\d+)\s*" + Regex.Escape(node.Unit), RegexOptions.None, TimeSpan.FromSeconds(1));
        return pattern.Matches(narrative).Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
    }
}
