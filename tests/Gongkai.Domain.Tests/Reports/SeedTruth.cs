using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Tests.Reports;

/// <summary>
/// A seed's ground truth (tests/fixtures/seeds/*.truth.tsv) as values of a format: each printed
/// row and column label chain is walked down the format's trees with <see cref="LabelText"/>.
/// </summary>
public static class SeedTruth
{
    public static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds", file);

    public const string Seed000 = "000_e9c3ba55246d135c.txt";
    public const string Seed001 = "001_f0fde017bca519d7.txt";
    public const string Seed002 = "002_7c2d47552574f996.txt";
    public const string Seed003 = "003_23843496684882d7.txt";
    public const string Seed004 = "004_3fbe00e9627bb4eb.txt";

    private static readonly Dictionary<string, string> Tables = new()
    {
        ["统计表"] = "stats", ["第二十条"] = "proactive", ["申请情况"] = "requests", ["复议诉讼"] = "appeals",
    };

    public sealed record TruthCell(string Table, string Row, string Column, string Value);

    public static IReadOnlyList<TruthCell> Cells(string seed) => File.ReadAllLines(FixturePath(seed + ".truth.tsv"))
        .Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(f => new TruthCell(f[0], f[1], f[2], f.Length > 3 ? f[3] : "")).ToList();

    public static ReportValues Values(string seed, ReportFormat format)
    {
        var values = new ReportValues();
        foreach (var cell in Cells(seed))
        {
            var key = KeyOf(format, cell);
            if (cell.Value.Length == 0)
            {
                continue;
            }
            values.Set(key, decimal.TryParse(cell.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? CellValue.Of(n) : CellValue.OfText(cell.Value));
        }
        return values;
    }

    public static CellKey KeyOf(ReportFormat format, TruthCell cell)
    {
        var table = format.Table(Tables[cell.Table]);
        var chain = cell.Row.Length == 0 ? [] : cell.Row.Split(" / ");
        var section = table.Sections.Count == 1 ? table.Sections[0] : table.Sections.Single(s => LabelText.Matches(chain[0], s.Title!));
        if (table.Sections.Count > 1)
        {
            chain = chain[1..];
        }
        var row = chain.Length == 0 ? section.Rows.Single() : Walk(section.Rows, chain, r => r.Label, r => r.Children, cell.Row);
        var column = Walk(section.Columns, cell.Column.Split(" / "), c => c.Label, c => c.Children, cell.Column);
        return new CellKey(table.Code, row.Code, column.Code);
    }

    private static T Walk<T>(IReadOnlyList<T> roots, IEnumerable<string> chain, Func<T, string> label, Func<T, IReadOnlyList<T>> children, string whole)
    {
        var candidates = roots;
        T? found = default;
        foreach (var printed in chain)
        {
            found = candidates.SingleOrDefault(c => LabelText.Matches(printed, label(c)));
            if (found is null)
            {
                throw new InvalidOperationException($"No row or column matches '{printed}' in '{whole}'.");
            }
            candidates = children(found);
        }
        return found!;
    }
}
