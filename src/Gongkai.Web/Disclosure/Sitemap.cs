using System.Xml.Linq;

namespace Gongkai.Web.Disclosure;

/// <summary>
/// sitemap.xml (sitemaps.org 0.9) so search engines find every column page, report and published
/// item: the index of one sitemap per 40,000 items (the protocol allows 50,000 URLs per file).
/// </summary>
public static class Sitemap
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const int PerFile = 40_000;

    public static void MapSitemap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", async (HttpContext http, GongkaiDb db, CancellationToken ct) =>
        {
            var site = Site(http);
            var published = await db.InfoItems.CountAsync(i => i.Status == ItemStatus.Published, ct);
            var files = Math.Max(1, (published + PerFile - 1) / PerFile);
            var index = new XElement(Ns + "sitemapindex",
                new XElement(Ns + "sitemap", new XElement(Ns + "loc", $"{site}/sitemaps/columns.xml")),
                Enumerable.Range(1, files).Select(n => new XElement(Ns + "sitemap", new XElement(Ns + "loc", $"{site}/sitemaps/items-{n}.xml"))));
            return Xml(index);
        }).WithMetadata(PortalReads.Replica);
        app.MapGet("/sitemaps/columns.xml", async (HttpContext http, GongkaiDb db, CancellationToken ct) =>
        {
            var site = Site(http);
            var codes = await db.Agencies.AsNoTracking().OrderBy(a => a.Id).Select(a => a.ShortCode).ToListAsync(ct);
            var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published)
                .Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { a.ShortCode, r.Year }).ToListAsync(ct);
            string[] sections = ["", "/guide", "/rules", "/catalog", "/reports", "/apply"];
            return Xml(new XElement(Ns + "urlset",
                new XElement(Ns + "url", new XElement(Ns + "loc", site + "/")),
                codes.SelectMany(c => sections.Select(s => new XElement(Ns + "url", new XElement(Ns + "loc", $"{site}/agency/{c}{s}")))),
                reports.Select(r => new XElement(Ns + "url", new XElement(Ns + "loc", $"{site}/agency/{r.ShortCode}/reports/{r.Year}")))));
        }).WithMetadata(PortalReads.Replica);
        app.MapGet("/sitemaps/items-{n:int}.xml", async (int n, HttpContext http, GongkaiDb db, CancellationToken ct) =>
        {
            // Past int.MaxValue / PerFile the offset cannot be computed; no deployment has that many files.
            if (n < 1 || n > int.MaxValue / PerFile)
            {
                return Results.NotFound();
            }
            var site = Site(http);
            var items = await db.InfoItems.AsNoTracking().Where(i => i.Status == ItemStatus.Published).OrderBy(i => i.Id).Skip((n - 1) * PerFile).Take(PerFile)
                .Join(db.Agencies, i => i.AgencyId, a => a.Id, (i, a) => new { a.ShortCode, i.Id, i.UpdatedUtc }).ToListAsync(ct);
            return Xml(new XElement(Ns + "urlset", items.Select(i => new XElement(Ns + "url",
                new XElement(Ns + "loc", $"{site}/agency/{i.ShortCode}/items/{i.Id}"),
                new XElement(Ns + "lastmod", i.UpdatedUtc.ToString("yyyy-MM-dd"))))));
        }).WithMetadata(PortalReads.Replica);
    }

    /// <summary>The configured public address, never the Host header a visitor sent.</summary>
    private static string Site(HttpContext http) => http.RequestServices.GetRequiredService<Infrastructure.SiteSettings>().Origin;

    private static IResult Xml(XElement root) => Results.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root, "application/xml; charset=utf-8");
}
