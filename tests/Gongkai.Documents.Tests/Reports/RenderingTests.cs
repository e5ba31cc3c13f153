using System.Diagnostics;
using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Documents.Reports;
using Gongkai.Domain.Reports;

namespace Gongkai.Documents.Tests.Reports;

public sealed class RenderingTests
{
    public static TheoryData<string> Formats => SampleReports.FormatCodes;

    private static AnnualReport Sample(string format) => SampleReports.WithDistinctValues(ReportFormats.Get(format));

    [Theory]
    [MemberData(nameof(Formats))]
    public void Json_RoundTrip_IsLossless(string format)
    {
        var report = Sample(format);
        var json = ReportJson.Write(report);
        var back = ReportJson.Read(json);

        Assert.Equal((report.FormatCode, report.AgencyName, report.Year, report.Title, report.PeriodStart, report.PeriodEnd, report.PublishedOn),
            (back.FormatCode, back.AgencyName, back.Year, back.Title, back.PeriodStart, back.PeriodEnd, back.PublishedOn));
        Assert.Equal(report.Parts, back.Parts);
        Assert.Equal(report.Values.All.OrderBy(c => c.Key.ToString()), back.Values.All.OrderBy(c => c.Key.ToString()));
        Assert.Equal(json, ReportJson.Write(back));
    }

    [Fact]
    public void Json_KeepsBlankDistinctFromZero()
    {
        var report = AnnualReport.Blank(ReportFormats.Get("2021"), "某机关", 2022);
        report.Values.Set(new CellKey("requests", "new", "natural"), 0);
        var back = ReportJson.Read(ReportJson.Write(report));
        Assert.Equal(0m, back.Values.Number(new CellKey("requests", "new", "natural")));
        Assert.True(back.Values.IsBlank(new CellKey("requests", "new", "commercial")));
        Assert.Equal(1, back.Values.Count);
    }

