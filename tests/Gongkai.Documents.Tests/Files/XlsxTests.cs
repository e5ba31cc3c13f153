using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Documents.Files;

namespace Gongkai.Documents.Tests.Files;

public sealed class XlsxTests
{
    [Fact]
    public void AWorkbook_HasItsSheetsNumbersAsNumbersAndMerges_AndReadsBack()
    {
        var bytes = Xlsx.Write(
        [
            new("申请", ["查询号", "剩余工作日"], [["2026A1", 3], ["2026A2", -2m], ["含\u0001控制字符", null]]),
            new("申请", ["表"], [["（一）", "（二）"]], [new Xlsx.Merge(0, 0, 1, 2)]),
        ]);
        using var book = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        // Valid SpreadsheetML, as Excel and WPS require (the package's parts are written by hand).
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(book).Select(e => $"{e.Part?.Uri}: {e.Description}"));
        var sheets = book.WorkbookPart!.Workbook.Sheets!.OfType<Sheet>().ToList();
        Assert.Equal(["申请", "申请(2)"], sheets.Select(s => s.Name!.Value!));
        var first = ((WorksheetPart)book.WorkbookPart.GetPartById(sheets[0].Id!.Value!)).Worksheet;
        var cells = first.Descendants<Cell>().ToList();
        Assert.Equal(("B2", CellValues.Number, "3"), (cells[3].CellReference!.Value!, cells[3].DataType!.Value, cells[3].CellValue!.Text));
        Assert.Equal("-2", cells[5].CellValue!.Text);
        Assert.Equal("含控制字符", cells[6].InnerText);
        Assert.NotNull(first.SheetViews);
        var second = ((WorksheetPart)book.WorkbookPart.GetPartById(sheets[1].Id!.Value!)).Worksheet;
        Assert.Equal("A2:B2", Assert.Single(second.Descendants<MergeCell>()).Reference!.Value);
    }

    /// <summary>
    /// Policy <c>AnExport_IsStreamed_NotBuffered</c>: the workbook leaves as its rows are produced.
    /// While the 300,000th row is being produced, most of the file is already in the output (a
    /// package opened for update, as before, writes nothing until it is closed); and every row is
    /// in the file, read back.
    /// </summary>
    [Fact]
    public void AnExport_IsStreamed_NotBuffered()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gongkai-xlsx-{Guid.NewGuid():N}.xlsx");
        try
        {
            long writtenBeforeTheEnd = 0;
            using (var output = File.Create(path))
            {
                IEnumerable<IReadOnlyList<object?>> Rows()
                {
                    for (var i = 1; i <= 300_000; i++)
                    {
                        if (i == 300_000)
                        {
                            writtenBeforeTheEnd = output.Length;
                        }
                        yield return [$"2026{i:D8}", "青溪县白沙镇人民政府", "2026-03-02", i % 40 - 20];
                    }
                }
                Xlsx.Write(output, [new Xlsx.Sheet("申请", ["查询号", "机构", "收到日期", "剩余工作日"], Rows())]);
                Assert.True(writtenBeforeTheEnd > output.Length / 2, $"{writtenBeforeTheEnd} of {output.Length} bytes written before the last row");
            }
            using var book = SpreadsheetDocument.Open(path, false);
            var part = book.WorkbookPart!.WorksheetParts.Single();
            using var reader = OpenXmlReader.Create(part);
            var rows = 0;
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                {
                    rows++;
                }
            }
            Assert.Equal(300_001, rows);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
