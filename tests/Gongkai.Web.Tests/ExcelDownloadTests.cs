using System.Diagnostics;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>The roll-up, the open data and an agency's applications as Excel workbooks, read back and opened in LibreOffice.</summary>
public sealed class ExcelDownloadTests
{
    private static async Task<byte[]> DownloadAsync(Visitor who, string url)
    {
        var response = await who.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Each sheet's name and its rows, cells as text.</summary>
    private static Dictionary<string, List<List<string>>> Read(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = document.WorkbookPart!;
        return book.Workbook.Sheets!.OfType<Sheet>().ToDictionary(s => s.Name!.Value!, s =>
            ((WorksheetPart)book.GetPartById(s.Id!.Value!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList()).ToList());
    }

    /// <summary>Whether each cell of a sheet's (the first, or the one named) column <paramref name="column"/> (below the header) is stored as a number, which Excel and WPS can sum.</summary>
    private static List<(string Text, bool IsNumber)> Column(byte[] xlsx, int column, string? sheetName = null)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = document.WorkbookPart!;
        var sheet = (WorksheetPart)book.GetPartById(book.Workbook.Sheets!.OfType<Sheet>().First(s => sheetName is null || s.Name == sheetName).Id!.Value!);
        return sheet.Worksheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().ElementAt(column))
            .Select(c => (c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "", c.DataType is null || c.DataType.Value == CellValues.Number))
            .ToList();
    }

