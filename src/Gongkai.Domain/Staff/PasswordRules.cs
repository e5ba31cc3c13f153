namespace Gongkai.Domain.Staff;

/// <summary>
/// What a staff password must be (GB/T 22239-2019 level 3, 身份鉴别: "口令具有复杂度要求"): at least
/// <see cref="MinimumLength"/> characters of at least three of the four kinds (capital letters,
/// small letters, digits, other characters), not containing the user name. Messages are shown to
/// staff as they are.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 10;

    public const int KindsRequired = 3;

    /// <summary>The problem with the password in Chinese, or null when it is acceptable.</summary>
    public static string? Problem(string? password, string? userName = null)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "请填写密码。";
        }
        if (password.Length < MinimumLength)
        {
            return $"密码至少 {MinimumLength} 位。";
        }
        if (Kinds(password) < KindsRequired)
        {
            return "密码须包含大写字母、小写字母、数字和其他符号中的至少三种。";
        }
        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return "密码不能包含用户名。";
        }
        return null;
    }

    /// <summary>How many of the four kinds of character the password has.</summary>
    public static int Kinds(string password) =>
        (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsDigit) ? 1 : 0)
        + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
}
