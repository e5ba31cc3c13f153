using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// Files built to take the site down, sent where anyone (the parse API) or a clerk (attachments)
/// can upload: each is answered 4xx with the limit it broke, quickly, and the site stays up.
/// </summary>
public sealed class HostileUploadTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "nested.docx", "文件结构嵌套过深（超过 256 层）" },
        { "bomb.docx", "解压后超过 64 MB" },
        { "broken.docx", "不是有效的 Word（DOCX）文件" },
        { "nested.html", "文件结构嵌套过深（超过 256 层）" },
    };

    private static byte[] Content(string name) => name switch
    {
        "nested.docx" => HostileFiles.NestedTablesDocx(20_000),
        "bomb.docx" => HostileFiles.ZipBombDocx(200),
        "broken.docx" => HostileFiles.Docx("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"),
        _ => System.Text.Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<table><tr><td>", 20_000)) + "</body></html>"),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task TheParseApi_RefusesAHostileFile_WithTheLimit_AndStaysUp(string name, string message)
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Content(name));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);

        var clock = Stopwatch.StartNew();
        var response = await visitor.Client.PostAsync("/api/v1/reports/parse", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"{name}：{message}", await response.Content.ReadAsStringAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/")).Status);
    }

    [Fact]
    public async Task AHostileAttachment_IsRefusedAtTheField_AndNothingIsStored()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var url = (await clerk.SubmitAsync("/console/items/new", new Dictionary<string, string?>
        {
            ["Title"] = "白沙镇2026年2月救助工作情况", ["WrittenOn"] = "2026-02-26", ["CategoryCode"] = "a21.t08", ["DocumentKind"] = "None", ["Channels"] = "Website", ["Body"] = "见附件。",
        })).Location!;
        foreach (var name in new[] { "nested.docx", "bomb.docx", "broken.docx" })
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(await clerk.TokenFromAsync(url)), "__RequestVerificationToken" },
                { new ByteArrayContent(Content(name)), "file", name },
            };
            var response = await clerk.Client.PostAsync(url + "?handler=Attach", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"附件“{name}”无法读取", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        Assert.Equal(0, await app.QueryAsync(db => db.ItemAttachments.CountAsync()));
    }
}
