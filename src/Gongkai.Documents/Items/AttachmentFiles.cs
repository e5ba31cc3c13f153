using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Documents.Files;
using Gongkai.Documents.Pdf;
using Gongkai.Domain.Disclosure;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Documents.Items;

/// <summary>What kinds of file an item may carry, and the text read from them for search and the personal-data guard.</summary>
public static class AttachmentFiles
{
    /// <summary>20 MB: a scanned document of a few dozen pages; larger files belong in the archive, not on the portal.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    /// <summary>Why a file cannot be attached, in Chinese naming the file, or null.</summary>
    public static string? Problem(string fileName, long size)
    {
        if (!ContentTypes.ContainsKey(Path.GetExtension(fileName)))
        {
            return $"附件“{fileName}”的类型不支持：只能上传 PDF、DOCX、XLSX、JPG、PNG 文件。";
        }
        if (size == 0)
        {
            return $"附件“{fileName}”是空文件。";
        }
        return size > MaxBytes ? $"附件“{fileName}”超过 20 MB。" : null;
    }

    /// <summary>
    /// The text of a DOCX, XLSX or PDF (<see cref="PdfLines"/>); empty for images and scanned PDFs,
    /// whose personal data needs a reviewer's eye. A file that claims to be one of these but is
    /// not gives an error naming it.
    /// </summary>
    public static string Text(string fileName, byte[] content, ReadLimits? limits = null)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            if (extension is ".docx" or ".xlsx")
            {
                OfficeFiles.Check(content, limits ?? ReadLimits.Default);
            }
            return extension switch
            {
                ".docx" => DocxText(content),
                ".xlsx" => XlsxText(content),
                ".pdf" => PdfAttachmentText(content, limits),
                _ => "",
            };
        }
        catch (FileLimitException e)
        {
            throw new InvalidDataException($"附件“{fileName}”无法读取：{e.Message}", e);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"附件“{fileName}”无法读取，文件可能已损坏或不是真正的 {extension[1..].ToUpperInvariant()} 文件。", e);
        }
    }

    /// <summary>
    /// A PDF's text; "" when it has none to read (a scan, an encrypted or damaged file): its content
    /// then needs the reviewer's eye, and the upload still goes through.
    /// </summary>
    public static string PdfAttachmentText(byte[] content, ReadLimits? limits = null)
    {
        if (!PdfLines.IsPdf(content))
        {
            throw new InvalidDataException("Not a PDF file.");
        }
        try
        {
            return PdfLines.Text(PdfLines.Read(content, limits));
        }
        catch (PdfUnreadableException)
        {
            return "";
        }
    }

    private static string DocxText(byte[] content)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content), false);
        var body = document.MainDocumentPart?.Document.Body;
        return body is null ? "" : string.Join("\n", body.Descendants<Word.Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0));
    }

    private static string XlsxText(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var shared = document.WorkbookPart?.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var text = new StringBuilder();
        foreach (var sheet in document.WorkbookPart?.WorksheetParts ?? [])
        {
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                var cells = row.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.SharedString && int.TryParse(c.CellValue?.Text, out var i) && i < shared.Count
                    ? shared[i]
                    : c.CellValue?.Text ?? c.InnerText);
                text.AppendLine(string.Join(" ", cells));
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// The file with every piece of personal data the guard finds masked in place (1101**********1234),
    /// for DOCX and XLSX; null when there is nothing to mask or the kind cannot be masked here (PDF,
    /// images: the reviewer replaces the file or records why it may be published).
    /// </summary>
    public static byte[]? Masked(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".docx" or ".xlsx"))
        {
            return null;
        }
        using var stream = new MemoryStream();
        stream.Write(content);
        var masked = 0;
        if (extension == ".docx")
        {
            using var document = WordprocessingDocument.Open(stream, true);
            foreach (var part in new OpenXmlPart?[] { document.MainDocumentPart }.Concat(document.MainDocumentPart?.HeaderParts ?? []).Concat(document.MainDocumentPart?.FooterParts ?? []))
            {
                foreach (var paragraph in part?.RootElement?.Descendants<Word.Paragraph>() ?? [])
                {
                    masked += MaskRuns(paragraph.Descendants<Word.Text>().ToList());
                }
            }
        }
        else
        {
            using var document = SpreadsheetDocument.Open(stream, true);
            foreach (var item in document.WorkbookPart?.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>() ?? [])
            {
                masked += MaskRuns(item.Descendants<Text>().ToList());
            }
            foreach (var cell in document.WorkbookPart?.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()) ?? [])
            {
                if (cell.DataType?.Value == CellValues.InlineString)
                {
                    masked += MaskRuns(cell.Descendants<Text>().ToList());
                }
                else if (cell.DataType?.Value != CellValues.SharedString && cell.CellValue?.Text is { } number
                         && PersonalDataGuard.Find(number).Count > 0)
                {
                    // A number (a mobile typed into a number cell) becomes the masked text.
                    cell.CellValue.Remove();
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(PersonalDataGuard.MaskAll(number)));
                    masked++;
                }
            }
        }
        return masked == 0 ? null : stream.ToArray();
    }

    /// <summary>
    /// Masks what the guard finds in the text of consecutive runs (Word splits a number across runs
    /// freely), character by character in the runs that hold it: masks keep the length.
    /// </summary>
    private static int MaskRuns(IReadOnlyList<OpenXmlLeafTextElement> runs)
    {
        var text = string.Concat(runs.Select(r => r.Text));
        var findings = PersonalDataGuard.Find(text);
        if (findings.Count == 0)
        {
            return 0;
        }
        var chars = text.ToCharArray();
        foreach (var f in findings)
        {
            f.Masked.CopyTo(0, chars, f.Start, f.Length);
        }
        var at = 0;
        foreach (var run in runs)
        {
            var length = run.Text.Length;
            run.Text = new string(chars, at, length);
            if (run is Word.Text wordText)
            {
                wordText.Space = SpaceProcessingModeValues.Preserve;
            }
            at += length;
        }
        return findings.Count;
    }
}