    [Fact]
    public async Task TheRollUp_OpenData_AndTheApplicationsList_AreWorkbooks_WithNumbersAsNumbers()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string> { ["Demo:Applications"] = "true" });
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        var rollup = Read(await DownloadAsync(supervisor, "/console/reports/rollup?year=2025&download=xlsx"));
        // The sum and each agency in the reports' layout, then the data sheet for programs.
        Assert.Equal(7, rollup.Count);
        var sheet = rollup["数据"];
        Assert.Equal(["机关", "年度", "格式", "表", "行", "列", "单位", "格式代码", "表代码", "行代码", "列代码", "数值"], sheet[0]);
        // The sum first, then each of the five agencies, every cell of the 2021 format.
        Assert.Equal(6, sheet.Skip(1).Select(r => r[0]).Distinct().Count());
        var received = sheet.Where(r => r[8] == "requests" && r[9] == "new" && r[10] == "total").Select(r => decimal.Parse(r[11], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(received[0], received.Skip(1).Sum());
        // Every figure is a number cell (a figure written as text would not sum in Excel or WPS); the year too.
        var rollupBytes = await DownloadAsync(supervisor, "/console/reports/rollup?year=2025&download=xlsx");
        var values = Column(rollupBytes, 11, "数据");
        Assert.All(values.Where(v => decimal.TryParse(v.Text, System.Globalization.CultureInfo.InvariantCulture, out _)), v => Assert.True(v.IsNumber, $"“{v.Text}” is stored as text"));
        Assert.Contains(values, v => v.IsNumber && v.Text.Length > 0);
        Assert.All(Column(rollupBytes, 1, "数据"), v => Assert.True(v.IsNumber, $"year “{v.Text}” is stored as text"));

        using var visitor = app.NewVisitor();
        var open = Read(await DownloadAsync(visitor, "/api/v1/open/reports.xlsx"));
        Assert.Equal(["2025年", "2024年"], open.Keys);

        using var clerk = await app.SignedInAsync("bsz.clerk");
        var list = Read(await DownloadAsync(clerk, "/console/applications?download=xlsx")).Single().Value;
        Assert.Equal("查询号", list[0][0]);
        var tracking = await app.QueryAsync(db => db.Applications.Where(a => a.AgencyId == db.Agencies.Single(x => x.ShortCode == "qx-bsz").Id).Select(a => a.TrackingNumber).ToListAsync());
        Assert.Equal(tracking.Order(), list.Skip(1).Select(r => r[0]).Order());
    }

    /// <summary>
    /// The roll-up as a supervisor reads it: the sum in table 三's own layout (the official labels,
    /// the applicant columns merged under their headings), one sheet per agency laid out alike, and
    /// every figure of the sum equal to the agencies' figures at the same place.
    /// </summary>
    [Fact]
    public async Task TheRollUpWorkbook_HasTheStatutoryLayout_AndTheSumIsTheAgenciesFigures()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        var bytes = await DownloadAsync(supervisor, "/console/reports/rollup?year=2025&download=xlsx");
        var book = Read(bytes);
        var agencies = await app.QueryAsync(db => db.Agencies.OrderBy(a => a.SortOrder).Select(a => a.Name).ToListAsync());
        Assert.Equal(["汇总", .. agencies, "数据"], book.Keys);

        var sum = Grid(bytes, "汇总");
        var texts = sum.Values.OfType<string>().ToList();
        foreach (var label in new[] { "三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量", "（一）予以公开", "自然人", "商业企业", "总计" })
        {
            Assert.Contains(texts, t => t.Contains(label, StringComparison.Ordinal));
        }
        // “法人或其他组织” spans its five columns, merged as printed.
        Assert.Contains(MergesOf(bytes, "汇总"), m => m.Columns == 5);
        var others = book.Keys.Where(k => k is not ("汇总" or "数据")).Select(k => Grid(bytes, k)).ToList();
        var figures = sum.Where(c => c.Value is decimal).ToList();
        Assert.True(figures.Count > 100, $"{figures.Count} figures in the sum");
        foreach (var (at, value) in figures)
        {
            Assert.Equal(value, others.Sum(o => o.GetValueOrDefault(at) as decimal? ?? 0m));
            Assert.All(others, o => Assert.True(o.ContainsKey(at), $"{at} missing from an agency's sheet"));
        }
    }

    /// <summary>A sheet's cells by address: numbers as decimals, text as strings.</summary>
    private static Dictionary<string, object> Grid(byte[] xlsx, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = document.WorkbookPart!;
        var part = (WorksheetPart)book.GetPartById(book.Workbook.Sheets!.OfType<Sheet>().Single(s => s.Name == sheetName).Id!.Value!);
        return part.Worksheet.Descendants<Cell>().Where(c => c.CellValue is not null || c.InlineString is not null).ToDictionary(c => c.CellReference!.Value!, c => c.DataType?.Value == CellValues.InlineString
            ? (object)c.InlineString!.InnerText
            : decimal.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static List<(string From, int Columns)> MergesOf(byte[] xlsx, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = document.WorkbookPart!;
        var part = (WorksheetPart)book.GetPartById(book.Workbook.Sheets!.OfType<Sheet>().Single(s => s.Name == sheetName).Id!.Value!);
        static int Col(string r) => r.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);
        return part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!.Split(':')).Select(p => (p[0], Col(p[1]) - Col(p[0]) + 1)).ToList();
    }

    [Fact]
    public async Task TheRollUpWorkbook_OpensInLibreOffice()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);
        Assert.SkipWhen(soffice is null, "LibreOffice is not installed (CI installs libreoffice-calc-nogui).");
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        var dir = Directory.CreateTempSubdirectory("gongkai-xlsx-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "rollup.xlsx"), await DownloadAsync(supervisor, "/console/reports/rollup?year=2025&download=xlsx"));
            using var process = Process.Start(new ProcessStartInfo(soffice!, ["--headless", $"-env:UserInstallation=file://{dir.FullName}/profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                "--outdir", dir.FullName, Path.Combine(dir.FullName, "rollup.xlsx")]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "LibreOffice did not finish in 3 minutes.");
            var csv = Path.Combine(dir.FullName, "rollup.csv");
            Assert.True(File.Exists(csv), await process.StandardError.ReadToEndAsync());
            var text = await File.ReadAllTextAsync(csv);
            // The first sheet: the sum in the reports' own layout, its merged headers read by Calc.
            Assert.Contains("一、本年新收政府信息公开申请数量", text);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
