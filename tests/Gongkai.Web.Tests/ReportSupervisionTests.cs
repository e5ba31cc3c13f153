using System.Net;
using System.Text.Json.Nodes;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>The supervisor's roll-up, and every published report's cells as open data.</summary>
public sealed class ReportSupervisionTests
{
    [Fact]
    public async Task TheRollUp_SumsTheAgenciesReports_AndListsWhoHasNotPublished()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        var page = await supervisor.GetAsync("/console/reports/rollup?year=2025");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("全部机构均已发布", page.Text);

        var contents = await app.QueryAsync(db => db.AnnualReports.AsNoTracking().Where(r => r.Year == 2025 && r.Status == ReportStatus.Published).Select(r => r.Content).ToListAsync());
        var expected = contents.Select(ReportJson.Read).Sum(r => r.Values.Number(new CellKey("requests", "new", "total")) ?? 0);
        var csv = await supervisor.Client.GetStringAsync("/console/reports/rollup?year=2025&download=csv");
        var line = csv.Split("\r\n").Single(l => l.Contains(",requests,new,", StringComparison.Ordinal) && l.Contains(",total,", StringComparison.Ordinal));
        Assert.Equal(expected.ToString("0.##"), line.Split(',')[^1]);

        var next = await supervisor.GetAsync("/console/reports/rollup?year=2026");
        Assert.Contains("尚未发布的机构（5 个）", next.Text);
        Assert.Empty(next.Document.QuerySelectorAll("strong.late"));
        // Nobody published for 2023: every agency is past Art. 49's date (departments 2024-01-31, governments 2024-03-31).
        var late = await supervisor.GetAsync("/console/reports/rollup?year=2023");
        Assert.Equal(5, late.Document.QuerySelectorAll("strong.late").Length);
        Assert.Contains("2024-01-31", late.Text);