    [Theory]
    [InlineData("{", "不是有效的 JSON")]
    [InlineData("""{"schema":"other/9","format":"2021"}""", "不支持的报告格式版本")]
    [InlineData("""{"format":"1999","agency":"x","year":2000}""", "format：未知的报告格式")]
    [InlineData("""{"format":"2021","year":2022}""", "agency：缺少必填字段")]
    [InlineData("""{"format":"2021","agency":"x","year":2022,"cells":[{"table":"requests","row":"nope","column":"natural","value":1}]}""", "没有单元格 requests/nope/natural")]
    [InlineData("""{"format":"2021","agency":"x","year":2022,"cells":[{"table":"requests","row":"new","column":"natural","value":"many"}]}""", "value 应为数字或 null")]
    [InlineData("""{"format":"2021","agency":"x","year":2022,"publishedOn":"2022/1/2"}""", "publishedOn：日期应为 YYYY-MM-DD")]
    public void Json_BadInput_IsRefused_NamingTheField(string json, string message)
    {
        var error = Assert.Throws<ReportFileException>(() => ReportJson.Read(json));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Csv_HasOneLinePerCellPlusTheHeader_WithCodesLabelsAndValues(string format)
    {
        var report = Sample(format);
        var lines = ReportCsv.Render(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var cells = report.Format.Cells().ToList();
        Assert.Equal(cells.Count + 1, lines.Length);
        Assert.Equal("机关,年度,格式,表,行,列,单位,格式代码,表代码,行代码,列代码,数值", lines[0]);
        var first = cells[0];
        // The codes are the four columns before the value (labels before them may hold commas, quoted).
        var fields = lines[1].Split(',');
        Assert.Equal([report.FormatCode, first.Table.Code, first.Row.Code, first.Column.Code], fields[^5..^1]);
        Assert.StartsWith($"{report.AgencyName},{report.Year},{report.Format.Name},{first.Table.Title},", lines[1]);
        Assert.Equal(report.Values[first.Key]!.Number is { } n ? CellValue.FormatNumber(n) : report.Values[first.Key]!.Text, fields[^1]);
    }

    [Fact]
    public void Csv_QuotesFieldsWithCommas()
    {
        var report = Sample("legacy-beijing") with { AgencyName = "某区\"示范\"办,联合办公" };
        var csv = ReportCsv.Render(report);
        var line = csv.Split("\r\n")[1];
        Assert.StartsWith("\"某区\"\"示范\"\"办,联合办公\",2016,", line);
        Assert.Contains(",legacy-beijing,stats,", line);
    }

    /// <summary>
    /// Issue 25: an imported report's text reached reports.csv as a live formula (LibreOffice ran
    /// it). A field starting with = + - @ tab or CR gets an apostrophe before it (OWASP); numbers,
    /// negative ones too, stay numbers. Writing the text field without <c>Csv.Inert</c> fails this.
    /// </summary>
    [Fact]
    public void Csv_MakesFormulasInert_AndKeepsNumbers()
    {
        var report = Sample("legacy-beijing") with { AgencyName = "=HYPERLINK(\"http://evil.example/x\",\"主动公开信息数\")" };
        var first = report.Format.Cells().First();
        report.Values.Set(first.Key, CellValue.OfText("@SUM(1+1)"));
        var second = report.Format.Cells().Skip(1).First();
        report.Values.Set(second.Key, CellValue.Of(-3));
        var lines = ReportCsv.Render(report).Split("\r\n");
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"主动公开信息数\"\")\",", lines[1]);
        Assert.EndsWith(",'@SUM(1+1)", lines[1]);
        Assert.EndsWith(",-3", lines[2]);
        Assert.All(["=1", "+1", "-x", "@a", "\tx", "\rx"], text => Assert.StartsWith("'", Gongkai.Domain.Text.Csv.Field(text).TrimStart('"')));
        Assert.Equal("-1.5", Gongkai.Domain.Text.Csv.Field(-1.5m));
        Assert.Equal("普通文字", Gongkai.Domain.Text.Csv.Field("普通文字"));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Html_HasEveryLabelAndValue_InSemanticTables(string format)
    {
        var report = Sample(format);
        var document = new HtmlParser().ParseDocument(ReportHtml.Document(report));
        var text = document.Body!.TextContent;
        foreach (var cell in report.Format.Cells())
        {
            var td = document.QuerySelector($"td[data-cell='{cell.Key}']");
            Assert.NotNull(td);
            Assert.Equal(report.Values[cell.Key]!.Display(), td!.TextContent);
            Assert.Contains(cell.Row.Label, text);
            Assert.Contains(cell.Column.Label, text);
        }
        Assert.All(document.QuerySelectorAll("th"), th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "colgroup", "row", "rowgroup" }));
        Assert.Contains("&lt;b&gt;不是标签&lt;/b&gt; &amp; 符号", ReportHtml.Fragment(report));
    }

    [Theory]
    [InlineData("2019", 20)]
    [InlineData("2021", 22)]
    public void Html_RequestTable_SpansTheResultsGroupOverItsRows_LikeTheTemplate(string format, int rowspan)
    {
        var document = new HtmlParser().ParseDocument(ReportHtml.Table(ReportFormats.Get(format).Table("requests"), new ReportValues(), 2022));
        var results = document.QuerySelectorAll("th[scope=rowgroup]").Single(th => th.TextContent == "三、本年度办理结果");
        Assert.Equal(rowspan.ToString(), results.GetAttribute("rowspan"));
        Assert.Equal("8", document.QuerySelectorAll("th[scope=rowgroup]").Single(th => th.TextContent == "（三）不予公开").GetAttribute("rowspan"));
        var corner = document.QuerySelector("td.corner")!;
        Assert.Equal(("3", "3"), (corner.GetAttribute("rowspan"), corner.GetAttribute("colspan")));
        Assert.Equal("3", document.QuerySelectorAll("th[scope=row]").Single(th => th.TextContent == "一、本年新收政府信息公开申请数量").GetAttribute("colspan"));
        // Every body row covers the full width: 3 label columns + 7 value columns.
        foreach (var row in document.QuerySelectorAll("tbody tr"))
        {
            Assert.True(row.Children.Sum(c => int.Parse(c.GetAttribute("colspan") ?? "1")) <= 10);
        }
        Assert.Equal(format == "2019" ? 23 : 25, document.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public void Html_TheArticle20Table_HasABlockPerItem_AndFillsTheWidth()
    {
        var document = new HtmlParser().ParseDocument(ReportHtml.Table(ReportFormats.Get("2019").Table("proactive"), new ReportValues(), 2020));
        Assert.Equal(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"],
            document.QuerySelectorAll("th.section-title").Select(th => th.TextContent));
        Assert.All(document.QuerySelectorAll("th.section-title"), th => Assert.Equal("4", th.GetAttribute("colspan")));
        Assert.Equal(5, document.QuerySelectorAll("tbody").Length);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Docx_PassesTheOpenXmlValidator_AndHoldsEveryLabelAndValue(string format)
    {
        var report = Sample(format);
        var bytes = ReportDocx.Render(report);
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));

        var body = document.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains(report.Title, text);
        foreach (var cell in report.Format.Cells())
        {
            Assert.Contains(cell.Row.Label, text);
            Assert.Contains(cell.Column.Label, text);
        }
        var cellTexts = body.Descendants<TableCell>().Select(c => c.InnerText).ToHashSet();
        foreach (var (_, value) in report.Values.All)
        {
            Assert.Contains(value.Display(), cellTexts);
        }
        var page = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (page.Width!.Value, page.Height!.Value));
    }

