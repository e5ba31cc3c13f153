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

    /// <summary>
    /// Issue 25: a field over the form reader's 4 MB answered 500 on the apply form, /track, the
    /// sign-in and the parse API. Now 413 with the site's page (problem JSON for the API), nothing
    /// stored, the site answering. Taking RequestLimits out of the pipeline makes these 500.
    /// </summary>
    [Fact]
    public async Task AFieldOverFourMegabytes_Answers413_OnEveryPublicForm_AndTheApi()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var huge = new string('x', 4_300_000);
        foreach (var url in new[] { "/agency/qx-bsz/apply", "/track", "/console/login" })
        {
            var token = await visitor.TokenFromAsync(url);
            var page = await visitor.PostAsync(url, new Dictionary<string, string?> { ["__RequestVerificationToken"] = token, ["Form.Name"] = huge, ["UserName"] = huge, ["TrackingNumber"] = huge });
            Assert.Equal((url, HttpStatusCode.RequestEntityTooLarge), (url, page.Status));
            Assert.Contains("提交的内容过大", page.Text);
        }
        using var api = new FormUrlEncodedContent(new Dictionary<string, string> { ["file"] = huge });
        var answer = await visitor.Client.PostAsync("/api/v1/reports/parse", api);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Contains("提交的内容过大", await answer.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.QueryAsync(db => db.Applications.CountAsync(a => a.ApplicantName.Length > 1000)));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/agency/qx-bsz/apply")).Status);
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
        // The title goes into the Word file's document properties too (issue 25: a 500 for ever there).
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE annual_reports SET content = replace(content, '\"title\": \"', '\"title\": \"\\u0001\\u000b') WHERE status = 'Published'"));

        var letter = await clerk.Client.GetAsync(registered.Location + "/letters/reply");
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

    /// <summary>Longer than any field's limit (the longest, an item's body, holds 200,000 characters).</summary>
    private static readonly string Overlong = new('长', 200_001);

    [Fact]
    public async Task AnOverlongValue_InAnyTextFieldOfAnyForm_IsRefusedWithAMessage_NeverStored()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        using var admin = await app.SignedInAsync("bsz.admin");
        using var reviewer = await app.SignedInAsync("bsz.reviewer");
        var town = await app.AgencyAsync("qx-bsz");
        var report = (await admin.SubmitAsync("/console/reports/new", new Dictionary<string, string?> { ["Year"] = "2026" })).Location!;
        var inReview = await app.QueryAsync(db => db.InfoItems.Where(i => i.AgencyId == town.Id && i.Status == Gongkai.Domain.Disclosure.ItemStatus.InReview).Select(i => i.Id).FirstAsync());
        var draft = (await admin.SubmitAsync("/console/items/new", new Dictionary<string, string?>
        {
            ["Title"] = "白沙镇草稿", ["WrittenOn"] = "2026-02-26", ["CategoryCode"] = "a21.t08", ["DocumentKind"] = "None", ["Channels"] = "Website", ["Body"] = "草稿正文。",
        })).Location!.Split('/')[3];
        var application = (await admin.SubmitAsync("/console/applications/new", new Dictionary<string, string?>
        {
            ["Channel"] = "InPerson", ["Received"] = "2026-02-24", ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "王五", ["Form.IdNumber"] = "11010519491231002X",
            ["Form.Phone"] = "13900139000", ["Form.Description"] = "白沙镇2025年度财政预算", ["Form.FormWanted"] = "当面领取",
        })).Location!;
        var clerkUser = (await app.UserAsync("bsz.clerk")).Id;
        using var sysadmin = await app.SignedInAsync("sysadmin");
        var pages = new (Visitor Who, string Url)[]
        {
            (visitor, "/agency/qx-bsz/apply"), (visitor, "/track"), (visitor, "/console/login"),
            (admin, "/console/items/new"), (admin, $"/console/items/{draft}/edit"), (admin, "/console/applications/new"), (admin, application),
            (admin, $"/console/agencies/{town.Id}"), (admin, "/console/users/new"), (admin, $"/console/users/{clerkUser}"), (admin, "/console/account"),
            (admin, "/console/account/mail"), (admin, "/console/letters"), (admin, "/console/mail/templates"), (admin, "/console/reports/import"),
            (admin, report.EndsWith("/edit", StringComparison.Ordinal) ? report : report + "/edit"),
            (reviewer, $"/console/items/{inReview}"), (sysadmin, "/console/calendar"), (sysadmin, "/console/agencies/new"),
        };
        var accepted = new List<string>();
        var forms = 0;
        foreach (var (who, url) in pages)
        {
            var page = await who.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            foreach (var form in page.Document.QuerySelectorAll("main form[method=post]"))
            {
                var values = Visitor.Values(form);
                var texts = form.QuerySelectorAll("textarea[name], input[name]")
                    .Where(i => i.LocalName == "textarea" || (i.GetAttribute("type") ?? "text") is "text" or "email" or "tel" or "password" or "search")
                    .Select(i => i.GetAttribute("name")!).ToList();
                foreach (var name in texts)
                {
                    var answer = await who.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : url, new Dictionary<string, string?>(values) { [name] = Overlong });
                    forms++;
                    // Refused: the form again, with a message at the field or above the form (an email of that length is first of all not an email).
                    if (answer.Status != HttpStatusCode.OK || (answer.FieldError(name).Length == 0 && answer.Summary.Length == 0))
                    {
                        accepted.Add($"{url} {name}: {(int)answer.Status}");
                    }
                }
            }
        }
        Assert.True(forms >= 120, $"only {forms} fields were tried");
        Assert.True(accepted.Count == 0, string.Join("\n", accepted));
        // Never stored, in any table a form writes text to.
        var probe = new string('长', 50);
        Assert.Equal(1, await app.QueryAsync(db => db.Applications.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(async db =>
            await db.Applications.CountAsync(a => a.Description.Contains(probe) || a.ApplicantName.Contains(probe)) + await db.ApplicationSteps.CountAsync(a => a.Reason.Contains(probe))
            + await db.Appeals.CountAsync(a => a.Body.Contains(probe)) + await db.InfoItems.CountAsync(i => i.Title.Contains(probe) || i.BodyText.Contains(probe))
            + await db.Agencies.CountAsync(a => a.OfficeName.Contains(probe) || (a.GuideText != null && a.GuideText.Contains(probe)) || (a.RulesText != null && a.RulesText.Contains(probe)))
            + await db.StaffUsers.CountAsync(u => u.DisplayName.Contains(probe)) + await db.ReplyLetterTemplates.CountAsync(t => t.Body.Contains(probe))
            + await db.ProceduralLetterTemplates.CountAsync(t => t.Body.Contains(probe)) + await db.MessageTemplates.CountAsync(t => t.Body.Contains(probe) || t.Subject.Contains(probe))
            + await db.CalendarSchedules.CountAsync(c => c.Csv.Contains(probe)) + await db.AnnualReports.CountAsync(r => r.Content.Contains(probe))
            + await db.ItemSignOffs.CountAsync(o => o.Opinion.Contains(probe))));

        // A handler's own text (the reviewer's opinion) is bounded too, and the message names it as the form does.
        var act = await reviewer.SubmitAsync($"/console/items/{inReview}", new Dictionary<string, string?> { ["action"] = "PassReview", ["opinion"] = new string('意', 1001) }, handler: "Act");
        Assert.Equal("“意见”不超过 1000 个字（现有 1001 个字）。", act.Summary);
    }
}
