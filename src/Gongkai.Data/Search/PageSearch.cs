using Gongkai.Data.Reports;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;

namespace Gongkai.Data.Search;

/// <summary>What the portal has besides items, as the search shows and filters it.</summary>
public enum PageKind
{
    /// <summary>政府信息公开工作年度报告 (Art. 49), the edition in force.</summary>
    Report,

    /// <summary>政府信息公开指南 (Art. 12).</summary>
    Guide,

    /// <summary>政府信息公开制度, where the agency has published one.</summary>
    Rules,
}

/// <param name="Text">The page's text, for the snippet.</param>
public sealed record PageHit(PageKind Kind, string AgencyCode, string AgencyName, string Title, string Text, string Url, int? Year);

/// <summary>
/// The search over the portal's pages that are not items: the published annual reports (title,
/// outline and narrative) and each agency's 公开指南 and 公开制度. They are few — one report an agency
/// a year, one guide an agency — so they are matched directly, with the same folding as the item
/// index (a query finds exactly the pages containing each of its terms), after the database has
/// narrowed the reports to those whose stored text contains the query's first CJK term.
/// </summary>
public static class PageSearch
{
    /// <summary>At most this many pages are listed (the newest reports first); a search that finds more is narrowed by its filters.</summary>
    public const int Limit = 30;

    public static string Label(PageKind kind) => kind switch
    {
        PageKind.Report => "年度报告",
        PageKind.Guide => "公开指南",
        _ => "公开制度",
    };

    public static async Task<IReadOnlyList<PageHit>> SearchAsync(GongkaiDb db, SearchQuery query, int? agencyId, int? year, PageKind? kind, CancellationToken ct)
    {
        var hits = new List<PageHit>();
        bool Matches(string text)
        {
            var stored = ItemSearch.StoredText(text);
            return query.Terms.All(t => stored.Contains(t, StringComparison.Ordinal));
        }
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyId == null || a.Id == agencyId)
            .Select(a => new { a.Id, a.ShortCode, a.Name, a.GuideText, a.RulesText }).ToListAsync(ct);
        if (kind is null or PageKind.Report)
        {
            var reports = db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published);
            reports = agencyId is { } a ? reports.Where(r => r.AgencyId == a) : reports;
            reports = year is { } y ? reports.Where(r => r.Year == y) : reports;
            // Non-ASCII terms are stored as written (the report JSON does not escape them), so the database can narrow by one.
            if (query.Terms.FirstOrDefault(t => t.Any(c => c > 0x7f)) is { } narrow)
            {
                reports = reports.Where(r => r.Title.Contains(narrow) || r.Content.Contains(narrow));
            }
            var names = agencies.ToDictionary(x => x.Id);
            foreach (var record in await reports.OrderByDescending(r => r.Year).ThenBy(r => r.AgencyId).Take(Limit * 4).ToListAsync(ct))
            {
                var report = ReportRecords.Load(record);
                var text = string.Join("\n", report.Parts.Select(p => $"{p.Heading}\n{p.Text}"));
                if (names.TryGetValue(record.AgencyId, out var agency) && Matches($"{record.Title}\n{text}"))
                {
                    hits.Add(new PageHit(PageKind.Report, agency.ShortCode, agency.Name, record.Title, text, $"/agency/{agency.ShortCode}/reports/{record.Year}", record.Year));
                }
            }
        }
        // A guide or a set of rules has no year: a search limited to a year leaves them out.
        if (year is null && kind is null or PageKind.Guide or PageKind.Rules)
        {
            foreach (var agency in agencies)
            {
                var guide = $"{agency.Name}政府信息公开指南";
                if (kind is null or PageKind.Guide && Matches($"{guide}\n{agency.GuideText}"))
                {
                    hits.Add(new PageHit(PageKind.Guide, agency.ShortCode, agency.Name, guide, agency.GuideText ?? "", $"/agency/{agency.ShortCode}/guide", null));
                }
                var rules = $"{agency.Name}政府信息公开制度";
                if (kind is null or PageKind.Rules && !string.IsNullOrWhiteSpace(agency.RulesText) && Matches($"{rules}\n{agency.RulesText}"))
                {
                    hits.Add(new PageHit(PageKind.Rules, agency.ShortCode, agency.Name, rules, agency.RulesText, $"/agency/{agency.ShortCode}/rules", null));
                }
            }
        }
        return hits.Take(Limit).ToList();
    }

    /// <summary>The years the search's year filter offers: those of published items (from the index's year facets) and of published reports, newest first.</summary>
    public static async Task<IReadOnlyList<int>> YearsAsync(GongkaiDb db, CancellationToken ct)
    {
        var facets = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT term AS \"Value\" FROM search_postings WHERE term LIKE 'yr%'").ToListAsync(ct);
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published).Select(r => r.Year).Distinct().ToListAsync(ct);
        return facets.Select(f => int.TryParse(f.AsSpan(2), out var y) ? y : 0).Where(y => y > 0).Concat(reports).Distinct().OrderDescending().ToList();
    }
}
