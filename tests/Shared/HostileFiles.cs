using System.IO.Compression;
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

    private static string Word(string body) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>""";

    public static byte[] NestedTablesDocx(int depth) =>
        Docx(Word(string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", depth)) + "<w:p/>" + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", depth))));

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
}
