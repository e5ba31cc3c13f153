using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Documents.Files;
using Gongkai.Domain.Reports.Import;

namespace Gongkai.Documents.Import;

/// <summary>Reads a report published as a Word file: its paragraphs and its tables, in document order.</summary>
public static class DocxSource
{
    public static SourceDocument Read(string name, byte[] content, ReadLimits? limits = null)
    {
        WordprocessingDocument document;
        try
        {
            OfficeFiles.Check(content, limits ?? ReadLimits.Default);
            document = WordprocessingDocument.Open(new MemoryStream(content), false);
        }
        catch (FileLimitException e)
        {
            throw new ReportImportException($"{name}：{e.Message}");
        }
        // A package with a part its relationships name but do not hold: InvalidOperationException.
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new ReportImportException($"{name}：不是有效的 Word（DOCX）文件。");
        }
        try
        {
            return Read(name, document);
        }
        // The package opened, but a part of it does not read as Word XML (a part that is not XML at all:
        // InvalidDataException, "Cannot load the root element", found by the fuzzer).
        catch (Exception e) when (e is System.Xml.XmlException or InvalidOperationException or OpenXmlPackageException or FormatException or InvalidDataException)
        {
            throw new ReportImportException($"{name}：不是有效的 Word（DOCX）文件。");
        }
        finally
        {
            document.Dispose();
        }
    }

    private static SourceDocument Read(string name, WordprocessingDocument document)
    {
        {
            var body = document.MainDocumentPart?.Document?.Body ?? throw new ReportImportException($"{name}：Word 文件中没有正文。");
            var blocks = new List<SourceBlock>();
            var tableIndex = 0;
            var paragraphIndex = 0;
            foreach (var element in body.ChildElements)
            {
                switch (element)
                {
                    case Paragraph p when p.InnerText.Trim().Length > 0:
                        blocks.Add(new SourceParagraph(p.InnerText.Trim(), $"段落 {++paragraphIndex}"));
                        break;
                    case Table t:
                        tableIndex++;
                        blocks.Add(new SourceTable(t.Elements<TableRow>().Select((row, r) => new SourceRow(
                            row.Elements<TableCell>()
                                // A cell that continues a vertical merge holds nothing of its own.
                                .Where(c => c.TableCellProperties?.VerticalMerge is not { } merge || merge.Val?.Value == MergedCellValues.Restart)
                                .Select((c, k) => new SourceCell(string.Join("", c.Elements<Paragraph>().Select(p => p.InnerText)).Trim(), $"表格 {tableIndex}，第 {r + 1} 行第 {k + 1} 格"))
                                .ToList(),
                            $"表格 {tableIndex}，第 {r + 1} 行")).ToList()));
                        break;
                }
            }
            return new SourceDocument(name, blocks);
        }
    }
}
