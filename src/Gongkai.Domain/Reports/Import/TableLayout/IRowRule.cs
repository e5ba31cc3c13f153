namespace Gongkai.Domain.Reports.Import.TableLayout;

/// <summary>What a rule did with a printed row: whether it decided it, and how many of the rows after it it took with it.</summary>
internal readonly record struct RowTaken(bool Taken, int Following)
{
    /// <summary>Not the rule's kind of row: the next rule is asked.</summary>
    public static RowTaken No => default;

    /// <summary>The rule decided the row.</summary>
    public static RowTaken Yes => new(true, 0);

    /// <summary>The rule decided the row and took the next one with it (the rest of a wrapped label).</summary>
    public static RowTaken WithNext => new(true, 1);

    /// <summary>The rule decided the row and took <paramref name="following"/> rows after it (a label wrapped down its column).</summary>
    public static RowTaken With(int following) => new(true, following);
}

/// <summary>A printed row as the rules see it: its cells trimmed, where its labels end (the first figure), the labels printed.</summary>
internal sealed record PrintedRow(SourceRow Row, SourceRow? Next, List<string> Texts, int LabelEnd, List<string> Labels)
{
    /// <summary>The table's rows and this row's place among them, when the aligner reads it in its table.</summary>
    public (SourceRow[] Rows, int At)? Table { get; set; }

    /// <summary>The table's rows after this one, in order (<see cref="Next"/> is the first).</summary>
    public IReadOnlyList<SourceRow> After => Table is var (rows, at) ? new ArraySegment<SourceRow>(rows, at + 1, rows.Length - at - 1) : Next is null ? [] : [Next];

    public bool HasFigures => LabelEnd < Texts.Count;
}

/// <summary>
/// A layout rule of the table aligner: it recognises one kind of printed row (a header, a labelled
/// row, the rest of a wrapped label …) and lays it onto the format through the aligner. The
/// aligner asks its rules in order (<see cref="TableAligner.Rules"/>).
/// </summary>
internal interface IRowRule
{
    RowTaken Apply(TableAligner aligner, PrintedRow row);
}
