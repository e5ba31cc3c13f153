using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Cli.Tests;

/// <summary><c>gongkai rollup --parent qx --year 2025 --out r.xlsx</c> on the demo county: the console's workbook, from the command line.</summary>
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
        await using var database = await TestDatabase.CreateAsync("sqlite");
        Assert.Equal(0, (await RunAsync(database, "seed", "demo")).Exit);
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
}
