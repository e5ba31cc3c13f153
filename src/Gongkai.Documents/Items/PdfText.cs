using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Documents.Items;

/// <summary>
/// The text of a PDF, as far as its fonts say which character each code is: a font's ToUnicode map
/// (what Word, WPS, LibreOffice and browsers write for Chinese text), else single-byte codes read as
/// Latin-1. Enough to search a PDF and to find personal data in it. A scanned PDF (pictures of
/// pages) has no text and gives "": its content needs the reviewer's eye. Our own small reader:
/// the one .NET PDF library at hand (PDFsharp 6.5) is AGPL-licensed, a choice for the team to make.
/// Reads plain and compressed (FlateDecode) objects and object streams; encrypted PDFs give "".
/// </summary>
public static partial class PdfText
{
    /// <summary>The text of every page, a line per text line as the PDF positions them.</summary>
    public static string Extract(byte[] content)
    {
        var file = Encoding.Latin1.GetString(content);
        if (!file.StartsWith("%PDF-", StringComparison.Ordinal))
        {
            throw new InvalidDataException("Not a PDF file.");
        }
        var objects = ReadObjects(file);
        if (TrailerEncrypt().IsMatch(file) || objects.Values.OfType<Stream>().Any(s => s.Dictionary.ContainsKey("/Encrypt")))
        {
            return "";
        }
        var resolve = Resolver(objects);
        var text = new StringBuilder();
        var pages = objects.OrderBy(o => o.Key).Select(o => o.Value).OfType<Dictionary<string, object?>>()
            .Where(d => d.GetValueOrDefault("/Type") is Name { Value: "/Page" });
        foreach (var page in pages)
        {
            var fonts = FontsOf(ResourcesOf(page, resolve), resolve);
            var contents = resolve(page.GetValueOrDefault("/Contents")) switch
            {
                Stream s => [s],
                List<object?> list => list.Select(resolve).OfType<Stream>().ToList(),
                _ => new List<Stream>(),
            };
            foreach (var stream in contents)
            {
                if (Decoded(stream, resolve) is { } data)
                {
                    ReadText(data, fonts, text);
                }
            }
            text.Append('\n');
        }
        return BlankLines().Replace(Radicals().Replace(text.ToString(), m => m.Value.Normalize(NormalizationForm.FormKC)), "\n").Trim();
    }

    private sealed record Ref(int Number);

    private sealed record Name(string Value);

    /// <summary>A string's bytes, as characters 0–255.</summary>
    private sealed record Bytes(string Value);

    private sealed record Operator(string Value);

    private sealed record Stream(Dictionary<string, object?> Dictionary, string Raw);

    /// <summary>How a font's codes map to text (the width of a code in bytes, its characters) and how wide each glyph is, in thousandths of an em.</summary>
    private sealed record Font(int CodeBytes, IReadOnlyDictionary<int, string>? Map, IReadOnlyDictionary<int, double> Widths, double DefaultWidth);

