using System.Text.Json.Nodes;
using Gongkai.Documents.Reports;

namespace Gongkai.Web.Reports;

/// <summary>
/// Open data: every published report's cells, as JSON (one gongkai.annual-report/1 document per
/// report, docs/report-schema.md) or as CSV (one line per cell), filtered by year, agency and
/// format. Only editions in force are given; a corrected report appears as its correction.
/// </summary>
public static class OpenReportsApi
{
    public static IEndpointRouteBuilder MapOpenReports(this IEndpointRouteBuilder app)
    {
        // Kept with the portal's pages and dropped with them when a report is committed: each answer
        // is every published report's cells (a province: millions of rows), made once, not per
        // download. A year's simulated office spent a tenth of its time making the same workbook.
        var group = app.MapGroup("/api/v1/open").WithTags("开放数据").WithMetadata(PortalReads.Replica).CacheOutput(Infrastructure.PortalCache.Policy);
        group.MapGet("/reports", async (int? year, string? agency, string? format, GongkaiDb db, CancellationToken ct) =>
            {
                var reports = await LoadAsync(db, year, agency, format, ct);
                var list = new JsonArray(reports.Select(r =>
                {
                    var node = ReportJson.ToNode(r.Report);
                    node["agencyCode"] = r.Code;
                    return (JsonNode)node;
                }).ToArray());
                return Results.Text(list.ToJsonString(), "application/json; charset=utf-8");
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("已发布年度报告的全部数据（JSON）")
            .WithDescription("参数 year（年度）、agency（机构简码）、format（格式代码，如 2021、2019、legacy-national）均可省略。每份报告为一个 gongkai.annual-report/1 文档，外加 agencyCode。");
        group.MapGet("/reports.csv", async (int? year, string? agency, string? format, GongkaiDb db, CancellationToken ct) =>
            {
                var reports = await LoadAsync(db, year, agency, format, ct);
                return Results.File(ReportCsv.Utf8WithMark(ReportCsv.Render(reports.Select(r => r.Report))), "text/csv; charset=utf-8", "reports.csv");
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("已发布年度报告的全部数据（CSV，每个单元格一行）")
            .WithDescription("参数同 /api/v1/open/reports。");
        group.MapGet("/reports.xlsx", async (int? year, string? agency, string? format, GongkaiDb db, CancellationToken ct) =>
            {
                var reports = await LoadAsync(db, year, agency, format, ct);
                var sheets = reports.GroupBy(r => r.Report.Year).OrderByDescending(g => g.Key).Select(g => ($"{g.Key}年", g.Select(r => r.Report)));
                return Results.File(ReportCsv.Workbook(sheets.DefaultIfEmpty(("无数据", []))), Gongkai.Documents.Files.Xlsx.ContentType, "reports.xlsx");
            })
            .Produces(StatusCodes.Status200OK, contentType: Gongkai.Documents.Files.Xlsx.ContentType)
            .WithSummary("已发布年度报告的全部数据（Excel，每个年度一个工作表，每个单元格一行）")
            .WithDescription("参数同 /api/v1/open/reports。");
        return app;
    }

    /// <summary>The published reports in force, filtered; by year, then in the agencies' order.</summary>
    public static async Task<List<(string Code, AnnualReport Report)>> LoadAsync(GongkaiDb db, int? year, string? agency, string? format, CancellationToken ct)
    {
        var query = db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Published);
        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }
        if (!string.IsNullOrEmpty(format))
        {
            query = query.Where(r => r.FormatCode == format);
        }
        var rows = await query.Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { a.ShortCode, a.SortOrder, r.Year, r.Content })
            .Where(r => string.IsNullOrEmpty(agency) || r.ShortCode == agency)
            .OrderBy(r => r.Year).ThenBy(r => r.SortOrder)
            .ToListAsync(ct);
        return rows.Select(r => (r.ShortCode, ReportJson.Read(r.Content))).ToList();
    }
}
