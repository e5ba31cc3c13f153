using System.Text;

namespace Gongkai.Domain.Text;

/// <summary>
/// Unicode compatibility normalisation (NFKC), as <see cref="string.Normalize(NormalizationForm)"/>
/// gives it, without the call into ICU for the text Chinese reports are made of: ASCII, the CJK
/// ideographs and CJK punctuation stay as they are, full-width forms (（，：１２) become their ASCII
/// letters and the ideographic space a space. Those are the NFKC mappings of exactly these
/// characters (tested against ICU character by character), and none of them combines with its
/// neighbour, so the text is normalised a character at a time. Any other character sends the
/// whole text to ICU. Parsing a report normalises every label and paragraph; through ICU that was
/// a quarter of the import's time (issue 13). ICU refuses U+FFFE and a lone surrogate with an
/// exception (an uploaded web page with &amp;#xFFFE; escaped the importer so): they become U+FFFD.
/// </summary>
public static class Nfkc
{
    /// <summary>
    /// The text normalised (NFKC: a full-width ２０１７ is still a year) and run together: PDFs and
    /// web pages break lines and space out characters anywhere.
    /// </summary>
    public static string Collapse(string s)
    {
        var text = Normalize(s);
        var first = 0;
        while (first < text.Length && !char.IsWhiteSpace(text[first]))
        {
            first++;
        }
        if (first == text.Length)
        {
            return text;
        }
        var kept = new System.Text.StringBuilder(text.Length).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (!char.IsWhiteSpace(c))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    public static string Normalize(string text)
    {
        var changes = false;
        foreach (var c in text)
        {
            if (IsFullWidth(c) || c == '\u3000')
            {
                changes = true;
            }
            else if (!IsStable(c))
            {
                return Icu(text);
            }
        }
        return !changes ? text : string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = IsFullWidth(c) ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            }
        });
    }

    private static string Icu(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            var valid = text.ToCharArray();
            for (var i = 0; i < valid.Length; i++)
            {
                if (char.IsHighSurrogate(valid[i]) && i + 1 < valid.Length && char.IsLowSurrogate(valid[i + 1]))
                {
                    i++;
                }
                else if (valid[i] == '\uFFFE' || char.IsSurrogate(valid[i]))
                {
                    valid[i] = '\uFFFD';
                }
            }
            return new string(valid).Normalize(NormalizationForm.FormKC);
        }
    }

    /// <summary>FF01–FF5E: the full-width forms of ASCII ! to ~.</summary>
    private static bool IsFullWidth(char c) => c is >= '\uFF01' and <= '\uFF5E';

    /// <summary>Characters NFKC leaves as they are, and that nothing before or after them combines with.</summary>
    private static bool IsStable(char c) => c switch
    {
        '\t' or '\n' or '\r' => true,
        >= '\u0020' and <= '\u007E' => true,
        >= '\u4E00' and <= '\u9FFF' => true, // CJK Unified Ideographs (the compatibility ideographs F900– are not)
        >= '\u3001' and <= '\u3011' => true, // 、。〃〄々〆〇〈〉《》「」『』【】
        >= '\u3014' and <= '\u301B' => true, // 〔〕〖〗〘〙〚〛
        '\u00B7' or '\u00D7' or '\u2014' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2030' or '\u25CB' or '\u25A1' or '\u2605' => true, // ·×—‘’“”‰○□★
        _ => false,
    };
}
