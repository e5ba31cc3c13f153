using System.Net;
using System.Net.Http.Headers;
using Gongkai.Data;
using Gongkai.Domain.Reports;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>An agency admin uploads a published report, checks what was read beside the source, and imports it with the file kept.</summary>
public sealed class ReportImportTests
{
    private static readonly string Seeds = Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds");

    internal static async Task<Visitor.Page> UploadAsync(Visitor admin, byte[] content, string name)
    {
        var page = await admin.GetAsync("/console/reports/import");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var agency = page.Document.QuerySelector("#AgencyId option[selected]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(agency), "AgencyId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "Upload", name);
        var response = await admin.Client.PostAsync("/console/reports/import", form);
        return new Visitor.Page(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    [Fact]
    public async Task APublishedReport_IsPreviewed_ThenImportedWithItsFile_AndPublishedAsPrinted()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        var bytes = File.ReadAllBytes(Path.Combine(Seeds, "000_e9c3ba55246d135c.txt"));

        var uploaded = await UploadAsync(admin, bytes, "陈庄镇2017年报.txt");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.Status);
        var preview = await admin.GetAsync(uploaded.Location!);
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("政府信息公开情况统计表（山东省格式）", preview.Text);
        Assert.Contains("（一）收到申请数 应等于 1.当面申请数至5.其他形式各项之和 2，实际填报 1。", preview.Document.QuerySelector("#check-results")!.TextContent);
        Assert.Equal("6481", preview.Document.QuerySelector("td[data-cell='stats/proactive.items/value']")!.TextContent);
        Assert.Contains("陈庄镇 2017 年政府信息公开工作年度报告", preview.Document.QuerySelector("pre.source-text")!.TextContent);
        // 陈庄镇's report uploaded by 白沙镇's admin: said before it is saved.
        Assert.Contains("文件中的机关是“利津县陈庄镇人民政府”，而不是要导入的“青溪县白沙镇人民政府”", preview.Document.QuerySelector("#import-warnings")!.TextContent);
        Assert.Contains("表格应有 72 格，读出 72 格", preview.Document.QuerySelector("#import-quality")!.TextContent);

        var imported = await admin.SubmitAsync(uploaded.Location!, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, imported.Status);
        var record = await app.QueryAsync(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Year == 2017));
        Assert.Equal(("legacy-shandong", ReportStatus.Draft, 2), (record.FormatCode, record.Status, record.ErrorCount));
        var source = await app.QueryAsync(db => db.ReportSourceFiles.AsNoTracking().SingleAsync(f => f.Id == record.SourceFileId));
        Assert.Equal(bytes, source.Content);

        // As printed, errors and all: the public record of what the agency published.
        var published = await admin.SubmitAsync($"/console/reports/{record.Id}", new Dictionary<string, string?>(), handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        using var visitor = app.NewVisitor();
        Assert.Equal("1", (await visitor.GetAsync("/agency/qx-bsz/reports/2017")).Document.QuerySelector("td[data-cell='stats/requests.received/value']")!.TextContent);
        var download = await admin.Client.GetByteArrayAsync($"/console/reports/{record.Id}?handler=Source");
        Assert.Equal(bytes, download);

        var again = await admin.SubmitAsync(uploaded.Location!, new Dictionary<string, string?>());
        Assert.Contains("已存在", again.Summary);
    }

    [Fact]
    public async Task AFileThatCannotBeRead_IsRefusedAtTheField_AndNothingIsStored()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("bsz.admin");
        var page = await UploadAsync(admin, "这不是年报"u8.ToArray(), "notes.txt");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("无法解析：notes.txt：找不到报告年度。", page.FieldError("Upload"));
        Assert.Equal(0, await app.QueryAsync(db => db.ReportSourceFiles.CountAsync()));
    }

    [Fact]
    public async Task AnotherAgencysUpload_IsNotVisible()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        string location;
        using (var admin = await app.SignedInAsync("bsz.admin"))
        {
            location = (await UploadAsync(admin, File.ReadAllBytes(Path.Combine(Seeds, "001_f0fde017bca519d7.txt")), "001.txt")).Location!;
        }
        using var other = await app.SignedInAsync("sqz.admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).Status);
        using var clerk = await app.SignedInAsync("bsz.clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/console/reports/import")).Status);
    }
}
