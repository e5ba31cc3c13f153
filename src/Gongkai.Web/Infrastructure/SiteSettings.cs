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
public sealed record SiteSettings(Uri PublicUrl, IReadOnlyList<IPAddress> TrustedProxies)
{
    public string Origin => PublicUrl.GetLeftPart(UriPartial.Authority);

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
        return new SiteSettings(publicUrl, proxies);
    }
}
