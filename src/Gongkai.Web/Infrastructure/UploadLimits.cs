using Gongkai.Documents.Files;

namespace Gongkai.Web.Infrastructure;

/// <summary>The limits every reader of uploaded files works within (<c>Uploads:*</c> settings; the defaults suit annual reports and notices).</summary>
public static class UploadLimits
{
    public static ReadLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Uploads");
        int Positive(string key, int fallback) => Gongkai.Data.SettingsCheck.PositiveInt(section, key, fallback, "上传文件限制");
        var defaults = ReadLimits.Default;
        return new ReadLimits(
            Positive("MaxNesting", defaults.MaxNesting),
            (long)Positive("MaxDecompressedMegabytes", (int)(defaults.MaxDecompressedBytes >> 20)) << 20,
            Positive("MaxCharacters", defaults.MaxCharacters),
            TimeSpan.FromSeconds(Positive("TimeSeconds", (int)defaults.Budget.TotalSeconds)));
    }
}
