using DocumentFormat.OpenXml.Packaging;

namespace Gongkai.Tests;

/// <summary>A generated letter's text as a reader sees it: its paragraphs, opened with the OpenXml SDK.</summary>
public static class DocxText
{
    public static string Of(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
