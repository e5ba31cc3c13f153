namespace Gongkai.Domain.Reports.Import;

/// <summary>
/// One parse compares the same printed cells with every format: their normalised form and whether
/// they are numbers are worked out once.
/// </summary>
internal sealed class TextMemo
{
    private readonly Dictionary<string, string> _normalized = new();
    private readonly Dictionary<string, bool> _numbers = new();

    public string Normalize(string text)
    {
        if (!_normalized.TryGetValue(text, out var normalized))
        {
            _normalized[text] = normalized = LabelText.Normalize(text);
        }
        return normalized;
    }

    public bool IsNumber(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }
        if (!_numbers.TryGetValue(text, out var number))
        {
            _numbers[text] = number = CellText.Parse(text, ValueKind.SignedCount).Value is not null;
        }
        return number;
    }
}
