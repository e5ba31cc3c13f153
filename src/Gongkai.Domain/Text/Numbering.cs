using System.Text.RegularExpressions;

namespace Gongkai.Domain.Text;

/// <summary>
/// The numbers a report prints before its headings and labels — 一、 （三） 2． and 其中： — for
/// every reader (text, PDF, run-together text, printed sheets, the label patterns): one pattern, so
/// a label numbered one way is read the same everywhere. Half- and full-width punctuation alike.
/// </summary>
public static partial class Numbering
{
    /// <summary>A number at the start: <c>arabic</c> 2. 2． 2、, <c>paren</c> （三） (三), <c>chinese</c> 四、 四. — and the space after it.</summary>
    [GeneratedRegex(@"^\s*(?:(?<arabic>\d{1,2})\s*[.．、]|[(（]\s*(?<paren>[一二三四五六七八九十]{1,3})\s*[)）]|(?<chinese>[一二三四五六七八九十]{1,3})\s*[、.．])\s*")]
    public static partial Regex Lead();

    /// <summary>A report part's heading number (四、政府信息公开行政复议、行政诉讼情况): a Chinese numeral and 、.</summary>
    [GeneratedRegex(@"^\s*(?<number>[一二三四五六七八九十]{1,3})、\s*")]
    public static partial Regex Part();

    /// <summary>其中： — the parts of the row above follow (the colon may be missing).</summary>
    [GeneratedRegex(@"^\s*其\s*中\s*[:：]?\s*")]
    public static partial Regex Among();

    /// <summary>A number at the end that is the next label's ("62620272." ran into "2.政府公报…").</summary>
    [GeneratedRegex(@"(\d+)\s*[.．、]\s*$")]
    public static partial Regex Trailing();

    /// <summary>Whether the text starts with a label's or heading's own number (1． （三） 四、).</summary>
    public static bool IsNumbered(string text) => Lead().IsMatch(text);

    /// <summary>Whether the text starts with a number or with 其中: the start of a row's label, never the rest of one.</summary>
    public static bool StartsLabel(string text) => Lead().IsMatch(text) || Among().IsMatch(text);

    /// <summary>Whether the text starts with a report part's heading number (一、).</summary>
    public static bool IsPartHeading(string text) => Part().IsMatch(text);
}
