using System.Globalization;
using Gongkai.Documents.Import;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reports.Formats;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Documents.Tests.Import;

/// <summary>
/// The real published reports of ../shared/corpus (as a crawler stored them, tables flattened into
/// running text) against their hand-checked cells: the importer must never put a figure in the
/// wrong cell, and must read nearly every cell whose digits the page separates.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>The corpus beside the clone (CI checks it out there); read at test time, never copied into the repository.</summary>
    public static string? Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
                return Directory.Exists(Path.Combine(corpus, "reports")) ? corpus : null;
            }
        }
        return null;
    }

    public sealed record TruthCell(string Table, string Row, string Column, string Value);

    /// <param name="Unmatched">Truth rows whose labels name no cell of the format read: a misread format, or a truth label the format spells otherwise.</param>
    public sealed record Outcome(string Id, string Format, int Truth, int Exact, int Blank, IReadOnlyList<string> Wrong, IReadOnlyList<string> Unexpected, IReadOnlyList<string> Unmatched);

    public static IReadOnlyList<TruthCell> Truth(string corpus, string id) =>
        File.ReadAllLines(Path.Combine(corpus, "truth", id + ".tsv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split('\t')).Select(f => new TruthCell(f[0], f[1], f[2], f.Length > 3 ? f[3] : "")).ToList();

    private static string Key(string table, string row, string column) =>
        string.Join("|", new[] { table, row, column }.Select(part => string.Join("/", part.Split(" / ").Select(LabelText.Normalize))));

    /// <summary>Every cell of a format by its printed labels as the truth names them: table title, row path (section title first), column path.</summary>
    public static Dictionary<string, CellKey> Labels(ReportFormat format)
    {
        var map = new Dictionary<string, CellKey>();
        foreach (var cell in format.Cells().Where(c => c.Column.Kind != ValueKind.UnitText))
        {
            var rows = new List<string>();
            if (cell.Section.Title is { } title)
            {
                rows.Add(title);
            }
            rows.AddRange(LabelPath(cell.Section.Rows, cell.Row, r => r.Children).Select(r => r.Label));
            var columns = LabelPath(cell.Section.Columns, cell.Column, c => c.Children).Select(c => c.Label).Where(l => l != "申请人情况");
            map[Key(cell.Table.Title, string.Join(" / ", rows), string.Join(" / ", columns))] = cell.Key;
        }
        return map;
    }

    private static List<T> LabelPath<T>(IEnumerable<T> roots, T target, Func<T, IEnumerable<T>> children) where T : class
    {
        foreach (var root in roots)
        {
            if (ReferenceEquals(root, target))
            {
                return [root];
            }
            if (LabelPath(children(root), target, children) is { Count: > 0 } below)
            {
                return [root, .. below];
            }
        }
        return [];
    }

    public static Outcome Compare(string corpus, string id)
    {
        var imported = ReportFiles.Parse(id + ".txt", File.ReadAllBytes(Path.Combine(corpus, "reports", id + ".txt")));
        var format = imported.Report.Format;
        var labels = Labels(format);
        var (exact, blank) = (0, 0);
        var wrong = new List<string>();
        var truthKeys = new HashSet<CellKey>();
        var all = Truth(corpus, id);
        var truth = all.Where(t => labels.ContainsKey(Key(t.Table, t.Row, t.Column))).ToList();
        // A row of a table the format has must name one of its cells; rows of tables the format does not
        // have (some agencies add a 信息处理费 table) are the only ones set aside.
        var tables = format.Tables.Select(t => LabelText.Normalize(t.Title)).ToHashSet();
        var unmatched = all.Except(truth).Where(t => tables.Contains(LabelText.Normalize(t.Table))).Select(t => $"{t.Table} | {t.Row} | {t.Column} = {t.Value}").ToList();
        foreach (var cell in truth)
        {
            var key = labels[Key(cell.Table, cell.Row, cell.Column)];
            truthKeys.Add(key);
            var expected = CellText.Parse(cell.Value, format.FindCell(key)!.Kind).Value?.Number;
            var actual = imported.Report.Values.Number(key);
            if (actual is null)
            {
                blank += expected is null ? 0 : 1;
                exact += expected is null ? 1 : 0;
            }
            else if (actual == expected)
            {
                exact++;
            }
            else
            {
                wrong.Add($"{key} = {actual}, truth {cell.Value}");
            }
        }
        // A figure where the hand-checker found no certain value (a split that is not unique) is a guess.
        var unexpected = imported.Report.Values.All.Where(c => c.Value.Number is not null && !truthKeys.Contains(c.Key) && format.FindCell(c.Key) is { } def && def.Column.Kind != ValueKind.UnitText)
            .Select(c => $"{c.Key} = {c.Value.Number} (not in the truth)").ToList();
        return new Outcome(id, format.Code, truth.Count, exact, blank, wrong, unexpected, unmatched);
    }

    [Fact]
    public void EveryCorpusReport_PutsNoFigureInTheWrongCell()
    {
        if (Folder() is not { } corpus)
        {
            Assert.Skip("../shared/corpus is not beside the clone.");
            return;
        }
        var outcomes = Directory.GetFiles(Path.Combine(corpus, "reports"), "t*.txt").Order(StringComparer.Ordinal)
            .Select(f => Compare(corpus, Path.GetFileNameWithoutExtension(f))).ToList();
        foreach (var o in outcomes)
        {
            output.WriteLine($"{o.Id} {o.Format,-16} truth {o.Truth,4}  exact {o.Exact,4}  blank {o.Blank,4}  wrong {o.Wrong.Count}  unexpected {o.Unexpected.Count}  unmatched {o.Unmatched.Count}");
            foreach (var u in o.Unmatched.Take(3))
            {
                output.WriteLine("    unmatched: " + u);
            }
            foreach (var w in o.Wrong.Concat(o.Unexpected).Take(10))
            {
                output.WriteLine("    " + w);
            }
        }
        foreach (var group in outcomes.GroupBy(o => PrintedSheets.IsSheet(o.Format) ? "legacy sheets as printed" : o.Format))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key}: {group.Sum(o => o.Exact)} of {group.Sum(o => o.Truth)} exact, {group.Sum(o => o.Blank)} blank, {group.Sum(o => o.Wrong.Count + o.Unexpected.Count)} wrong"));
        }
        Assert.All(outcomes, o => Assert.Empty(o.Wrong.Concat(o.Unexpected).Concat(o.Unmatched)));
        // The format read is the one the hand-checker recorded (sources.tsv): legacy, 2019 or 2021.
        var recorded = File.ReadAllLines(Path.Combine(corpus, "sources.tsv")).Skip(1).Select(l => l.Split('\t')).ToDictionary(f => f[0], f => f[4]);
        Assert.All(outcomes, o => Assert.Equal(recorded[o.Id], o.Format.StartsWith("legacy", StringComparison.Ordinal) ? "legacy" : o.Format));
        // Nearly every cell is read; the few left blank are run-together figures with several possible splits.
        Assert.True(outcomes.Sum(o => o.Exact) >= 0.995 * outcomes.Sum(o => o.Truth), $"{outcomes.Sum(o => o.Exact)} of {outcomes.Sum(o => o.Truth)} exact");
    }
}
