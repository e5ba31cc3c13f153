using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Domain.Text;

namespace Gongkai.Domain.Reports.Import;

/// <summary>A cell the importer could not fill with certainty, and why (<see cref="Code"/> for programs, <see cref="Reason"/> for people).</summary>
public sealed record BlankCell(CellKey Key, string Reason, BlankCode Code);

/// <summary>
/// Reads a format's tables out of running text in which their cells ran together (a scraped page,
/// a copy from a browser): the statutory tables are fixed, so their labels are looked for in the
/// order the format prints them, and what stands between one row's label and the next is that
/// row's figures. A figure is placed only when its row was found and its split into the row's
/// cells is certain (<see cref="DigitSplit"/>, <see cref="RowSplits"/>); every other cell stays
/// blank with the reason.
/// </summary>
public static partial class FlatTable
{
    /// <summary>How far past the previous row the next row's label may stand (headers between them).</summary>
    private const int RowWindow = 400;

    public sealed record Reading(
        ReportFormat Format,
        ReportValues Values,
        IReadOnlyDictionary<CellKey, CellSource> Sources,
        IReadOnlyList<BlankCell> Blank,
        int MatchedRows,
        int ExpectedCells);

    private sealed record RowRun(TableDef Table, SectionDef Section, RowDef Row, IReadOnlyList<ColumnDef> Columns, string Printed, int At);

    /// <summary>Figures, the spaces between them, a decimal point, a sign, a unit: what a row's cells print.</summary>
    [GeneratedRegex(@"\G(?:[\s\d.\-—]|万元|元)*")]
    private static partial Regex ValueRun();

    /// <summary>The text as the patterns read it: full-width digits and punctuation folded, radicals as the characters they stand for.</summary>
    public static string Fold(string text) => GlyphFold.Fold(text);

