using Microsoft.Extensions.Configuration;

namespace Gongkai.Data;

/// <summary>
/// Refuses settings Gongkai does not know inside its own sections, so that a misspelt key
/// (Database:Provder) stops start-up instead of being silently ignored.
/// </summary>
public static class SettingsCheck
{
    private static readonly Dictionary<string, string[]> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Database"] = ["Provider"],
        ["ConnectionStrings"] = ["Default", "ReadOnly"],
        ["Demo"] = ["SeedOnEmptyDatabase", "Applications", "StaffMail"],
        ["Uploads"] = ["MaxNesting", "MaxDecompressedMegabytes", "MaxCharacters", "TimeSeconds", "ConcurrentParses", "PdfWorker", "PdfWorkerMegabytes", "PdfWorkers"],
        ["Site"] = ["PublicUrl", "TrustedProxies", "Name", "Sponsor", "SiteCode", "Icp", "Contact", "Operator", "PoliceRecord", "GovBadgeLink"],
        ["RateLimits"] = ["SignInsPerMinute", "SubmissionsPerMinute", "FormReadsPerMinute", "ParsesPerMinute", "SubmissionsPerAddressPerMinute"],
        ["Mail"] = Mail.MailSettings.Keys,
        ["Jobs"] = ["RemindersAt", "Enabled"],
        ["Session"] = ["IdleMinutes", "AbsoluteHours"],
        ["Passwords"] = ["MaxAgeDays"],
        ["PersonalData"] = ["KeyFile"],
        ["TwoFactor"] = ["Required"],
    };

    /// <summary>A whole number above zero at <c>section:key</c>, or <paramref name="fallback"/> when it is not set.</summary>
    /// <param name="meaning">What the setting is, in Chinese, for the message.</param>
    public static int PositiveInt(IConfigurationSection section, string key, int fallback, string meaning) => section[key] is not { } text ? fallback
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new SettingsException($"{section.Path}:{key} = '{text}' must be a positive whole number. （{meaning} {section.Path}:{key} 应为正整数）");

    /// <summary>true or false at <c>section:key</c>, or <paramref name="fallback"/> when it is not set.</summary>
    public static bool Bool(IConfigurationSection section, string key, bool fallback) => section[key] is not { } text ? fallback
        : bool.TryParse(text, out var value) ? value
        : throw new SettingsException($"{section.Path}:{key} = '{text}' must be true or false. （{section.Path}:{key} 应为 true 或 false）");

    public static void ThrowOnUnknown(IConfiguration configuration)
    {
        foreach (var (section, keys) in Known)
        {
            foreach (var child in configuration.GetSection(section).GetChildren())
            {
                if (!keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    throw new SettingsException(
                        $"Unknown setting '{section}:{child.Key}'. Known settings in '{section}': {string.Join(", ", keys)}. （未知的设置项 {section}:{child.Key}）");
                }
            }
        }
    }
}
