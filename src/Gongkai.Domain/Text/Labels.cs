namespace Gongkai.Domain.Text;

/// <summary>
/// A value typed by a person — on the command line, in a spreadsheet cell — read by its Chinese
/// label, the start of it when only one label starts so (邮寄 for 邮寄（需签收）), or its code name.
/// One rule for every front end that takes one.
/// </summary>
public static class Labels
{
    public static T? Parse<T>(string? text, Func<T, string> label) where T : struct, Enum
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return null;
        }
        var matches = Enum.GetValues<T>().Where(v => label(v) == value || v.ToString().Equals(value, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
        {
            matches = Enum.GetValues<T>().Where(v => label(v).StartsWith(value, StringComparison.Ordinal)).ToList();
        }
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>Every label, for a message that lists the choices.</summary>
    public static string Choices<T>(Func<T, string> label) where T : struct, Enum => string.Join("、", Enum.GetValues<T>().Select(label));
}
