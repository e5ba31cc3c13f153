using System.Text.RegularExpressions;

namespace Gongkai.Domain.Staff;

/// <summary>What a staff user name must look like: it is typed at every sign-in and shown in the audit log.</summary>
public static partial class UserNameRules
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,31}$")]
    private static partial Regex Pattern();

    /// <summary>Lower-cases and trims; user names compare without regard to case.</summary>
    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    public static string? Problem(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return "请填写用户名。";
        }
        return Pattern().IsMatch(Normalize(userName))
            ? null
            : "用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母或数字开头。";
    }
}
