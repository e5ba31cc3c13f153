using System.Text;

namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// Text as a reader means it, whatever glyphs a PDF's fonts name: NFKC folds full-width forms and
/// the Kangxi radicals (Noto CJK maps 石 to ⽯), and the radicals of the CJK Radicals Supplement
/// that fonts use for simplified characters (⺠ 民, ⻝ 食, ⻔ 门 …) become those characters, as
/// Unicode's EquivalentUnifiedIdeograph.txt gives them. 戶 is read 户: a Japanese glyph a browser
/// substitutes in simplified text.
/// </summary>
public static class GlyphFold
{
    private static readonly Dictionary<char, char> Supplement = new()
    {
        ['⺟'] = '母', ['⺠'] = '民', ['⻄'] = '西', ['⻅'] = '见', ['⻆'] = '角', ['⻉'] = '贝', ['⻋'] = '车',
        ['⻑'] = '長', ['⻓'] = '长', ['⻔'] = '门', ['⻗'] = '雨', ['⻘'] = '青', ['⻙'] = '韦', ['⻚'] = '页',
        ['⻛'] = '风', ['⻜'] = '飞', ['⻝'] = '食', ['⻢'] = '马', ['⻣'] = '骨', ['⻤'] = '鬼', ['⻥'] = '鱼',
        ['⻦'] = '鸟', ['⻨'] = '麦', ['⻩'] = '黄', ['⻬'] = '齐', ['⻮'] = '齿', ['⻰'] = '龙', ['⻳'] = '龟',
        ['戶'] = '户',
    };

    public static string Fold(string text)
    {
        var folded = Text.Nfkc.Normalize(text);
        if (!folded.Any(Supplement.ContainsKey))
        {
            return folded;
        }
        return string.Create(folded.Length, folded, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Supplement.TryGetValue(source[i], out var c) ? c : source[i];
            }
        });
    }
}
