using System.Text.Json;

namespace Gongkai.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("gongkai-import-cli-");
    private static readonly string Seeds = Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds");

    public void Dispose() => _dir.Delete(recursive: true);

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await GongkaiCommand.RunAsync(args, new CliIo(stdout, stderr, TextReader.Null, () => Stream.Null));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task OneFileAsJson_PrintsTheReportCellsChecksAndSources()
    {
        var result = await RunAsync("report", "import", Path.Combine(Seeds, "000_e9c3ba55246d135c.txt"), "--json");

        Assert.Equal(0, result.Exit);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(("gongkai.annual-report/1", "legacy-shandong", 2017), (json.GetProperty("schema").GetString(), json.GetProperty("format").GetString(), json.GetProperty("year").GetInt32()));
        var received = json.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("row").GetString() == "requests.received" && c.GetProperty("column").GetString() == "value");
        Assert.Equal(1, received.GetProperty("value").GetInt32());
        Assert.Equal("（一）收到申请数", received.GetProperty("rowLabels")[1].GetString());
        Assert.Contains(json.GetProperty("checks").EnumerateArray(), c => c.GetProperty("check").GetString() == "requests.received.sum" && c.GetProperty("severity").GetString() == "error");
        Assert.StartsWith("第 ", json.GetProperty("import").GetProperty("sources").GetProperty("stats/requests.received/value").GetProperty("location").GetString());
    }

    [Fact]
    public async Task AFolder_WritesAJsonPerReport_ASummaryPerFormat_AndListsWhatCouldNotBeRead()
    {
        var input = Directory.CreateDirectory(Path.Combine(_dir.FullName, "in"));
        foreach (var file in Directory.GetFiles(Seeds, "*.txt"))
        {
            File.Copy(file, Path.Combine(input.FullName, Path.GetFileName(file)));
        }
        var output = Path.Combine(_dir.FullName, "out");

        var clean = await RunAsync("report", "import", input.FullName, "--out", output);
        Assert.Equal(0, clean.Exit);
        Assert.Contains("读取 5/5 个文件", clean.Out);
        Assert.Contains("[##############################] 5/5", clean.Error);
        Assert.Equal(5, Directory.GetFiles(output, "*.json").Length);
        var summary = File.ReadAllLines(Path.Combine(output, "summary-legacy-weihai.csv"));
        Assert.Equal(2, summary.Length);
        Assert.StartsWith("004_3fbe00e9627bb4eb.txt,张村镇政府,2012,legacy-weihai,,3,", summary[1]);
        Assert.Contains("stats/requests.received/value", summary[0]);

        File.WriteAllText(Path.Combine(input.FullName, "notes.txt"), "这不是年报。");
        File.WriteAllBytes(Path.Combine(input.FullName, "broken.docx"), [0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(input.FullName, "cut.pdf"), "%PDF-1.4\n1 0 obj\n<< /Type /Catalog"u8.ToArray());
        var html = Gongkai.Documents.Reports.ReportHtml.Document(Gongkai.Documents.Import.ReportFiles.Parse("004.txt", File.ReadAllBytes(Directory.GetFiles(Seeds, "004*.txt")[0])).Report);
        File.WriteAllText(Path.Combine(input.FullName, "张村镇.html"), html);
        var dirty = await RunAsync("report", "import", input.FullName, "--out", output);
        Assert.Equal(1, dirty.Exit);
        var failed = File.ReadAllLines(Path.Combine(output, "failed.tsv"));
        Assert.Equal(["broken.docx\tbroken.docx：不是有效的 Word（DOCX）文件。", "cut.pdf\tcut.pdf：PDF 文件已损坏，无法读取。", "notes.txt\tnotes.txt：找不到报告年度。"], failed.Order());
        // One summary of every file of the folder: what was read of each and how well, or why it could not be.
        var files = File.ReadAllLines(Path.Combine(output, "summary.csv"));
        Assert.Equal(1 + 9, files.Length);
        Assert.Contains(files, l => l.StartsWith("张村镇.html,已读取,张村镇政府,2012,legacy-weihai,表格,86,86,0,", StringComparison.Ordinal));
        Assert.Contains("cut.pdf,无法读取,,,,,,,,,,cut.pdf：PDF 文件已损坏，无法读取。", files);
    }

    [Fact]
    public async Task AMissingPath_IsAClearError()
    {
        var result = await RunAsync("report", "import", Path.Combine(_dir.FullName, "nowhere"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("找不到文件或文件夹", result.Error);
    }
}
