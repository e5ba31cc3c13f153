using System.Text.RegularExpressions;

namespace Gongkai.Domain.Agencies;

/// <summary>
/// What an agency's own fields must look like, for every front end that takes them (the console
/// form, <c>gongkai setup</c>, an import): the short code is the portal's address
/// (/agency/{code}) and the start of index numbers, so it stays plain lowercase ASCII.
/// </summary>
public static partial class AgencyRules
{
    public const string ShortCodePattern = "^[a-z0-9][a-z0-9-]{1,31}$";
    public const string ShortCodeMessage = "简码为 2–32 位小写字母、数字或连字符。";
    public const string PhonePattern = "^[0-9+()（）\\- ]{5,30}$";
    public const int NameLength = 100;
    public const string IndexCodePattern = "^[0-9A-Za-z-]{2,30}$";
    public const string IndexCodeMessage = "机构代码为 2–30 位字母、数字或连字符（如统一社会信用代码）。";

    public static bool IsShortCode(string? code) => code is not null && ShortCode().IsMatch(code);

    public static bool IsPhone(string? phone) => phone is not null && Phone().IsMatch(phone);

    public static bool IsIndexCode(string? code) => code is not null && IndexCode().IsMatch(code);

    /// <summary>A kind by its label (人民政府, 政府部门, 街道办事处, 其他机关) or its code.</summary>
    public static AgencyKind? KindOf(string? text) => Text.Labels.Parse<AgencyKind>(text, k => k.Label());

    /// <summary>A level by its label (省级, 市级, 县级, 乡级) or its code.</summary>
    public static AgencyLevel? LevelOf(string? text) => Text.Labels.Parse<AgencyLevel>(text, l => l.Label());

    [GeneratedRegex(ShortCodePattern)]
    private static partial Regex ShortCode();

    [GeneratedRegex(IndexCodePattern)]
    private static partial Regex IndexCode();

    [GeneratedRegex(PhonePattern)]
    private static partial Regex Phone();
}
