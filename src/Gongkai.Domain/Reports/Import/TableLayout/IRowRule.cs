namespace Gongkai.Domain.Reports.Import.TableLayout;

/// <summary>What a rule did with a printed row.</summary>
internal enum RowTaken
{
    /// <summary>Not the rule's kind of row: the next rule is asked.</summary>
    No,

    /// <summary>The rule decided the row.</summary>
    Yes,

    /// <summary>The rule decided the row and took the next one with it (the rest of a wrapped label).</summary>
    WithNext,
}

/// <summary>A printed row as the rules see it: its cells trimmed, where its labels end (the first figure), the labels printed.</summary>
internal sealed record PrintedRow(SourceRow Row, SourceRow? Next, List<string> Texts, int LabelEnd, List<string> Labels)
{
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
