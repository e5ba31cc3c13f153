namespace Gongkai.Documents.Pdf;

/// <summary>A stretch of text on a line with no wide gap in it: a cell of an unruled table, or a line of running text.</summary>
public sealed record PdfCell(double Left, double Right, string Text);

/// <summary>A line of a page outside its ruled tables, top to bottom, with its cells left to right.</summary>
public sealed record PdfLine(int Page, double Top, double Bottom, double Height, IReadOnlyList<PdfCell> Cells)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Text => string.Join(" ", Cells.Select(c => c.Text));
}

/// <summary>A ruled table: its rows top to bottom; a cell merged over several rows stands in the first of them.</summary>
public sealed record PdfTable(int Page, double Top, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A page's text: lines of running text and ruled tables, each at its place from the top.</summary>
public sealed record PdfPageText(int Number, IReadOnlyList<PdfLine> Lines, IReadOnlyList<PdfTable> Tables);

/// <summary>A PDF that cannot be read; the message says why, in Chinese.</summary>
public sealed class PdfUnreadableException(string message, Exception? inner = null) : Exception(message, inner);
