using Gongkai.Domain.Text;

namespace Gongkai.Domain.Reports.Import.TextLayout;

/// <summary>
/// The cells of a line aligned with spaces: parts apart by two or more spaces; within a part,
/// figures apart by one space are cells of their own (pdftotext -layout sets narrow columns one
/// space apart: "0    0 0    0"), and so is a row's label after its group's ("（三）不予 1．属于国家秘密"),
/// and a unit one space from a long label ("…数（不同方 次 12").
/// </summary>
public static partial class SpaceCells
{
    public static string[] Split(string line)
    {
        var cells = new List<string>();
        var parts = SpaceRun().Split(line.Trim());
        for (var p = 0; p < parts.Length; p++)
        {
            var tokens = parts[p].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var figures = tokens.Length;
            while (figures > 0 && CellText.IsFigure(tokens[figures - 1]))
            {
                figures--;
            }
            var label = new List<string>();
            foreach (var token in tokens[..figures])
            {
                if (label.Count > 0 && Numbering.IsNumbered(token))
                {
                    cells.Add(string.Join(' ', label));
                    label.Clear();
                }
                label.Add(token);
            }
            if (label.Count > 1 && (figures < tokens.Length || p < parts.Length - 1) && IsUnit(label[^1]))
            {
                cells.Add(string.Join(' ', label.SkipLast(1)));
                label.RemoveRange(0, label.Count - 1);
            }
            if (label.Count > 0)
            {
                cells.Add(string.Join(' ', label));
            }
            cells.AddRange(tokens[figures..]);
        }
        return [.. cells];
    }

    /// <summary>Whether the text has a run of two or more spaces (ideographic spaces too): cells apart.</summary>
    public static bool Spaced(string text) => SpaceRun().IsMatch(text);

    /// <summary>A unit, or the first line of 万元 wrapped in its narrow column (万 over 元).</summary>
    public static bool IsUnit(string text) => CellText.Units.Contains(text) || text == "万";

    [System.Text.RegularExpressions.GeneratedRegex("[ \u3000]{2,}")]
    private static partial System.Text.RegularExpressions.Regex SpaceRun();
}