    private static Dictionary<int, object?> ReadObjects(string file)
    {
        var objects = new Dictionary<int, object?>();
        foreach (Match m in ObjectHeader().Matches(file))
        {
            var lexer = new Lexer(file, m.Index + m.Length);
            var value = lexer.ReadValue();
            if (value is Dictionary<string, object?> dictionary && lexer.NextIsStream())
            {
                value = new Stream(dictionary, lexer.ReadStream(dictionary));
            }
            // A later revision of the same object (an incremental update) replaces the earlier one.
            if (int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var number))
            {
                objects[number] = value;
            }
        }
        foreach (var stream in objects.Values.OfType<Stream>().Where(s => s.Dictionary.GetValueOrDefault("/Type") is Name { Value: "/ObjStm" }).ToList())
        {
            if (Decoded(stream, Resolver(objects)) is not { } data
                || stream.Dictionary.GetValueOrDefault("/First") is not double first || stream.Dictionary.GetValueOrDefault("/N") is not double n)
            {
                continue;
            }
            var header = new Lexer(data, 0);
            var entries = Enumerable.Range(0, (int)n).Select(_ => (Number: header.ReadValue(), Offset: header.ReadValue())).ToList();
            foreach (var (number, offset) in entries)
            {
                if (number is double num && offset is double off && !objects.ContainsKey((int)num))
                {
                    objects[(int)num] = new Lexer(data, (int)first + (int)off).ReadValue();
                }
            }
        }
        return objects;
    }

    /// <summary>Follows an indirect reference ("12 0 R") to its object; any other value is itself.</summary>
    private static Func<object?, object?> Resolver(Dictionary<int, object?> objects) => value => value is Ref r ? objects.GetValueOrDefault(r.Number) : value;

    private static Dictionary<string, object?>? ResourcesOf(Dictionary<string, object?> page, Func<object?, object?> resolve)
    {
        // Resources are inherited from the page tree when the page has none of its own.
        for (var node = page; node is not null; node = resolve(node.GetValueOrDefault("/Parent")) as Dictionary<string, object?>)
        {
            if (resolve(node.GetValueOrDefault("/Resources")) is Dictionary<string, object?> resources)
            {
                return resources;
            }
        }
        return null;
    }

    private static Dictionary<string, Font?> FontsOf(Dictionary<string, object?>? resources, Func<object?, object?> resolve)
    {
        var fonts = new Dictionary<string, Font?>();
        if (resolve(resources?.GetValueOrDefault("/Font")) is not Dictionary<string, object?> dictionary)
        {
            return fonts;
        }
        foreach (var (name, value) in dictionary)
        {
            if (resolve(value) is not Dictionary<string, object?> font)
            {
                continue;
            }
            var (codeBytes, map) = resolve(font.GetValueOrDefault("/ToUnicode")) is Stream toUnicode && Decoded(toUnicode, resolve) is { } cmap
                ? ParseCMap(cmap)
                : (font.GetValueOrDefault("/Subtype") is Name { Value: "/Type0" } ? 2 : 1, null);
            var (widths, defaultWidth) = WidthsOf(font, resolve);
            fonts[name] = new Font(codeBytes, map, widths, defaultWidth);
        }
        return fonts;
    }

    /// <summary>
    /// Glyph widths: a composite font's /W ([first [w w …]] or [first last w]) and /DW of its
    /// descendant; a simple font's /FirstChar and /Widths. Unknown glyphs count as 500.
    /// </summary>
    private static (Dictionary<int, double> Widths, double Default) WidthsOf(Dictionary<string, object?> font, Func<object?, object?> resolve)
    {
        var widths = new Dictionary<int, double>();
        if (resolve(font.GetValueOrDefault("/DescendantFonts")) is List<object?> descendants && descendants.Count > 0
            && resolve(descendants[0]) is Dictionary<string, object?> cid)
        {
            var w = (resolve(cid.GetValueOrDefault("/W")) as List<object?> ?? []).Select(resolve).ToList();
            for (var i = 0; i + 1 < w.Count;)
            {
                if (w[i] is double first && resolve(w[i + 1]) is List<object?> each)
                {
                    for (var k = 0; k < each.Count; k++)
                    {
                        widths[(int)first + k] = resolve(each[k]) as double? ?? 500;
                    }
                    i += 2;
                }
                else if (i + 2 < w.Count && w[i] is double from && w[i + 1] is double to && w[i + 2] is double width && to - from < 0x10000)
                {
                    for (var code = (int)from; code <= (int)to; code++)
                    {
                        widths[code] = width;
                    }
                    i += 3;
                }
                else
                {
                    break;
                }
            }
            return (widths, resolve(cid.GetValueOrDefault("/DW")) as double? ?? 1000);
        }
        if (resolve(font.GetValueOrDefault("/FirstChar")) is double firstChar && resolve(font.GetValueOrDefault("/Widths")) is List<object?> simple)
        {
            for (var k = 0; k < simple.Count; k++)
            {
                widths[(int)firstChar + k] = resolve(simple[k]) as double? ?? 500;
            }
        }
        return (widths, 500);
    }

    private static string? Decoded(Stream stream, Func<object?, object?> resolve)
    {
        var filter = resolve(stream.Dictionary.GetValueOrDefault("/Filter"));
        var filters = filter switch
        {
            Name n => [n.Value],
            List<object?> list => list.Select(resolve).OfType<Name>().Select(n => n.Value).ToList(),
            _ => new List<string>(),
        };
        var data = Encoding.Latin1.GetBytes(stream.Raw);
        foreach (var f in filters)
        {
            if (f is not ("/FlateDecode" or "/Fl"))
            {
                return null;
            }
            try
            {
                using var inflated = new MemoryStream();
                using (var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress))
                {
                    zlib.CopyTo(inflated);
                }
                data = inflated.ToArray();
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // A damaged stream (ZLibException is an IOException): its text is lost, the rest reads.
                return null;
            }
        }
        return Encoding.Latin1.GetString(data);
    }

    /// <summary>
    /// Appends the text shown by a content stream. Producers place each run of a line separately
    /// (LibreOffice a run per script, browsers a glyph or a cell at a time): a run at another height
    /// starts a new line; a run that starts more than 0.3 em after the previous one ended (by the
    /// font's glyph widths) is a new word or cell and gets a space; closer runs join (the ¼ em that
    /// LibreOffice leaves between Chinese and digits included), so 白沙镇 + 2026 + 年 reads
    /// 白沙镇2026年 and a table's ID number does not run into the next cell's digits.
    /// </summary>
    private static void ReadText(string content, Dictionary<string, Font?> fonts, StringBuilder text)
    {
        var lexer = new Lexer(content, 0);
        var operands = new List<object?>();
        Font? font = null;
        // The start of the current line (Td moves from there) and where the next glyph goes.
        double lineX = 0, x = 0, y = 0, xScale = 1, yScale = 1, size = 10;
        (double Y, double End)? last = null;
        void Show(IReadOnlyList<Bytes> strings)
        {
            var shown = string.Concat(strings.Select(s => Decode(font, s)));
            if (last is { } previous)
            {
                if (Math.Abs(previous.Y - y) > 0.5)
                {
                    text.Append('\n');
                }
                else if (x > previous.End + 0.3 * size * xScale)
                {
                    text.Append(' ');
                }
            }
            var width = strings.Sum(s => Codes(font, s).Sum(code => font?.Widths.GetValueOrDefault(code, font.DefaultWidth) ?? 500)) / 1000 * size * xScale;
            last = (y, x + width);
            x += width;
            text.Append(shown);
        }
        while (!lexer.AtEnd)
        {
            var token = lexer.ReadValue(allowOperators: true);
            if (token is not Operator op)
            {
                operands.Add(token);
                continue;
            }
            switch (op.Value)
            {
                case "BT":
                    (lineX, x, y, xScale, yScale) = (0, 0, 0, 1, 1);
                    break;
                case "Tf" when operands.Count > 1 && operands[0] is Name name && operands[1] is double points:
                    (font, size) = (fonts.GetValueOrDefault(name.Value), points);
                    break;
                case "Tm" when operands.Count == 6 && operands[0] is double a && operands[3] is double d && operands[4] is double e && operands[5] is double f:
                    (lineX, x, y, xScale, yScale) = (e, e, f, a == 0 ? 1 : a, d == 0 ? 1 : d);
                    break;
                case "Td" or "TD" when operands.Count == 2 && operands[0] is double tx && operands[1] is double ty:
                    (lineX, y) = (lineX + tx * xScale, y + ty * yScale);
                    x = lineX;
                    break;
                case "T*":
                    (x, y) = (lineX, y - size * yScale);
                    break;
                case "Tj" when operands.Count > 0 && operands[^1] is Bytes s:
                    Show([s]);
                    break;
                case "'" or "\"" when operands.Count > 0 && operands[^1] is Bytes s:
                    (x, y) = (lineX, y - size * yScale);
                    Show([s]);
                    break;
                case "TJ" when operands.Count > 0 && operands[0] is List<object?> array:
                    Show(array.OfType<Bytes>().ToList());
                    break;
                case "BI":
                    lexer.SkipInlineImage();
                    break;
            }
            operands.Clear();
        }
        text.Append('\n');
    }

    /// <summary>The codes of a shown string: one or two bytes each, as the font says.</summary>
    private static IEnumerable<int> Codes(Font? font, Bytes s)
    {
        var width = font?.CodeBytes ?? 1;
        for (var i = 0; i + width <= s.Value.Length; i += width)
        {
            yield return width == 1 ? s.Value[i] : (s.Value[i] << 8) | s.Value[i + 1];
        }
    }

    private static string Decode(Font? font, Bytes s) => font?.Map is not { } map
        ? s.Value
        : string.Concat(Codes(font, s).Select(code => map.GetValueOrDefault(code, "")));

    /// <summary>A ToUnicode CMap's codespace width and its bfchar and bfrange entries.</summary>
    private static (int CodeBytes, Dictionary<int, string> Map) ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        var space = CodeSpace().Match(cmap);
        var codeBytes = space.Success ? Math.Clamp(space.Groups[1].Value.Length / 2, 1, 2) : 2;
        foreach (Match block in CharBlocks().Matches(cmap))
        {
            foreach (Match entry in CharEntry().Matches(block.Groups[1].Value))
            {
                map[Hex(entry.Groups[1].Value)] = Utf16(entry.Groups[2].Value);
            }
        }
        foreach (Match block in RangeBlocks().Matches(cmap))
        {
            foreach (Match entry in RangeEntry().Matches(block.Groups[1].Value))
            {
                var (low, high) = (Hex(entry.Groups[1].Value), Hex(entry.Groups[2].Value));
                if (high < low || high - low > 0xFFFF)
                {
                    continue;
                }
                if (entry.Groups[3].Success)
                {
                    var first = Utf16(entry.Groups[3].Value);
                    for (var code = low; code <= high && first.Length > 0; code++)
                    {
                        // The last UTF-16 unit counts up through the range.
                        map[code] = first[..^1] + (char)(first[^1] + code - low);
                    }
                }
                else
                {
                    var targets = HexString().Matches(entry.Groups[4].Value).Select(m => Utf16(m.Groups[1].Value)).ToList();
                    for (var code = low; code <= high && code - low < targets.Count; code++)
                    {
                        map[code] = targets[code - low];
                    }
                }
            }
        }
        return (codeBytes, map);
    }

    /// <summary>A hex number; codes and UTF-16 units are at most four bytes, anything longer reads as 0.</summary>
    private static int Hex(string hex) => int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string Utf16(string hex)
    {
        if (hex.Length < 4)
        {
            return hex.Length == 0 ? "" : ((char)Hex(hex)).ToString();
        }
        var units = new StringBuilder();
        for (var i = 0; i + 4 <= hex.Length; i += 4)
        {
            units.Append((char)Hex(hex.Substring(i, 4)));
        }
        return units.ToString();
    }

    /// <summary>Reads PDF values (objects and content streams) from a Latin-1 view of the bytes.</summary>
    private sealed class Lexer(string s, int position)
    {
        private int _i = Math.Clamp(position, 0, s.Length);

        public bool AtEnd => _i >= s.Length;

        public object? ReadValue(bool allowOperators = false)
        {
            SkipSpace();
            if (AtEnd)
            {
                return null;
            }
            var c = s[_i];
            switch (c)
            {
                case '/':
                    return new Name(ReadRegular(1));
                case '(':
                    return new Bytes(ReadLiteral());
                case '<' when _i + 1 < s.Length && s[_i + 1] == '<':
                    return ReadDictionary();
                case '<':
                    return new Bytes(ReadHex());
                case '[':
                    _i++;
                    var list = new List<object?>();
                    while (true)
                    {
                        SkipSpace();
                        if (AtEnd || s[_i] == ']')
                        {
                            _i++;
                            return list;
                        }
                        list.Add(ReadValue(allowOperators));
                    }
                case ']' or '>' or ')' or '{' or '}':
                    _i++;
                    return allowOperators ? new Operator(c.ToString()) : null;
            }
            var word = ReadRegular(0);
            if (word.Length == 0)
            {
                _i++;
                return null;
            }
            if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                // "12 0 R" is a reference; in content streams there are none.
                var save = _i;
                if (!allowOperators && ReadRegular(0, skipSpace: true) is var generation && int.TryParse(generation, out _)
                    && ReadRegular(0, skipSpace: true) == "R")
                {
                    return new Ref((int)number);
                }
                _i = save;
                return number;
            }
            return word switch
            {
                "true" => true,
                "false" => false,
                "null" => null,
                _ => allowOperators ? new Operator(word) : null,
            };
        }

        public bool NextIsStream()
        {
            SkipSpace();
            return !AtEnd && s.AsSpan(_i).StartsWith("stream", StringComparison.Ordinal);
        }

        public string ReadStream(Dictionary<string, object?> dictionary)
        {
            _i = Math.Min(_i + 6, s.Length);
            if (_i < s.Length && s[_i] == '\r')
            {
                _i++;
            }
            if (_i < s.Length && s[_i] == '\n')
            {
                _i++;
            }
            if (dictionary.GetValueOrDefault("/Length") is double length && length >= 0 && _i + length <= s.Length
                && s.AsSpan(_i + (int)length).TrimStart("\r\n ").StartsWith("endstream"))
            {
                return s.Substring(_i, (int)length);
            }
            var end = s.IndexOf("endstream", _i, StringComparison.Ordinal);
            return end < 0 ? "" : s[_i..end].TrimEnd('\r', '\n');
        }

        public void SkipInlineImage()
        {
            var data = s.IndexOf("ID", _i, StringComparison.Ordinal);
            var end = data < 0 ? -1 : s.IndexOf("EI", data + 2, StringComparison.Ordinal);
            _i = end < 0 ? s.Length : Math.Min(end + 2, s.Length);
        }

        private Dictionary<string, object?> ReadDictionary()
        {
            _i += 2;
            var dictionary = new Dictionary<string, object?>();
            while (true)
            {
                SkipSpace();
                if (AtEnd || (s[_i] == '>' && _i + 1 < s.Length && s[_i + 1] == '>'))
                {
                    _i = Math.Min(_i + 2, s.Length);
                    return dictionary;
                }
                if (ReadValue() is Name key)
                {
                    dictionary[key.Value] = ReadValue();
                }
            }
        }

        private string ReadRegular(int start, bool skipSpace = false)
        {
            if (skipSpace)
            {
                SkipSpace();
            }
            var from = _i;
            _i = Math.Min(_i + start, s.Length);
            while (!AtEnd && !char.IsWhiteSpace(s[_i]) && "()<>[]{}/%".IndexOf(s[_i]) < 0)
            {
                _i++;
            }
            return s[from.._i];
        }

        private string ReadLiteral()
        {
            var value = new StringBuilder();
            var depth = 0;
            _i++;
            while (!AtEnd)
            {
                var c = s[_i++];
                if (c == '\\' && !AtEnd)
                {
                    var e = s[_i++];
                    switch (e)
                    {
                        case 'n': value.Append('\n'); break;
                        case 'r': value.Append('\r'); break;
                        case 't': value.Append('\t'); break;
                        case 'b': value.Append('\b'); break;
                        case 'f': value.Append('\f'); break;
                        case '\r': if (!AtEnd && s[_i] == '\n') { _i++; } break;
                        case '\n': break;
                        case >= '0' and <= '7':
                            var octal = e - '0';
                            for (var k = 0; k < 2 && !AtEnd && s[_i] is >= '0' and <= '7'; k++)
                            {
                                octal = octal * 8 + (s[_i++] - '0');
                            }
                            value.Append((char)(octal & 0xFF));
                            break;
                        default: value.Append(e); break;
                    }
                    continue;
                }
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && depth-- == 0)
                {
                    break;
                }
                value.Append(c);
            }
            return value.ToString();
        }

        private string ReadHex()
        {
            var end = s.IndexOf('>', _i);
            end = end < 0 ? s.Length : end;
            var digits = new string(s[(_i + 1)..end].Where(Uri.IsHexDigit).ToArray());
            _i = Math.Min(end + 1, s.Length);
            if (digits.Length % 2 == 1)
            {
                digits += "0";
            }
            var value = new StringBuilder();
            for (var k = 0; k < digits.Length; k += 2)
            {
                value.Append((char)Hex(digits.Substring(k, 2)));
            }
            return value.ToString();
        }

        private void SkipSpace()
        {
            while (!AtEnd)
            {
                if (char.IsWhiteSpace(s[_i]) || s[_i] == '\0')
                {
                    _i++;
                }
                else if (s[_i] == '%')
                {
                    while (!AtEnd && s[_i] is not ('\n' or '\r'))
                    {
                        _i++;
                    }
                }
                else
                {
                    return;
                }
            }
        }
    }

    [GeneratedRegex(@"(\d+)\s+\d+\s+obj\b")]
    private static partial Regex ObjectHeader();

    [GeneratedRegex(@"trailer\s*<<[^>]*/Encrypt")]
    private static partial Regex TrailerEncrypt();

    [GeneratedRegex(@"begincodespacerange\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex CodeSpace();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex CharBlocks();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")]
    private static partial Regex CharEntry();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex RangeBlocks();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]*)>|\[([^\]]*)\])")]
    private static partial Regex RangeEntry();

    [GeneratedRegex(@"<([0-9A-Fa-f]*)>")]
    private static partial Regex HexString();

    /// <summary>
    /// Kangxi and supplementary radicals: some CJK fonts map a glyph to the radical (⽯, U+2F6F)
    /// rather than the ideograph it looks like (石); compatibility normalization gives the ideograph.
    /// </summary>
    [GeneratedRegex(@"[\u2E80-\u2EFF\u2F00-\u2FDF]")]
    private static partial Regex Radicals();

    [GeneratedRegex(@"\n\s*\n+")]
    private static partial Regex BlankLines();
}
