namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// A published report reduced to what the parser needs, whatever it came from (text, HTML, DOCX):
/// paragraphs of running text and tables as rows of cells, each with where it was found.
/// </summary>
public sealed record SourceDocument(string Name, IReadOnlyList<SourceBlock> Blocks)
{
    public IEnumerable<SourceParagraph> Paragraphs => Blocks.OfType<SourceParagraph>();

    public IEnumerable<SourceTable> Tables => Blocks.OfType<SourceTable>();
}

public abstract record SourceBlock;

/// <summary>A line or paragraph of text.</summary>
public sealed record SourceParagraph(string Text, string Location) : SourceBlock;

/// <summary>
/// A table. Rows may be unknown (<see cref="CellStream"/>): a table printed one cell per line with
/// nothing marking the end of a row; the parser finds the width from the header.
/// </summary>
public sealed record SourceTable(IReadOnlyList<SourceRow> Rows, bool CellStream = false) : SourceBlock;

public sealed record SourceRow(IReadOnlyList<SourceCell> Cells, string Location);

public sealed record SourceCell(string Text, string Location);
