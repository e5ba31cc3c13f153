using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Data.Demo;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>What the public and staff type is stored only when it can be written into every document; what is stored always renders; a session ends at sign-out.</summary>
public sealed class InputSafetyTests
{
    private static Dictionary<string, string?> Application(string name, string id = "11010519491231002X") => new()
    {
        ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = name, ["Form.IdNumber"] = id, ["Form.Phone"] = "13800138000",
        ["Form.Description"] = "2025年白沙镇道路建设项目招标文件", ["Form.FormWanted"] = "电子邮件",
    };

    [Fact]
    public async Task AControlCharacterInAPublicForm_IsRefusedAtItsField_AndNothingIsStored()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var before = await app.QueryAsync(db => db.Applications.CountAsync());

        var page = await visitor.SubmitAsync("/agency/qx-bsz/apply", Application("张\u000b三"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("“姓名或名称”中有无法保存的控制字符（如从其他软件复制来的隐藏字符），请删除后重新提交。", page.FieldError("Form.Name"));
        Assert.Equal(before, await app.QueryAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task RefreshingTheConfirmation_SubmitsNothingAgain_AndShowsTheCodeOnce()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();

        var submitted = await visitor.SubmitAsync("/agency/qx-bsz/apply", Application("张三"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        var confirmation = await visitor.GetAsync(submitted.Location!);
        Assert.Contains("申请已提交", confirmation.Text);
        var refreshed = await visitor.GetAsync(submitted.Location!);

        Assert.DoesNotContain("申请已提交", refreshed.Text);
        Assert.Equal(1, await app.QueryAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task AThreeMegabyteIdNumber_IsRefused()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var page = await visitor.SubmitAsync("/agency/qx-bsz/apply", Application("某某有限公司", new string('9', 3_000_000)));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("身份证号码或证照号码不超过 30 个字符。", page.FieldError("Form.IdNumber"));
    }

    [Fact]
    public async Task StoredControlCharacters_StillRender_InTheReplyLetter_AndAPublishedReportsDocx()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>(Application("王五")) { ["Channel"] = "InPerson", ["Received"] = "2026-02-24" });
        await clerk.SubmitAsync(registered.Location!, new Dictionary<string, string?> { ["Kind"] = "Reply", ["Date"] = "2026-03-02", ["Reply"] = "AlreadyPublic", ["Reason"] = "已在专栏公开" });
        // Rows stored before the forms refused such characters, or written by another program.
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE applications SET applicant_name = 'Wang' || char(11) || 'Wu' || char(1)"));
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE annual_reports SET content = replace(content, '\"text\": \"', '\"text\": \"\\u000b') WHERE status = 'Published'"));

        var letter = await clerk.Client.GetAsync(registered.Location + "?handler=Letter");
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await letter.Content.ReadAsByteArrayAsync()), false))
        {
            // The vertical tab (Word's Shift+Enter) becomes a line break, the other control character goes.
            Assert.Contains("Wang\nWu：", document.MainDocumentPart!.Document.Body!.InnerText);
        }
        using var visitor = app.NewVisitor();
        var docx = await visitor.Client.GetAsync("/agency/qx-sqz/reports/2025?download=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
    }

    [Fact]
    public async Task ACopiedCookie_IsRefused_AfterSignOut()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var signIn = await visitor.SignInAsync("bsz.clerk", DemoData.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gongkai.staff=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/console")).StatusCode);

        var token = await visitor.TokenFromAsync("/console");
        await visitor.PostAsync("/console/logout", new Dictionary<string, string?> { ["__RequestVerificationToken"] = token });

        var after = await copy.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/console/login", after.Headers.Location!.OriginalString);
    }
}
