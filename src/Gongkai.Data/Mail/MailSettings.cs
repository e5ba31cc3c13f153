using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Gongkai.Data.Mail;

public enum MailDelivery
{
    /// <summary>Each mail is written as an .eml file to <see cref="MailSettings.Folder"/>: the two-command demo sends nothing.</summary>
    Folder,
    Smtp,
}

/// <summary>
/// How mail leaves: the <c>Mail</c> section. Off the network by default (a folder of .eml files);
/// SMTP when configured, and then complete: a host and a sender, a password with a user.
/// </summary>
public sealed record MailSettings(
    MailDelivery Delivery,
    string Folder,
    string? Host,
    int Port,
    SecureSocketOptions Security,
    string? User,
    string? Password,
    MailboxAddress From,
    int MaxAttempts,
    TimeSpan RetryAfter,
    TimeSpan SendInterval)
{
    public const string DefaultFolder = "App_Data/mail";

    public static readonly string[] Keys =
        ["Delivery", "Folder", "Host", "Port", "Security", "User", "Password", "From", "FromName", "MaxAttempts", "RetrySeconds", "SendIntervalSeconds"];

    /// <param name="baseDirectory">Where a relative folder is resolved from.</param>
    public static MailSettings Read(IConfiguration configuration, string baseDirectory)
    {
        var s = configuration.GetSection("Mail");
        var delivery = (s["Delivery"] ?? "Folder").Trim().ToLowerInvariant() switch
        {
            "folder" => MailDelivery.Folder,
            "smtp" => MailDelivery.Smtp,
            var other => throw new SettingsException($"Mail:Delivery = '{other}' is not known; valid values: Folder, Smtp. （邮件发送方式 Mail:Delivery 应为 Folder 或 Smtp）"),
        };
        var security = (s["Security"] ?? "StartTls").Trim().ToLowerInvariant() switch
        {
            "starttls" => SecureSocketOptions.StartTls,
            "sslonconnect" or "ssl" => SecureSocketOptions.SslOnConnect,
            "auto" => SecureSocketOptions.Auto,
            "none" => SecureSocketOptions.None,
            var other => throw new SettingsException($"Mail:Security = '{other}' is not known; valid values: StartTls, SslOnConnect, Auto, None. （Mail:Security 设置无效）"),
        };
        var host = Blank(s["Host"]);
        var user = Blank(s["User"]);
        var password = s["Password"];
        var fromText = Blank(s["From"]);
        if (delivery == MailDelivery.Smtp)
        {
            if (host is null)
            {
                throw new SettingsException("Mail:Host is required when Mail:Delivery = Smtp. （使用 SMTP 发信时必须设置邮件服务器 Mail:Host）");
            }
            if (fromText is null)
            {
                throw new SettingsException("Mail:From is required when Mail:Delivery = Smtp. （使用 SMTP 发信时必须设置发件地址 Mail:From）");
            }
        }
        if (user is not null && string.IsNullOrEmpty(password))
        {
            throw new SettingsException("Mail:Password is required when Mail:User is set. （设置了 Mail:User 时必须同时设置 Mail:Password）");
        }
        if (!MailboxAddress.TryParse(fromText ?? "noreply@gongkai.invalid", out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new SettingsException($"Mail:From = '{fromText}' is not a mail address. （发件地址 Mail:From 不是有效的邮件地址）");
        }
        from.Name = Blank(s["FromName"]) ?? "政府信息公开";
        var folder = Blank(s["Folder"]) ?? DefaultFolder;
        return new MailSettings(
            delivery,
            Path.IsPathRooted(folder) ? folder : Path.GetFullPath(Path.Combine(baseDirectory, folder)),
            host,
            SettingsCheck.PositiveInt(s, "Port", security == SecureSocketOptions.SslOnConnect ? 465 : 587, "邮件服务器端口"),
            security,
            user,
            password,
            from,
            SettingsCheck.PositiveInt(s, "MaxAttempts", 12, "邮件最多尝试次数"),
            TimeSpan.FromSeconds(SettingsCheck.PositiveInt(s, "RetrySeconds", 60, "邮件首次重试间隔（秒）")),
            TimeSpan.FromSeconds(SettingsCheck.PositiveInt(s, "SendIntervalSeconds", 15, "发件箱检查间隔（秒）")));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// When to try again after <paramref name="attempts"/> failed tries: the first retry after
    /// <see cref="RetryAfter"/>, then twice as long each time, at most six hours apart — a mail
    /// server down for a weekend is tried a few times an hour, not thousands of times.
    /// </summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(RetryAfter.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1)), TimeSpan.FromHours(6).TotalSeconds));
}
