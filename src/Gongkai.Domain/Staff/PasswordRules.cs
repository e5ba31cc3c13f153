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

    /// <summary>How many earlier passwords may not be used again.</summary>
    public const int History = 5;

    /// <summary>The default of <c>Passwords:MaxAgeDays</c>: a password is changed at least every 90 days.</summary>
    public const int DefaultMaxAgeDays = 90;

    /// <summary>
    /// Whether the owner must set a new password before doing anything else: one set by an
    /// administrator (a new account, a reset) or one older than <paramref name="maxAgeDays"/>. A
    /// password whose age is unknown (set before ages were kept) starts counting at the sign-in.
    /// </summary>
    public static bool MustChange(bool setByAdministrator, DateTime? changedUtc, DateTime nowUtc, int maxAgeDays) =>
        setByAdministrator || changedUtc is { } changed && nowUtc - changed > TimeSpan.FromDays(maxAgeDays);

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
