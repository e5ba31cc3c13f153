using System.IO.Compression;
using System.Globalization;
using System.Text;

namespace Gongkai.Tests;

/// <summary>Files built to exhaust a server: a Word table nested without end, a Word file that inflates to hundreds of MB.</summary>
public static class HostileFiles
{
    /// <summary>A Word file whose document part is <paramref name="documentXml"/>, with the entries a package needs.</summary>
    public static byte[] Docx(string documentXml, Action<ZipArchive>? more = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Add("word/document.xml", documentXml);
            more?.Invoke(zip);
        }
        return buffer.ToArray();
    }

    public static string Word(string body) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>""";

    public static byte[] NestedTablesDocx(int depth) =>
        Docx(Word(string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", depth)) + "<w:p/>" + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", depth))));

    /// <summary>A Word file whose one paragraph carries <paramref name="count"/> attributes (2 M: about 10 MB inside, 100 s of the XML reader's time).</summary>
    public static byte[] AttributesDocx(int count)
    {
        var attributes = new StringBuilder(count * 12);
        for (var i = 0; i < count; i++)
        {
            attributes.Append(CultureInfo.InvariantCulture, $" a{i}=\"1\"");
        }
        return Docx(Word($"<w:p{attributes}><w:r><w:t>2019年</w:t></w:r></w:p>"));
    }

    /// <summary>A Word file that is 1 MB or so, with a part of <paramref name="megabytes"/> MB of zeros inside.</summary>
    public static byte[] ZipBombDocx(int megabytes) => Docx(Word("<w:p><w:r><w:t>2019年</w:t></w:r></w:p>"), zip =>
    {
        using var stream = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1 << 20];
        for (var i = 0; i < megabytes; i++)
        {
            stream.Write(zeros);
        }
    });

    /// <summary>A one-page PDF around <paramref name="content"/> (a content stream), with a correct cross-reference table.</summary>
    public static byte[] Pdf(string content, string pageExtras = "", string trailerExtras = "", string? extraObject = null, string streamExtras = "")
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> {pageExtras} >> >>",
            $"<< /Length {Encoding.Latin1.GetByteCount(content)} {streamExtras}>>\nstream\n{content}\nendstream",
        };
        if (extraObject is not null)
        {
            objects.Add(extraObject);
        }
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtras} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A PDF whose content stream opens a million arrays.</summary>
    public static byte[] DeepArraysPdf() => Pdf("BT /F1 12 Tf 72 720 Td (x) Tj ET " + new string('[', 1_000_000));

    /// <summary><paramref name="chunk"/> repeated to <paramref name="megabytes"/> MB, zlib-compressed as a PDF's FlateDecode stream is, as Latin-1 text.</summary>
    private static string Flate(byte[] chunk, int megabytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var written = 0L; written < (long)megabytes << 20; written += chunk.Length)
            {
                zlib.Write(chunk);
            }
        }
        return Encoding.Latin1.GetString(compressed.ToArray());
    }

    /// <summary>A PDF with a stream of <paramref name="megabytes"/> MB of zeros, compressed to about 0.1% of that.</summary>
    public static byte[] FlateBombPdf(int megabytes)
    {
        var stream = Flate(new byte[1 << 20], megabytes);
        return Pdf("BT /F1 12 Tf 72 720 Td (2019) Tj ET",
            extraObject: $"<< /Length {stream.Length} /Filter /FlateDecode >>\nstream\n{stream}\nendstream");
    }

    /// <summary>A one-page PDF whose content stream is <paramref name="megabytes"/> MB of drawing a word, compressed.</summary>
    public static byte[] LongContentPdf(int megabytes) =>
        Pdf(Flate(Encoding.Latin1.GetBytes("BT /F1 12 Tf 72 720 Td (2019) Tj ET\n"), megabytes), streamExtras: "/Filter /FlateDecode ");

    /// <summary>
    /// One page whose content stream is 10 KB of damaged drawing operators (a stream the PDF fuzzer
    /// garbled, tests/fixtures/attachments/garbled-content-stream.bin) repeated: PdfPig's time on it
    /// grows with the square of its length (×100 0.7 s, ×200 2.8 s, ×800 about 45 s on the 2-core
    /// test machine), and no reader can stop it inside the page.
    /// </summary>
    public static byte[] GarbledPagePdf(int repeats)
    {
        var garbled = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "attachments", "garbled-content-stream.bin")));
        return Pdf("BT /F1 12 Tf 72 720 Td (2019) Tj ET\n" + string.Concat(Enumerable.Repeat(garbled + "\n", repeats)));
    }

    public static byte[] EncryptedPdf() => Pdf("BT /F1 12 Tf 72 720 Td (2019) Tj ET", trailerExtras: "/Encrypt 5 0 R /ID [<01> <01>]",
        extraObject: "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <" + new string('a', 64) + "> /U <" + new string('b', 64) + "> >>");

    /// <summary>A web page that opens <paramref name="tags"/> <paramref name="times"/> times and never closes them.</summary>
    public static byte[] OpenTagsHtml(string tags, int times) =>
        Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat(tags, times)) + "2019年</body></html>");

    /// <summary>Every hostile file of the issue (#15), with the refusal a report upload gets: name, content, message after “name：”.</summary>
    public static IEnumerable<(string Name, Func<byte[]> Content, string Message)> ForReportUpload() =>
    [
        ("nested.docx", () => NestedTablesDocx(20_000), "文件结构嵌套过深（超过 256 层）"),
        ("bomb.docx", () => ZipBombDocx(200), "解压后超过 64 MB"),
        ("attributes.docx", () => AttributesDocx(2_000_000), "文件中的一个元素带有过多属性（超过 1,000 个）"),
        ("broken.docx", () => Docx("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"), "不是有效的 Word（DOCX）文件"),
        ("nested.html", () => OpenTagsHtml("<table><tr><td>", 20_000), "文件结构嵌套过深（超过 256 层）"),
        ("divs.html", () => OpenTagsHtml("<div>", 100_000), "文件结构嵌套过深（超过 256 层）"),
        ("arrays.pdf", DeepArraysPdf, "PDF 文件已损坏，无法读取。"),
        ("bomb.pdf", () => FlateBombPdf(100), "解压后超过 64 MB"),
        ("encrypted.pdf", EncryptedPdf, "PDF 文件已加密，无法读取"),
        ("quotes.md", () => Markdown(new string('>', 100_000) + " 2019年"), "文件结构嵌套过深（Markdown 的嵌套层数超出限制）"),
        ("table.md", () => Markdown(string.Concat(Enumerable.Repeat("<table><tr><td>", 20_000))), "文件结构嵌套过深（超过 256 层）"),
    ];

    /// <summary>A markdown report (its title a heading) whose body is <paramref name="body"/>: Markdig reads it, raw HTML goes to the HTML reader.</summary>
    public static byte[] Markdown(string body) => Encoding.UTF8.GetBytes("# 某局2019年度政府信息公开工作年度报告\n\n" + body + "\n");
}
