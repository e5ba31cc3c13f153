using System.Globalization;
using System.Text;
using Gongkai.Documents.Import;
using Gongkai.Domain.Reports.Import;
using Gongkai.Tests;

namespace Gongkai.Documents.Tests.Import;

/// <summary>
/// PDFs that are not what they claim: cut short, overwritten, with a wrong cross-reference table,
/// encrypted, a scan, nested without end. The importer never throws anything but its own error
/// with a message, and never reads a figure that the file does not print.
/// </summary>
[Collection(PrintedReports.Name)]
public sealed class PdfDamageTests(PdfRenders renders)
{
    private static string? Refusal(byte[] pdf)
    {
        try
        {
            ReportFiles.Parse("年报.pdf", pdf);
            return null;
        }
        catch (ReportImportException e)
        {
            return e.Message;
        }
    }

    [Fact]
    public void AScan_SaysItHasNoTextLayer()
    {
        var scan = HostileFiles.Pdf("q 595 0 0 842 0 0 cm /Im1 Do Q", "/XObject << /Im1 5 0 R >>",
            extraObject: "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u00ff\nendstream");
        Assert.Equal("年报.pdf：扫描件，没有可读取的文字层。", Refusal(scan));
    }

    [Fact]
    public void AnEncryptedPdf_SaysSo()
    {
        Assert.Equal("年报.pdf：PDF 文件已加密，无法读取。", Refusal(HostileFiles.EncryptedPdf()));
    }

    [Fact]
    public void ArraysNestedAMillionDeep_AreRefused_NotAStackOverflow()
    {
        Assert.StartsWith("年报.pdf：", Refusal(HostileFiles.DeepArraysPdf()));
    }

    [Fact]
    public void AWrongCrossReferenceTable_GivesAClearMessage()
    {
        var pdf = Encoding.Latin1.GetString(HostileFiles.Pdf("BT /F1 12 Tf 72 720 Td (Low income list 2026) Tj ET"));
        var wrong = Encoding.Latin1.GetBytes(pdf.Replace("0000000009 00000 n", "0000000999 00000 n"));
        // Read anyway (no report year in it) or refused as damaged: either way a sentence naming the file.
        Assert.Contains(Refusal(wrong), new[] { "年报.pdf：找不到报告年度。", "年报.pdf：PDF 文件已损坏，无法读取。" });
    }

    /// <summary>A report's PDF cut short at 100 places and overwritten 300 times: a report or a refusal, never another exception; a cut file never shows a figure the report did not print.</summary>
    [Theory]
    [InlineData("libreoffice", "2021")]
    [InlineData("chromium", "2019")]
    public void ADamagedReport_IsReadOrRefused_NeverWrong(string renderer, string name)
    {
        Assert.SkipWhen(PdfRenders.LibreOffice is null || PdfRenders.Chromium is null, "LibreOffice and Chromium are not installed (CI installs them).");
        var original = renders.Pdf(renderer, name);
        var report = renders.Reports[name];
        var printed = report.Values.All.Where(c => c.Value.Number is not null).Select(c => c.Value.Number!.Value).ToHashSet();
        var random = new Random(name.Length * 31 + renderer.Length);
        var (read, refused) = (0, 0);
        for (var trial = 0; trial < 400; trial++)
        {
            var damaged = trial < 100 ? original[..Math.Max(8, original.Length * trial / 100)] : (byte[])original.Clone();
            for (var k = 0; trial >= 100 && k < 1 + trial % 20; k++)
            {
                damaged[random.Next(8, damaged.Length)] = (byte)random.Next(256);
            }
            ImportedReport imported;
            try
            {
                imported = ReportFiles.Parse("年报.pdf", damaged);
            }
            catch (ReportImportException e)
            {
                Assert.StartsWith("年报.pdf：", e.Message);
                refused++;
                continue;
            }
            read++;
            if (trial >= 100)
            {
                // Overwritten bytes may change what the file prints (a font's map of glyphs to digits): only a cut is checked figure by figure.
                continue;
            }
            Assert.All(imported.Report.Values.All.Where(c => c.Value.Number is not null && imported.Report.Format.FindCell(c.Key)!.Kind != Domain.Reports.ValueKind.UnitText),
                c => Assert.Contains(c.Value.Number!.Value, printed));
        }
        Assert.True(read > 0 && refused > 0, $"read {read}, refused {refused}");
    }
}
