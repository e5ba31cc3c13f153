using Gongkai.Documents.Items;
using Gongkai.Domain.Disclosure;

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
}
