using Gongkai.Documents.Files;

namespace Gongkai.Web.Infrastructure;

/// <summary>The limits every reader of uploaded files works within (<c>Uploads:*</c> settings; the defaults suit annual reports and notices).</summary>
public static class UploadLimits
{
    public static ReadLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Uploads");
        int Positive(string key, int fallback) => section[key] is not { } text ? fallback
            : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value
            : throw new Gongkai.Data.SettingsException($"Uploads:{key} = '{text}' must be a positive whole number. （上传文件限制 Uploads:{key} 应为正整数）");
        var defaults = ReadLimits.Default;
        return new ReadLimits(
            Positive("MaxNesting", defaults.MaxNesting),
            (long)Positive("MaxDecompressedMegabytes", (int)(defaults.MaxDecompressedBytes >> 20)) << 20,
            Positive("MaxCharacters", defaults.MaxCharacters),
            TimeSpan.FromSeconds(Positive("TimeSeconds", (int)defaults.Budget.TotalSeconds)));
    }
}
