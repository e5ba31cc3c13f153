using System.Xml.Linq;

namespace Gongkai.Web.Disclosure;

/// <summary>An Atom feed of an agency's 50 newest published items (RFC 4287), for readers and aggregators.</summary>
public static class AgencyFeed
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static void MapAgencyFeed(this IEndpointRouteBuilder app) => app.MapGet("/agency/{code}/feed.atom", async (string code, HttpContext http, GongkaiDb db, CancellationToken ct) =>
    {
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.ShortCode == code.ToLowerInvariant(), ct);
        if (agency is null)
        {
            return Results.NotFound();
        }
        var items = await db.InfoItems.AsNoTracking().Where(i => i.AgencyId == agency.Id && i.Status == ItemStatus.Published)
            .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Take(50)
            .Select(i => new { i.Id, i.Title, i.PublishedOn, i.UpdatedUtc, i.BodyText, i.IndexNumber }).ToListAsync(ct);
        var site = http.RequestServices.GetRequiredService<Infrastructure.SiteSettings>().Origin;
        var column = $"{site}/agency/{agency.ShortCode}";
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", $"{agency.Name} 主动公开信息"),
            new XElement(Atom + "id", column + "/catalog"),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", column + "/feed.atom")),
            new XElement(Atom + "link", new XAttribute("href", column + "/catalog")),
            new XElement(Atom + "updated", (items.Count > 0 ? items.Max(i => i.UpdatedUtc) : DateTime.UnixEpoch).ToString("yyyy-MM-ddTHH:mm:ssZ")),
            new XElement(Atom + "author", new XElement(Atom + "name", agency.Name)),
            items.Select(i => new XElement(Atom + "entry",
                new XElement(Atom + "title", i.Title),
                new XElement(Atom + "id", $"{column}/items/{i.Id}"),
                new XElement(Atom + "link", new XAttribute("href", $"{column}/items/{i.Id}")),
                new XElement(Atom + "updated", i.UpdatedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ")),
                new XElement(Atom + "published", $"{i.PublishedOn:yyyy-MM-dd}T00:00:00+08:00"),
                new XElement(Atom + "summary", i.BodyText.Length > 200 ? i.BodyText[..200] + "…" : i.BodyText))));
        return Results.Text(new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Declaration + "\n" + feed, "application/atom+xml; charset=utf-8");
    }).WithMetadata(PortalReads.Replica);
}
