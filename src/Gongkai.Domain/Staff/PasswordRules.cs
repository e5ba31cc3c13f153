namespace Gongkai.Domain.Staff;

/// <summary>What a staff password must be. Messages are shown to staff as they are.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 8;

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
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            return "密码须同时包含字母和数字。";
        }
        if (userName is not null && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return "密码不能包含用户名。";
        }
        return null;
    }
}
