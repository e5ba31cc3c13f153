using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Gongkai.Documents.Files;
using Gongkai.Documents.Import;
using Gongkai.Documents.Items;
using Gongkai.Domain.Reports.Import;
using Gongkai.Tests;

namespace Gongkai.Documents.Tests.Import;

/// <summary>
/// Files built to take the server down — nested without end, bombs that inflate to gigabytes,
/// broken Word files — are refused by every reader of uploads (report import, the parse API,
/// attachments) with a message naming the limit, quickly, in bounded memory.
/// </summary>
public sealed class HostileFileTests
{
    private static string Refusal(string name, byte[] content)
    {
        var clock = Stopwatch.StartNew();
        var refused = Assert.Throws<ReportImportException>(() => ReportFiles.Parse(name, content));
        Assert.True(clock.Elapsed < ReadLimits.Default.Budget, $"took {clock.Elapsed}");
        return refused.Message;
    }

    [Fact]
    public void AWordTableNested20000Deep_IsRefused_NotAStackOverflow() =>
        Assert.Equal("年报.docx：文件结构嵌套过深（超过 256 层）。", Refusal("年报.docx", HostileFiles.NestedTablesDocx(20_000)));

    /// <summary>
    /// Issue 25: one element with 2 M attributes held the XML reader for 102 s and 841 MB inside the
    /// site. The tag is now refused while its bytes go past, before the reader parses it: at the
    /// 1,001st attribute, allocating a few MB. Without <see cref="OfficeFiles.TagSizes"/> this takes
    /// the reader's minutes and fails the budget and the allocation bound.
    /// </summary>
    [Fact]
    public void AWordElementWithTwoMillionAttributes_IsRefusedAtTheThousandth_InBoundedMemory()
    {
        var file = HostileFiles.AttributesDocx(2_000_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal("年报.docx：文件中的一个元素带有过多属性（超过 1,000 个）。", Refusal("年报.docx", file));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64L << 20, $"allocated {allocated >> 20} MB");
    }

    [Fact]
    public void TagSizes_AllowAThousandAttributes_AndQuotedEqualsSigns_AndRefuseTheNext()
    {
        var thousand = string.Concat(Enumerable.Range(0, 1_000).Select(i => $" a{i}=\"x=y>z\""));
        new OfficeFiles.TagSizes().Watch(Encoding.UTF8.GetBytes($"<w:p{thousand}><w:t>a=b</w:t></w:p><w:p{thousand}/>"));
        var refused = Assert.Throws<FileLimitException>(() => new OfficeFiles.TagSizes().Watch(Encoding.UTF8.GetBytes($"<w:p{thousand} b='1'>")));
        Assert.Equal("文件中的一个元素带有过多属性（超过 1,000 个）。", refused.Message);
        Assert.Throws<FileLimitException>(() => new OfficeFiles.TagSizes().Watch(Encoding.UTF8.GetBytes($"<w:p a=\"{new string('x', 300_000)}\">")));
    }

    [Fact]
    public void AWebPageNested20000Deep_IsRefused() =>
        Assert.Equal("年报.html：文件结构嵌套过深（超过 256 层）。",
            Refusal("年报.html", HostileFiles.OpenTagsHtml("<table><tr><td>", 20_000)));

    [Theory]
    [InlineData("<div>")]
    [InlineData("<b>")]
    [InlineData("<span><font>")]
    public void AWebPageOfAHundredThousandOpenTags_IsRefusedBeforeItIsParsed(string tag) =>
        Assert.Equal("年报.html：文件结构嵌套过深（超过 256 层）。",
            Refusal("年报.html", HostileFiles.OpenTagsHtml(tag, 100_000)));

    [Fact]
    public void AWebPageThatLeavesItsCellsAndParagraphsOpen_IsStillRead()
    {
        // Old pages close neither cells, rows nor paragraphs: the next one closes them, as in a browser.
        var rows = string.Concat(Enumerable.Range(1, 2_000).Select(i => $"<tr><td>第{i}行<td>{i}"));
        var paragraphs = string.Concat(Enumerable.Range(1, 2_000).Select(i => $"<p><font>第{i}段"));
        var page = $"<html><body><h1>某县2019年政府信息公开工作年度报告</h1><table>{rows}</table>{paragraphs}</body></html>";
        var document = HtmlSource.Read("年报.html", page);
        Assert.Contains(document.Blocks, b => b is SourceTable { Rows.Count: 2_000 });
    }

    [Fact]
    public void AWebPageWithTheNonCharacterFFFE_IsRefusedWithAMessage_NotAnArgumentException()
    {
        // ICU's normalisation throws on U+FFFE; it came through an HTML entity to every label.
        var page = "<html><body><p>白沙镇2019年政府信息公开工作年度报告&#xFFFE;</p><table><tr><td>合计\uFFFE</td><td>3</td></tr></table></body></html>";
        Assert.StartsWith("年报.html：", Refusal("年报.html", Encoding.UTF8.GetBytes(page)));
    }

    [Fact]
    public void AZipBomb_IsRefused_BeforeItInflates()
    {
        var bomb = HostileFiles.ZipBombDocx(200);
        Assert.True(bomb.Length < 2_000_000, $"{bomb.Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal("年报.docx：解压后超过 64 MB。", Refusal("年报.docx", bomb));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 32 << 20, "the bomb was inflated into memory");
    }

    [Fact]
    public void AFlateBombInAPdf_IsRefused() =>
        Assert.Equal("年报.pdf：解压后超过 64 MB。", Refusal("年报.pdf", HostileFiles.FlateBombPdf(100)));

    [Theory]
    [InlineData("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>")]
    [InlineData("not xml at all")]
    // Found by the fuzz run: a root element outside Word's namespace ("Cannot load the root element", InvalidDataException).
    [InlineData("<?xml version=\"1.0\"?><w:document xmlns:w=\"http:7/schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>")]
    [InlineData("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:tbl><w:p/></w:body></w:document>")]
    public void ABrokenWordFile_IsNotAWordFile(string documentXml)
    {
        Assert.Equal("年报.docx：不是有效的 Word（DOCX）文件。", Refusal("年报.docx", HostileFiles.Docx(documentXml)));
        var attachment = Assert.Throws<InvalidDataException>(() => AttachmentFiles.Text("通知.docx", HostileFiles.Docx(documentXml)));
        Assert.StartsWith("附件“通知.docx”无法读取", attachment.Message);
    }

    [Fact]
    public void AWordFileWhoseRelationshipsNameAMissingPart_IsNotAWordFile()
    {
        // Found by the fuzz run: a damaged _rels/.rels that points the document at a part the zip does not hold.
        var broken = HostileFiles.Docx("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>", zip =>
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/_rels/document.xml.rels").Open());
            writer.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/word/missing.xml"/></Relationships>""");
        });
        Assert.Equal("年报.docx：不是有效的 Word（DOCX）文件。", Refusal("年报.docx", broken));
    }

    [Fact]
    public void AnAttachmentOverTheLimits_IsRefusedWithTheLimit()
    {
        Assert.Equal("附件“通知.docx”无法读取：文件结构嵌套过深（超过 256 层）。",
            Assert.Throws<InvalidDataException>(() => AttachmentFiles.Text("通知.docx", HostileFiles.NestedTablesDocx(20_000))).Message);
        Assert.Equal("附件“名单.xlsx”无法读取：解压后超过 64 MB。",
            Assert.Throws<InvalidDataException>(() => AttachmentFiles.Text("名单.xlsx", HostileFiles.ZipBombDocx(200))).Message);
    }
}
