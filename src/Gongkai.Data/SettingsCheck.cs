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
        ["ConnectionStrings"] = ["Default"],
        ["Demo"] = ["SeedOnEmptyDatabase", "Applications"],
        ["Uploads"] = ["MaxNesting", "MaxDecompressedMegabytes", "MaxCharacters", "TimeSeconds"],
        ["Site"] = ["PublicUrl", "TrustedProxies"],
    };

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
