using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Tests;

/// <summary>
/// <c>gongkai rollup</c> and <c>gongkai assessment</c> on the demo county: the supervisor's console
/// workbooks, from the command line on the site's database.
/// </summary>
public sealed class RollUpCommandTests
{
    private static async Task<(int Exit, string Out, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await GongkaiCommand.RunAsync(["--provider", database.ProviderName, "--connection", database.ConnectionString, .. args], stdout, stderr, TextReader.Null);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task TheCountysRollUp_IsWritten_WithTheSumAndEachAgencyInTheStatutoryLayout()
    {
        await using var database = await DemoDatabases.CopyAsync("sqlite");
        var file = Path.Combine(Path.GetTempPath(), $"gongkai-rollup-{Guid.NewGuid():N}.xlsx");
        try
        {
            var run = await RunAsync(database, "rollup", "--parent", "qx", "--year", "2025", "--out", file);
            Assert.True(run.Exit == 0, run.Error);
            Assert.Contains("青溪县人民政府 2025 年度：5 个机构，5 个已发布年度报告，1 种格式。", run.Out);
            await using var db = Contexts.Open(database);
            var names = await db.Agencies.OrderBy(a => a.SortOrder).Select(a => a.Name).ToListAsync();
            using var book = SpreadsheetDocument.Open(file, false);
            Assert.Equal(["汇总", .. names, "数据"], book.WorkbookPart!.Workbook.Sheets!.OfType<Sheet>().Select(s => s.Name!.Value!));
            var sum = (WorksheetPart)book.WorkbookPart.GetPartById(book.WorkbookPart.Workbook.Sheets!.OfType<Sheet>().First().Id!.Value!);
            Assert.Contains("一、本年新收政府信息公开申请数量", sum.Worksheet.InnerText);

            var unknown = await RunAsync(database, "rollup", "--parent", "nowhere", "--year", "2025", "--out", file);
            Assert.Equal(1, unknown.Exit);
            Assert.Contains("--parent", unknown.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TheCountysAssessment_IsPrinted_AndWrittenAsTheConsolesWorkbook()
    {
        await using var database = await DemoDatabases.CopyAsync("sqlite");
        var file = Path.Combine(Path.GetTempPath(), $"gongkai-assessment-{Guid.NewGuid():N}.xlsx");
        try
        {
            var run = await RunAsync(database, "assessment", "--parent", "qx", "--year", "2025", "--out", file);
            Assert.True(run.Exit == 0, run.Error);
            var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("青溪县人民政府 2025 年度政务公开考评", lines[0]);
            Assert.Equal(13, lines[1].Split('\t').Length);
            // A line per agency, each with a total between 0 and 100.
            var totals = lines.Skip(2).Select(l => decimal.Parse(l.Split('\t')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(5, totals.Count);
            Assert.All(totals, t => Assert.InRange(t, 0, 100));
            using var book = SpreadsheetDocument.Open(file, false);
            var sheets = book.WorkbookPart!.Workbook.Sheets!.OfType<Sheet>().Select(s => s.Name!.Value!).ToList();
            Assert.Equal(["得分", "指标"], sheets.Take(2));
            Assert.Equal(13, sheets.Count);

            var unknown = await RunAsync(database, "assessment", "--parent", "qx", "--year", "1999", "--out", file);
            Assert.Equal(1, unknown.Exit);
            Assert.Contains("--year 1999", unknown.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