    public static Reading Read(ReportFormat format, string folded)
    {
        var runs = new List<RowRun>();
        var blank = new List<BlankCell>();
        var matched = 0;
        var position = 0;
        foreach (var table in format.Tables)
        {
            var tableStart = true;
            foreach (var section in table.Sections)
            {
                var columns = section.LeafColumns().Where(c => c.Kind != ValueKind.UnitText).ToList();
                var rows = section.Rows.SelectMany(r => r.SelfAndDescendants()).ToList();
                var limit = tableStart ? folded.Length : position + RowWindow * 2;
                if (section.Title is not null)
                {
                    if (Next(folded, section.Title, position, limit, tableStart) is not { } title)
                    {
                        blank.AddRange(Cells(table, section, rows, "未找到该部分的标题"));
                        continue;
                    }
                    (position, limit, tableStart) = (title.Index + title.Length, title.Index + title.Length + RowWindow, false);
                }
                if (rows is [{ Label.Length: 0 } unlabelled])
                {
                    position = ReadUnlabelled(folded, table, section, unlabelled, columns, position, limit, runs, blank, ref matched);
                    continue;
                }
                for (var i = 0; i < rows.Count; i++)
                {
                    var row = rows[i];
                    if (Next(folded, row.Label, position, limit, tableStart) is not { } label)
                    {
                        blank.AddRange(Cells(table, section, [row], "未找到该行"));
                        continue;
                    }
                    matched++;
                    tableStart = false;
                    position = label.Index + label.Length;
                    limit = position + RowWindow;
                    if (!row.HasCells)
                    {
                        continue;
                    }
                    position = SkipUnit(folded, position, row.Unit);
                    var run = ValueRun().Match(folded, position);
                    var printed = run.Value;
                    // The next row's own number ("2．其他法律…") follows this row's figures directly.
                    var next = rows.Skip(i + 1).FirstOrDefault();
                    if (next is not null && LabelPattern.For(next.Label).Number is { } number
                        && Numbering.Trailing().Match(printed) is { Success: true } trailing && trailing.Groups[1].Value.EndsWith(number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
                    {
                        var keep = trailing.Groups[1].Value[..^number.ToString(CultureInfo.InvariantCulture).Length];
                        printed = printed[..trailing.Index] + keep;
                    }
                    printed = WithoutYear(folded, position, printed);
                    runs.Add(new RowRun(table, section, row, columns, printed.Trim(), position));
                    position += printed.Length;
                }
            }
        }

        var splits = new RowSplits(format);
        splits.Decide(runs.Select(run => new RowSplits.Row(
            run.Columns.Select(c => new CellKey(run.Table.Code, run.Row.Code, c.Code)).ToList(), run.Printed, $"正文第 {run.At + 1} 字起",
            DigitSplit.Candidates(Groups(run.Printed), run.Columns.Select(c => new CellDef(run.Table, run.Section, run.Row, c).Kind).ToList()))).ToList());
        var expected = format.Cells().Count(c => c.Column.Kind != ValueKind.UnitText);
        return new Reading(format, splits.Values, splits.Sources, [.. blank, .. splits.Blank], matched, expected);
    }

    /// <summary>
    /// Where a label is printed next: anywhere ahead for a table's first label; otherwise within the
    /// window and with no figure or sentence between, so a row is never taken from the narrative or
    /// past another row's figures.
    /// </summary>
    private static Match? Next(string folded, string label, int position, int limit, bool anywhere)
    {
        if (LabelPattern.For(label).Find(folded, position, limit) is not { } found)
        {
            return null;
        }
        if (anywhere)
        {
            return found;
        }
        var skipped = folded.AsSpan(position, found.Index - position);
        return skipped.IndexOfAnyInRange('0', '9') < 0 && skipped.IndexOfAny("。；;") < 0 ? found : null;
    }

    [GeneratedRegex(@"(?:19|20)\d\d\s*$")]
    private static partial Regex TrailingYear();

    /// <summary>A run followed by 年 ends with the year of the sentence after the table ("…继续办理2000002" + "2025年，我局…").</summary>
    private static string WithoutYear(string folded, int position, string printed)
    {
        var after = position + printed.Length;
        return after < folded.Length && folded[after] == '年' && TrailingYear().Match(printed) is { Success: true } year
            ? printed[..year.Index]
            : printed;
    }

    /// <summary>The 统计表 prints the row's unit (条, 件 …) between its label and its figures.</summary>
    private static int SkipUnit(string folded, int position, string? unit)
    {
        var at = position;
        while (at < folded.Length && char.IsWhiteSpace(folded[at]))
        {
            at++;
        }
        return unit is not null && string.CompareOrdinal(folded, at, unit, 0, unit.Length) == 0 ? at + unit.Length : position;
    }

    /// <summary>The whitespace-separated groups of a run, units dropped, blank markers kept as their own group.</summary>
    private static List<string> Groups(string printed) =>
        printed.Replace("万元", " ").Replace("元", " ").Replace('—', '-').Split((char[])[' ', '\t', '\n', '\r', '\u3000'], StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>The one-row appeals table: its header labels, then its figures.</summary>
    private static int ReadUnlabelled(string folded, TableDef table, SectionDef section, RowDef row, IReadOnlyList<ColumnDef> columns,
        int position, int limit, List<RowRun> runs, List<BlankCell> blank, ref int matched)
    {
        var first = columns[0];
        var top = LabelPattern.For(Top(section.Columns, first)).Find(folded, position, Math.Max(limit, position + RowWindow * 2));
        if (top is null)
        {
            blank.AddRange(Cells(table, section, [row], "未找到该表"));
            return position;
        }
        // Only header labels (no figures) may stand between the table's first label and its figures.
        var at = top.Index + top.Length;
        while (at < folded.Length && !char.IsAsciiDigit(folded[at]) && at - top.Index < RowWindow)
        {
            at++;
        }
        var run = ValueRun().Match(folded, at);
        if (at >= folded.Length || run.Length == 0)
        {
            blank.AddRange(Cells(table, section, [row], "未找到该表的数字"));
            return position;
        }
        matched++;
        runs.Add(new RowRun(table, section, row, columns, run.Value.Trim(), at));
        return at + run.Length;
    }

    private static string Top(IReadOnlyList<ColumnDef> columns, ColumnDef leaf) =>
        columns.First(c => c.Leaves().Contains(leaf)).Label;

    private static IEnumerable<BlankCell> Cells(TableDef table, SectionDef section, IEnumerable<RowDef> rows, string reason, BlankCode code = BlankCode.RowNotFound) =>
        rows.Where(r => r.HasCells)
            .SelectMany(r => section.LeafColumns().Where(c => c.Kind != ValueKind.UnitText).Select(c => new BlankCell(new CellKey(table.Code, r.Code, c.Code), reason, code)));
}
