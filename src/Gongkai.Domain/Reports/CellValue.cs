using System.Globalization;

namespace Gongkai.Domain.Reports;

/// <summary>
/// What a cell holds. Blank (nothing printed) is distinct from 0 everywhere: a blank cell is
/// simply absent from <see cref="ReportValues"/>.
/// </summary>
/// <param name="Number">The number printed, if any.</param>
/// <param name="Unit">A unit printed inside the cell with the number ("251000元").</param>
/// <param name="Text">Text that is not a number: the 单位 column, or what was printed where a number belongs.</param>
public sealed record CellValue(decimal? Number, string? Unit = null, string? Text = null)
{
    public static CellValue Of(decimal number, string? unit = null) => new(number, unit);

    public static CellValue OfText(string text) => new(null, null, text);

    /// <summary>The value as printed: the number (without trailing zeros) and its unit, or the text.</summary>
    public string Display() => Number is { } n ? FormatNumber(n) + (Unit ?? "") : Text ?? "";

    public static string FormatNumber(decimal n) => n.ToString("0.############", CultureInfo.InvariantCulture);
}
