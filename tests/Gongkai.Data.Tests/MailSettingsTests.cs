using Gongkai.Data.Mail;
using MailKit.Security;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Data.Tests;

public sealed class MailSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void ByDefault_MailGoesToAFolderUnderTheContentRoot_NotToTheNetwork()
    {
        var settings = MailSettings.Read(Config(), "/srv/gongkai");
        Assert.Equal(MailDelivery.Folder, settings.Delivery);
        Assert.Equal("/srv/gongkai/App_Data/mail", settings.Folder);
    }

    [Theory]
    [InlineData("Mail:Host", "Mail:Delivery", "Smtp", "Mail:From", "gk@example.gov.cn")]
    [InlineData("Mail:From", "Mail:Delivery", "Smtp", "Mail:Host", "smtp.example.gov.cn")]
    [InlineData("Mail:Password", "Mail:User", "gk", "Mail:Host", "smtp.example.gov.cn")]
    [InlineData("Mail:Delivery", "Mail:Delivery", "Pigeon", "Mail:Host", "x")]
    [InlineData("Mail:Security", "Mail:Security", "Tls2", "Mail:Host", "x")]
    [InlineData("Mail:Port", "Mail:Port", "smtp", "Mail:Host", "x")]
    [InlineData("Mail:From", "Mail:From", "not an address", "Mail:Host", "x")]
    public void AnIncompleteOrWrongMailSetting_StopsStartUp_NamingIt(string named, string key, string value, string otherKey, string otherValue)
    {
        var error = Assert.Throws<SettingsException>(() => MailSettings.Read(Config((key, value), (otherKey, otherValue)), "/tmp"));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Smtp_WithHostAndSender_IsComplete()
    {
        var settings = MailSettings.Read(Config(("Mail:Delivery", "smtp"), ("Mail:Host", "smtp.example.gov.cn"), ("Mail:From", "gk@example.gov.cn"),
            ("Mail:Security", "SslOnConnect"), ("Mail:User", "gk"), ("Mail:Password", "secret")), "/tmp");
        Assert.Equal((MailDelivery.Smtp, "smtp.example.gov.cn", 465, SecureSocketOptions.SslOnConnect), (settings.Delivery, settings.Host, settings.Port, settings.Security));
        Assert.Equal("gk@example.gov.cn", settings.From.Address);
    }

    [Theory]
    [InlineData("Mail:Hots")]
    [InlineData("Jobs:RemindAt")]
    public void AMisspeltMailOrJobSetting_StopsStartUp_NamingIt(string key)
    {
        var error = Assert.Throws<SettingsException>(() => SettingsCheck.ThrowOnUnknown(Config((key, "x"))));
        Assert.Contains($"'{key}'", error.Message);
    }

    [Fact]
    public void Retries_BackOff_DoublingFromTheFirstInterval_UpToSixHours()
    {
        var settings = MailSettings.Read(Config(("Mail:RetrySeconds", "60")), "/tmp");
        Assert.Equal([60, 120, 240, 480], Enumerable.Range(1, 4).Select(n => settings.Backoff(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromHours(6), settings.Backoff(30));
    }
}