        // A town's clerk sees only the town.
        using var clerk = await app.SignedInAsync("bsz.clerk");
        Assert.Contains("（1 个机构）", (await clerk.GetAsync("/console/reports/rollup?year=2025")).Text);
    }

    /// <summary>The supervisor checks the published sums against the agencies' records, counted in one pass.</summary>
    [Fact]
    public async Task TheRollUp_ComparedWithTheRecords_ListsExactlyTheCellsThatDiffer()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        // One more application of 2025, registered as a correction: the records now say one more than the reports.
        var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>
        {
            ["Channel"] = "InPerson", ["Received"] = "2025-11-03", ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "赵六", ["Form.IdNumber"] = "11010519491231002X",
            ["Form.Phone"] = "13700137000", ["Form.Description"] = "某村 2025 年低保名单", ["Form.FormWanted"] = "邮寄纸质件", ["CorrectionReason"] = "漏登记",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        var page = await supervisor.GetAsync("/console/reports/rollup?year=2025&source=records");
        var section = page.Document.QuerySelector("section.record-check")!;

        var contents = await app.QueryAsync(db => db.AnnualReports.AsNoTracking().Where(r => r.Year == 2025 && r.Status == ReportStatus.Published).Select(r => r.Content).ToListAsync());
        var reported = contents.Select(ReportJson.Read).Sum(r => r.Values.Number(new CellKey("requests", "new", "total")) ?? 0);
        var received = await app.QueryAsync(db => db.Applications.CountAsync(a => a.Received >= new DateOnly(2025, 1, 1) && a.Received <= new DateOnly(2025, 12, 31)));
        Assert.NotEqual(reported, received);
        var row = section.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.EndsWith("一、本年新收政府信息公开申请数量（总计）", StringComparison.Ordinal));
        Assert.Equal([reported.ToString("0.##"), received.ToString()], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task OpenData_GivesEveryPublishedReportsCells_AsJsonAndCsv()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var json = JsonNode.Parse(await visitor.Client.GetStringAsync("/api/v1/open/reports?year=2025"))!.AsArray();
        Assert.Equal(5, json.Count);
        Assert.All(json, r => Assert.Equal(2025, r!["year"]!.GetValue<int>()));
        var town = Assert.Single(JsonNode.Parse(await visitor.Client.GetStringAsync("/api/v1/open/reports?agency=qx-bsz&year=2024"))!.AsArray());
        Assert.Equal("qx-bsz", town!["agencyCode"]!.GetValue<string>());

        var csv = await visitor.Client.GetStringAsync("/api/v1/open/reports.csv?agency=qx-bsz");
        var lines = csv.TrimStart('\ufeff').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("机关,年度,格式,表,行,列,单位,格式代码,表代码,行代码,列代码,数值", lines[0]);
        Assert.Contains(lines, l => l.Contains(",2024,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",2025,", StringComparison.Ordinal));
        Assert.Contains("/api/v1/open/reports", await visitor.Client.GetStringAsync("/openapi/v1.json"));
    }

    /// <summary>
    /// The open data is kept with the portal's pages (every published report's cells: made once, not
    /// per download) and dropped with them when a change is committed through the platform.
    /// </summary>
    [Fact]
    public async Task OpenData_IsKeptWithThePortalPages_AndMadeAgainOnceAChangeIsCommitted()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        async Task<int> ReportsAsync() => JsonNode.Parse(await visitor.Client.GetStringAsync("/api/v1/open/reports?year=2025"))!.AsArray().Count;
        Task<string> CsvAsync() => visitor.Client.GetStringAsync("/api/v1/open/reports.csv?year=2025");
        Task<byte[]> XlsxAsync() => visitor.Client.GetByteArrayAsync("/api/v1/open/reports.xlsx?year=2025");
        Assert.Equal(5, await ReportsAsync());
        var (csv, xlsx) = (await CsvAsync(), await XlsxAsync());

        // A report taken back behind the platform's back (no commit it sees): the kept answers stay.
        var id = await app.QueryAsync(db => db.AnnualReports.Where(r => r.Year == 2025 && r.Status == ReportStatus.Published).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        Assert.Equal(1, await app.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE annual_reports SET status = 'Draft' WHERE id = {id}")));
        Assert.Equal(5, await ReportsAsync());
        Assert.Equal(csv, await CsvAsync());
        Assert.Equal(xlsx, await XlsxAsync());

        // Any change to what the portal shows, committed through the platform, drops them.
        await app.QueryAsync(async db =>
        {
            var town = await db.Agencies.SingleAsync(a => a.ShortCode == "qx-bsz");
            town.GuideText += "\n本机关周六上午受理申请。";
            return await db.SaveChangesAsync();
        });
        Assert.Equal(4, await ReportsAsync());
        Assert.True((await CsvAsync()).Length < csv.Length);
        Assert.NotEqual(xlsx, await XlsxAsync());
    }

    /// <summary>The open data page's comparisons show the same figures the JSON gives, per agency and summed per year.</summary>
    [Fact]
    public async Task TheOpenDataPage_ComparesAgenciesAndYears_WithTheFiguresOfTheOpenData()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var reports = JsonNode.Parse(await visitor.Client.GetStringAsync("/api/v1/open/reports"))!.AsArray()
            .Select(r => ReportJson.Read(r!.ToJsonString())).ToList();
        string Figure(AnnualReport r, int f) => KeyFigures.ValueIn(KeyFigures.All[f], r) is { } n ? CellValue.FormatNumber(n) : "—";

        var page = await visitor.GetAsync("/data?Year=2024");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("table.data")[0].QuerySelectorAll("tbody tr")
            .Select(tr => tr.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        var expected = reports.Where(r => r.Year == 2024).Select(r => new[] { r.AgencyName }.Concat(KeyFigures.All.Select((_, f) => Figure(r, f))).ToList()).ToList();
        Assert.Equal(expected, rows);
        Assert.Equal(KeyFigures.All.Count + KeyFigures.All.Count, page.Document.QuerySelectorAll("svg[role=img]").Length);

        // One agency, year by year: its own figures.
        var town = await visitor.GetAsync("/data?Agency=qx-bsz");
        var byYear = town.Document.QuerySelectorAll("table.data").Last().QuerySelectorAll("tbody tr")
            .Select(tr => tr.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        var own = reports.Where(r => r.AgencyName == "青溪县白沙镇人民政府").OrderBy(r => r.Year)
            .Select(r => new[] { r.Year.ToString() }.Concat(KeyFigures.All.Select((_, f) => Figure(r, f))).ToList()).ToList();
        Assert.Equal(own, byYear);
        Assert.Contains("/api/v1/open/reports.csv?agency=qx-bsz", town.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }
}