    [Fact]
    public void Docx_MergesTheResultsGroupVertically_OverItsRows()
    {
        var report = Sample("2021");
        using var stream = new MemoryStream(ReportDocx.Render(report));
        using var document = WordprocessingDocument.Open(stream, false);
        var table = document.MainDocumentPart!.Document.Body!.Descendants<Table>().Single(t => t.InnerText.Contains("三、本年度办理结果"));
        var firstCells = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().First()).ToList();
        var start = firstCells.FindIndex(c => c.InnerText == "三、本年度办理结果");
        Assert.Equal(MergedCellValues.Restart, firstCells[start].TableCellProperties!.VerticalMerge!.Val!.Value);
        static bool Continues(TableCell c) => c.TableCellProperties?.VerticalMerge is { } merge && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
        var continued = firstCells.Skip(start + 1).TakeWhile(Continues).Count();
        Assert.Equal(21, continued);
        // Every row spans the grid's width.
        var width = table.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TableGrid>()!.Elements<GridColumn>().Count();
        Assert.All(table.Elements<TableRow>(), row => Assert.Equal(width, row.Elements<TableCell>().Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1)));
    }

    [Fact]
    public void Docx_OpensInLibreOffice_WhereInstalled()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);
        Assert.SkipWhen(soffice is null, "LibreOffice is not installed (CI installs libreoffice-writer-nogui).");
        var dir = Directory.CreateTempSubdirectory("gongkai-docx-");
        try
        {
            foreach (var format in new[] { "legacy-weihai", "2019", "2021" })
            {
                File.WriteAllBytes(Path.Combine(dir.FullName, $"{format}.docx"), ReportDocx.Render(Sample(format)));
            }
            var start = new ProcessStartInfo(soffice!, ["--headless", $"-env:UserInstallation=file://{dir.FullName}/profile", "--convert-to", "pdf", "--outdir", dir.FullName,
                .. Directory.GetFiles(dir.FullName, "*.docx")]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "LibreOffice did not finish in 3 minutes.");
            foreach (var format in new[] { "legacy-weihai", "2019", "2021" })
            {
                var pdf = new FileInfo(Path.Combine(dir.FullName, $"{format}.pdf"));
                Assert.True(pdf.Exists && pdf.Length > 1000, $"{format}.pdf was not written: {process.StandardError.ReadToEnd()}");
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Text_PrintsEachDataRowAsTabSeparatedCells(string format)
    {
        var report = Sample(format);
        var text = ReportText.Render(report);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var table in report.Format.Tables)
        {
            foreach (var section in table.Sections)
            {
                foreach (var row in section.Rows.SelectMany(r => r.SelfAndDescendants()).Where(r => r.HasCells))
                {
                    var expected = string.Join('\t', [row.Label, .. section.LeafColumns().Select(c => report.Values[new CellKey(table.Code, row.Code, c.Code)]!.Display())]);
                    Assert.Contains(expected, lines);
                }
            }
        }
        Assert.StartsWith(report.Title, text);
    }
}
