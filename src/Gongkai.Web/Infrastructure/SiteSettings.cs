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
        return new SiteSettings(publicUrl, proxies, new SiteIdentity(
            Text(section, "Name") ?? "政府信息公开平台", Text(section, "Sponsor"), Text(section, "SiteCode"), Text(section, "Icp"), Text(section, "Contact")));
    }
}

/// <summary>
/// The site's name in the header, and the footer every government site carries: the organiser
/// (主办单位), the site identification code (网站标识码) and the ICP filing number (ICP备案号), and a
/// contact line. Unset ones are not shown.
/// </summary>
public sealed record SiteIdentity(string Name, string? Sponsor, string? SiteCode, string? Icp, string? Contact);
