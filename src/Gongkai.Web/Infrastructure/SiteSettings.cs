using System.Net;
using Gongkai.Data;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Where the site is published and what stands in front of it (<c>Site:*</c> settings). The
/// sitemap and the feeds name the public address, never the Host header a visitor sent; the
/// addresses of reverse proxies are the only ones whose X-Forwarded-For/-Proto are believed.
/// </summary>
/// <param name="PublicUrl">The site's public address, e.g. https://gk.example.gov.cn (required in production).</param>
/// <param name="TrustedProxies">Addresses of the reverse proxies (nginx) in front of the web nodes.</param>
/// <param name="Identity">What the header and the footer say of the site (a government site's footer names them).</param>
public sealed record SiteSettings(Uri PublicUrl, IReadOnlyList<IPAddress> TrustedProxies, SiteIdentity Identity)
{
    public string Origin => PublicUrl.GetLeftPart(UriPartial.Authority);

    private static string? Text(IConfigurationSection section, string key) => string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();

    public static SiteSettings From(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var section = configuration.GetSection("Site");
        var url = section["PublicUrl"];
        Uri publicUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            if (environment.IsProduction())
            {
                throw new SettingsException("Site:PublicUrl is required in production, e.g. https://gk.example.gov.cn. （生产环境必须设置网站的公开地址 Site:PublicUrl）");
            }
            publicUrl = new Uri("http://localhost:5000");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out publicUrl!) || publicUrl.Scheme is not ("http" or "https"))
        {
            throw new SettingsException($"Site:PublicUrl = '{url}' is not an http(s) address. （Site:PublicUrl 应为以 http:// 或 https:// 开头的网址）");
        }
        var proxies = new List<IPAddress>();
        foreach (var text in (section["TrustedProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            proxies.Add(IPAddress.TryParse(text, out var address)
                ? address
                : throw new SettingsException($"Site:TrustedProxies: '{text}' is not an IP address. （Site:TrustedProxies 应为以逗号分隔的 IP 地址）"));
        }
        var police = Text(section, "PoliceRecord");
        if (police is not null && SiteIdentity.PoliceRecordNumber(police) is null)
        {
            throw new SettingsException($"Site:PoliceRecord = '{police}' has no record number, e.g. 浙公网安备 33010002000001号. （Site:PoliceRecord 应为公安机关备案号，如“浙公网安备 33010002000001号”）");
        }
        var badge = Text(section, "GovBadgeLink");
        if (badge is not null && !(Uri.TryCreate(badge, UriKind.Absolute, out var badgeUri) && badgeUri.Scheme is "http" or "https"))
        {
            throw new SettingsException($"Site:GovBadgeLink = '{badge}' is not an http(s) address. （Site:GovBadgeLink 应为党政机关网站标识的核验网址）");
        }
        return new SiteSettings(publicUrl, proxies, new SiteIdentity(
            Text(section, "Name") ?? "政府信息公开平台", Text(section, "Sponsor"), Text(section, "SiteCode"), Text(section, "Icp"), Text(section, "Contact"),
            Text(section, "Operator"), police, badge));
    }
}

/// <summary>
/// The site's name in the header, and the footer every government site carries (政府网站发展指引):
/// the organiser (主办单位) and the operator (承办单位), a contact line, and the identifiers a
/// deployment is issued before it opens — 网站标识码, ICP备案号 (linked to the MIIT filing system),
/// 公安机关备案号 (linked to its record) and the 党政机关网站标识 (the issuer's badge, linked to its
/// verification page). None is invented by the software; unset ones are not shown.
/// </summary>
public sealed record SiteIdentity(string Name, string? Sponsor, string? SiteCode, string? Icp, string? Contact,
    string? Operator = null, string? PoliceRecord = null, string? GovBadgeLink = null)
{
    /// <summary>Where an ICP number is looked up: the MIIT filing system.</summary>
    public const string IcpLookup = "https://beian.miit.gov.cn/";

    /// <summary>The record number in a 公安备案号 such as “浙公网安备 33010002000001号” (its digits, 10 or more).</summary>
    public static string? PoliceRecordNumber(string record) =>
        System.Text.RegularExpressions.Regex.Match(record, "[0-9]{10,}") is { Success: true } m ? m.Value : null;

    /// <summary>The record's page in the Ministry of Public Security's filing system.</summary>
    public string? PoliceRecordLink => PoliceRecord is { } r && PoliceRecordNumber(r) is { } n ? $"https://beian.mps.gov.cn/#/query/webSearch?code={n}" : null;
}
