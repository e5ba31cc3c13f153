using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Documents.Items;
using Gongkai.Domain.Disclosure;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Documents.Tests.Items;

/// <summary>
/// The text of PDF attachments as two common producers write them (LibreOffice from a text file,
/// Chromium printing an HTML table; the sources are beside the PDFs in tests/fixtures/attachments),
/// read for search and for the personal-data guard.
/// </summary>
public sealed class AttachmentTextTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "attachments", name));

    [Fact]
    public void APdfFromLibreOffice_GivesItsChineseText_AndTheGuardFindsTheIdNumberAndMobile()
    {
        var text = AttachmentFiles.Text("名单.pdf", Fixture("libreoffice-list.pdf"));
        Assert.Contains("白沙镇2026年临时救助对象名单", text);
        Assert.Contains("救助金额 2000 元", text);
        Assert.Contains("Low income assistance list, page one.", text);
        var kinds = PersonalDataGuard.Find(text).Select(f => (f.Kind, f.Value)).ToList();
        Assert.Contains((PersonalDataKind.ResidentId, "330102199003071230"), kinds);
        Assert.Contains((PersonalDataKind.Mobile, "13912345678"), kinds);
    }

    [Fact]
    public void APdfPrintedByChromium_GivesTheTextOfItsTable()
    {
        var text = AttachmentFiles.Text("名单.pdf", Fixture("chromium-list.pdf"));
        Assert.Contains("石桥镇2026年临时救助对象名单", text);
        Assert.Contains("李四", text);
        Assert.Contains((PersonalDataKind.ResidentId, "11010519491231002X"), PersonalDataGuard.Find(text).Select(f => (f.Kind, f.Value)));
        Assert.Contains("13800138000", text);
    }

    [Fact]
    public void AFileThatIsNotAPdf_IsRefusedByName()
    {
        var refused = Assert.Throws<InvalidDataException>(() => AttachmentFiles.Text("名单.pdf", "这不是 PDF 文件"u8.ToArray()));
        Assert.Equal("附件“名单.pdf”无法读取，文件可能已损坏或不是真正的 PDF 文件。", refused.Message);
    }

    /// <summary>Word splits a number across runs as it likes (here after an edit); the mask follows it into both runs.</summary>
    [Fact]
    public void ADocx_IsMaskedInPlace_EvenWhereANumberSpansRuns()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Word.Document(new Word.Body(
                new Word.Paragraph(new Word.Run(new Word.Text("救助对象：张三，身份证号 3301021990")), new Word.Run(new Word.RunProperties(new Word.Bold()), new Word.Text("03071230"))),
                new Word.Paragraph(new Word.Run(new Word.Text("联系电话 13912345678，文号 白政发〔2026〕5号。")))));
        }
        var masked = AttachmentFiles.Masked("名单.docx", stream.ToArray())!;
        var text = AttachmentFiles.Text("名单.docx", masked);
        Assert.Equal("救助对象：张三，身份证号 3301**********1230\n联系电话 139****5678，文号 白政发〔2026〕5号。", text);
        Assert.Empty(PersonalDataGuard.Find(text));
        Assert.Null(AttachmentFiles.Masked("名单.docx", masked));
    }

    [Fact]
    public void AnXlsx_IsMaskedInItsStrings_AndANumberCellBecomesMaskedText()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Sheet.Workbook(new Sheet.Sheets(new Sheet.Sheet { Id = "rId1", SheetId = 1, Name = "名单" }));
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new Sheet.SharedStringTable(new Sheet.SharedStringItem(new Sheet.Text("张三")), new Sheet.SharedStringItem(new Sheet.Text("330102199003071230")));
            var sheet = workbook.AddNewPart<WorksheetPart>("rId1");
            sheet.Worksheet = new Sheet.Worksheet(new Sheet.SheetData(new Sheet.Row(
                new Sheet.Cell { CellReference = "A1", DataType = Sheet.CellValues.SharedString, CellValue = new Sheet.CellValue("0") },
                new Sheet.Cell { CellReference = "B1", DataType = Sheet.CellValues.SharedString, CellValue = new Sheet.CellValue("1") },
                new Sheet.Cell { CellReference = "C1", CellValue = new Sheet.CellValue("13912345678") },
                new Sheet.Cell { CellReference = "D1", CellValue = new Sheet.CellValue("2000") })));
        }
        var masked = AttachmentFiles.Masked("名单.xlsx", stream.ToArray())!;
        var text = AttachmentFiles.Text("名单.xlsx", masked);
        Assert.Equal("张三 3301**********1230 139****5678 2000", text.Trim());
        Assert.Empty(PersonalDataGuard.Find(text));
    }

    [Fact]
    public void APdf_CannotBeMaskedHere()
    {
        Assert.Null(AttachmentFiles.Masked("名单.pdf", Fixture("libreoffice-list.pdf")));
    }

    /// <summary>
    /// A damaged or unusual PDF never breaks an upload: what the reader cannot follow gives less
    /// text (the reviewer looks at the file), never an exception. Cut short anywhere, or with bytes
    /// overwritten anywhere, both fixtures still read.
    /// </summary>
    [Theory]
    [InlineData("libreoffice-list.pdf", 1, 500)]
    [InlineData("chromium-list.pdf", 1, 500)]
    // This seed once broke a compressed stream so that zlib failed with another error than "invalid data".
    [InlineData("chromium-list.pdf", 11, 1000)]
    public void ADamagedPdf_GivesWhatTextItCan_AndNeverFails(string fixture, int seed, int trials)
    {
        var original = Fixture(fixture);
        // The intact file gives all its text; a damaged one gives what it can, or "" — never an exception.
        var full = AttachmentFiles.PdfAttachmentText(original);
        Assert.NotEqual("", full);
        var random = new Random(fixture.Length + seed);
        var gaveText = 0;
        for (var trial = 0; trial < trials; trial++)
        {
            var damaged = trial < 100
                ? original[..Math.Max(8, original.Length * trial / 100)]
                : original.Select(b => b).ToArray();
            if (trial >= 100)
            {
                for (var k = 0; k < 1 + trial % 40; k++)
                {
                    damaged[random.Next(8, damaged.Length)] = (byte)random.Next(256);
                }
            }
            var text = AttachmentFiles.PdfAttachmentText(damaged);
            gaveText += text.Length > 0 ? 1 : 0;
        }
        // Most damage leaves most pages readable: a reader that gave up on any damage would give nothing here.
        Assert.True(gaveText > trials / 4, $"only {gaveText} of {trials} damaged copies gave any text");
    }
}
