using System.Text;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports;

namespace Gongkai.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("gongkai-report-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static async Task<(int Exit, string Out, string Error, byte[] Binary)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var binary = new MemoryStream();
        var exit = await GongkaiCommand.RunAsync(args, new CliIo(stdout, stderr, TextReader.Null, () => new NonClosing(binary)));
        return (exit, stdout.ToString(), stderr.ToString(), binary.ToArray());
    }

    private sealed class NonClosing(Stream inner) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => inner.WriteAsync(buffer, offset, count, ct);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) => inner.WriteAsync(buffer, ct);
    }

    /// <summary>A 2021 report of a town with 3 applications, all answered, balanced in every table.</summary>
    private string WriteBalancedReport()
    {
        var report = AnnualReport.Blank(ReportFormats.Get("2021"), "青溪县白沙镇人民政府", 2023) with { PublishedOn = new DateOnly(2024, 1, 25) };
        foreach (var cell in report.Format.Cells())
        {
            report.Values.Set(cell.Key, 0);
        }
        foreach (var (row, n) in new[] { ("new", 3m), ("granted", 2m), ("unable.not_held", 1m), ("results_total", 3m) })
        {
            report.Values.Set(new CellKey("requests", row, "natural"), n);
            report.Values.Set(new CellKey("requests", row, "total"), n);
        }
        var path = Path.Combine(_dir.FullName, "report.json");
        File.WriteAllText(path, ReportJson.Write(report));
        return path;
    }

    [Fact]
    public async Task Check_ABalancedReport_ExitsWith0()
    {
        var result = await RunAsync("report", "check", WriteBalancedReport());
        Assert.Equal(0, result.Exit);
        Assert.Contains("0 个错误，0 个警告", result.Out);
    }

    [Fact]
    public async Task Check_AReportWithAnError_PrintsEachViolation_AndExitsWith1()
    {
        var path = WriteBalancedReport();
        var report = ReportJson.Read(File.ReadAllText(path));
        report.Values.Set(new CellKey("requests", "results_total", "natural"), 4);
        File.WriteAllText(path, ReportJson.Write(report));

        var result = await RunAsync("report", "check", path);

        Assert.Equal(1, result.Exit);
        Assert.Contains("错误\trequests.balance.natural\t“自然人”一列中，", result.Out);
        Assert.Contains("错误\trequests.results_total.natural\t", result.Out);
        Assert.Contains("错误\trequests.applicants.results_total\t", result.Out);
    }

    [Fact]
    public async Task Check_WarningsAlone_ExitWith0()
    {
        var report = AnnualReport.Blank(ReportFormats.Get("legacy-shandong"), "某镇", 2017);
        report.Values.Set(new CellKey("stats", "proactive.items.normative", "value"), 5);
        report.Values.Set(new CellKey("stats", "proactive.items.normative_issued", "value"), 0);
        var path = Path.Combine(_dir.FullName, "warn.json");
        File.WriteAllText(path, ReportJson.Write(report));

        var result = await RunAsync("report", "check", path);

        Assert.Equal(0, result.Exit);
        Assert.Contains("警告\tproactive.items.normative.within_issued", result.Out);
    }

    [Theory]
    [InlineData("html", "<table class=\"report-table\">")]
    [InlineData("txt", "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3")]
    [InlineData("json", "\"schema\": \"gongkai.annual-report/1\"")]
    [InlineData("csv", ",一、本年新收政府信息公开申请数量,申请人情况 / 自然人,,2021,requests,new,natural,3")]
    public async Task Render_WritesEachTextFormat(string to, string expected)
    {
        var output = Path.Combine(_dir.FullName, $"out.{to}");
        var result = await RunAsync("report", "render", WriteBalancedReport(), "--to", to, "--out", output);
        Assert.Equal(0, result.Exit);
        Assert.Contains(expected, File.ReadAllText(output));
    }

    [Fact]
    public async Task Render_Docx_ToStandardOutput_IsAWordFile()
    {
        var result = await RunAsync("report", "render", WriteBalancedReport(), "--to", "docx");
        Assert.Equal(0, result.Exit);
        Assert.Equal("PK"u8.ToArray(), result.Binary[..2]);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(result.Binary), false);
        Assert.Contains("青溪县白沙镇人民政府2023年政府信息公开工作年度报告", document.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public async Task Render_AnUnknownTarget_IsAUsageError()
    {
        var result = await RunAsync("report", "render", WriteBalancedReport(), "--to", "pdf");
        Assert.NotEqual(0, result.Exit);
    }

    [Fact]
    public async Task AMissingOrMalformedFile_IsAClearError_NamingTheFile()
    {
        var missing = await RunAsync("report", "check", Path.Combine(_dir.FullName, "nope.json"));
        Assert.Equal(1, missing.Exit);
        Assert.Contains("找不到文件", missing.Error);

        var bad = Path.Combine(_dir.FullName, "bad.json");
        File.WriteAllText(bad, "{\"format\":\"2021\",\"agency\":\"x\",\"year\":2022,\"cells\":[{\"table\":\"requests\",\"row\":\"new\",\"column\":\"natural\",\"value\":-1.5}]}", Encoding.UTF8);
        var badResult = await RunAsync("report", "check", bad);
        Assert.Equal(1, badResult.Exit);
        Assert.Contains("cell.kind", badResult.Out);

        File.WriteAllText(bad, "not json");
        var garbage = await RunAsync("report", "render", bad, "--to", "html");
        Assert.Equal(1, garbage.Exit);
        Assert.StartsWith("错误：bad.json：不是有效的 JSON", garbage.Error);
    }
}
