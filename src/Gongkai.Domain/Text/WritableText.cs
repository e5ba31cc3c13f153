namespace Gongkai.Domain.Text;

/// <summary>
/// Text that can be written into every document Gongkai makes: XML 1.0 (DOCX, XLSX, HTML) forbids
/// the control characters other than tab, line feed and carriage return, and a lone surrogate. A
/// citizen's name with \x0B in it would otherwise break the reply letter for ever; Word itself
/// puts \x0B in text for Shift+Enter.
/// </summary>
public static class WritableText
{
    public static bool IsWritable(char c) => c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uFFFD' && !char.IsSurrogate(c));

    /// <summary>Where the first character that cannot be written is, or -1 (a valid surrogate pair is writable).</summary>
    public static int FirstUnwritable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsWritable(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The text without the characters that cannot be written; a vertical tab or form feed becomes a line break, as Word meant it.</summary>
    public static string Clean(string text)
    {
        if (FirstUnwritable(text) < 0)
        {
            return text;
        }
        var clean = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (c is '\v' or '\f')
            {
                clean.Append('\n');
            }
            else if (IsWritable(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }
}
