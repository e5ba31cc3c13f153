using System.Net;
using Gongkai.Data;
using Gongkai.Data.Applications;
using Gongkai.Data.Calendar;
using Gongkai.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// A list that does not fit one page says so and pages, and its Excel holds every row: an office
/// with 2,100 applications sees 2,100 (the console once stopped at 500 without a word, and ~1,590
/// open cases were invisible).
/// </summary>
public sealed class ListLimitTests
{
    [Fact]
    public async Task AnOfficeWith2100Applications_PagesThroughEveryOne_AndItsExcelHoldsThemAll()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var made = await app.QueryAsync(async db =>
        {
            var bsz = await db.Agencies.SingleAsync(a => a.ShortCode == "qx-bsz");
            var calendar = await app.Services.GetRequiredService<WorkingCalendars>().CurrentAsync(db);
            db.Actor.Set(null, "测试");
            var applicant = new Applicant(ApplicantKind.NaturalPerson, "批量申请人", "11010519491231002X", "13800138000", null, null, "某村道路工程的设计图纸", "电子邮件");
            // One made as the site makes it (its code hashed once), the rest its copies on other days: hashing 2,100 codes would be the test's whole time.
            var (first, _) = ApplicationRecords.New(applicant, bsz.Id, new DateOnly(2026, 1, 5), Channel.Online, calendar, DateTime.UtcNow);
            await ApplicationRecords.AddAsync(db, first);
            var numbers = new List<string> { first.TrackingNumber };
            for (var i = 1; i < 2100; i++)
            {
                var copy = (DisclosureApplication)db.Entry(first).CurrentValues.ToObject();
                copy.Id = 0;
                copy.TrackingNumber = $"2026010599{i:D7}";
                copy.Received = new DateOnly(2025, 6, 1).AddDays(i % 300);
                copy.DueDate = calendar.AddWorkingDays(copy.Received, 20);
                db.Applications.Add(copy);
                numbers.Add(copy.TrackingNumber);
            }
            await db.SaveChangesAsync();
            return numbers;
        });
        using var clerk = await app.SignedInAsync("bsz.clerk");

        var seen = new List<string>();
        var dues = new List<string>();
        var first = await clerk.GetAsync("/console/applications");
        Assert.Contains("共 2,100 件，每页 100 件，第 1 / 21 页", first.Document.QuerySelector(".list-count")!.TextContent);
        for (var page = first; ; )
        {
            seen.AddRange(page.Document.QuerySelectorAll("table.item-list tbody td.title a").Select(a => a.TextContent));
            dues.AddRange(page.Document.QuerySelectorAll("table.item-list tbody td[data-label=答复期限]").Select(td => td.TextContent.Trim()));
            var next = page.Document.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href");
            if (next is null)
            {
                break;
            }
            page = await clerk.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }
        Assert.Equal(made.Order(), seen.Order());
        // All open: across the pages in due-date order, the earliest (long overdue) first.
        Assert.Equal(dues.Order(StringComparer.Ordinal), dues);

        var overdue = await clerk.GetAsync("/console/applications?show=overdue");
        var overdueCount = await app.QueryAsync(db => db.Applications.CountAsync(a => a.DueDate < new DateOnly(2026, 3, 2) && a.Status != CaseStatus.Replied && a.Status != CaseStatus.Closed));
        Assert.Contains($"共 {overdueCount:N0} 件", overdue.Document.QuerySelector(".list-count")!.TextContent);

        var response = await clerk.Client.GetAsync("/console/applications?download=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(2101, rows.Count);   // the header and every application
        var numbersInSheet = rows.Skip(1).Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText).ToList();
        Assert.Equal(made.Order(), numbersInSheet.Order());
    }
}
