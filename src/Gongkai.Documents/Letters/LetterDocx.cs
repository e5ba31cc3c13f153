using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DocumentFormat.OpenXml;
using Gongkai.Domain.Text;

namespace Gongkai.Documents.Letters;

/// <summary>A reply letter (告知书) as a Word document: A4, official-document margins, 仿宋 body, the agency and date below.</summary>
public static class LetterDocx
{
    public static byte[] Render(string title, string number, IReadOnlyList<string> paragraphs, string agency, string date)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(
                Para(title, "SimHei", 36, JustificationValues.Center, bold: true),
                Para(number, "FangSong", 28, JustificationValues.Center));
            var first = true;
            foreach (var text in paragraphs)
            {
                // The salutation line is not indented; the body is, by two characters.
                body.Append(Para(text, "FangSong", 32, JustificationValues.Left, indent: !first));
                first = false;
            }
            body.Append(Para(agency, "FangSong", 32, JustificationValues.Right, before: 480));
            body.Append(Para(date, "FangSong", 32, JustificationValues.Right));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);
            Files.DocxProperties.Set(document, title, agency);
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, string font, int size, JustificationValues align, bool bold = false, bool indent = false, int before = 0)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = before.ToString(), After = "0", Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }
        properties.Append(new Justification { Val = align });
        var run = new RunProperties(new RunFonts { EastAsia = font, Ascii = font, HighAnsi = font });
        if (bold)
        {
            run.Append(new Bold());
        }
        run.Append(new FontSize { Val = size.ToString() });
        return new Paragraph(properties, new Run(run, new Text(WritableText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
