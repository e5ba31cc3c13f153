using System.Net;
using Gongkai.Data;
using Gongkai.Data.Applications;
using Gongkai.Domain.Applications;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>Applications: the public form, the agency's queue, the status page and two clerks at once.</summary>
public sealed class ApplicationTests
{
    private const string ValidId = "11010519491231002X";

    internal static Dictionary<string, string?> Valid() => new()
    {
        ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "张三", ["Form.IdNumber"] = ValidId, ["Form.Phone"] = "13800138000",
        ["Form.Email"] = "zhang@example.com", ["Form.Description"] = "白沙镇2025年农村低保资金发放名单", ["Form.FormWanted"] = "电子邮件",
    };

    internal static async Task<(string Tracking, string Code)> ApplyAsync(Visitor visitor, string agency = "qx-bsz")
    {
        var submitted = await visitor.SubmitAsync($"/agency/{agency}/apply", Valid());
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        var page = await visitor.GetAsync(submitted.Location!);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var strongs = page.Document.QuerySelectorAll(".notice strong").Select(s => s.TextContent).ToList();
        return (strongs[0], strongs[1]);
    }

    [Fact]
    public async Task ThePublicForm_RefusesBadInput_FieldByField_AndStoresNothing()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();

        var empty = await visitor.SubmitAsync("/agency/qx-bsz/apply", new Dictionary<string, string?>());
        Assert.Equal("请选择申请人类型。", empty.FieldError("Form.Kind"));
        Assert.Equal("请填写姓名或名称。", empty.FieldError("Form.Name"));
        Assert.Equal("请填写联系电话。", empty.FieldError("Form.Phone"));
        Assert.Equal("请描述所需的政府信息。", empty.FieldError("Form.Description"));

        var bad = await visitor.SubmitAsync("/agency/qx-bsz/apply", new Dictionary<string, string?>(Valid())
        {
            ["Form.IdNumber"] = "110105194912310021", ["Form.Phone"] = "12345", ["Form.Email"] = "not-mail",
        });
        Assert.Equal("身份证号码不正确，请核对（18 位，最后一位为校验码）。", bad.FieldError("Form.IdNumber"));
        Assert.Equal("联系电话应为 11 位手机号码或带区号的固定电话。", bad.FieldError("Form.Phone"));
        Assert.Equal("电子邮箱格式不正确。", bad.FieldError("Form.Email"));
        Assert.Equal("张三", bad.Document.QuerySelector("#Form_Name")!.GetAttribute("value"));

        Assert.Equal(0, await app.QueryAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task AValidApplication_LandsInTheRightAgencysQueue_WithItsDeadline()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var (tracking, code) = await ApplyAsync(visitor);
        Assert.Matches("^20260302[0-9]{9}$", tracking);
        Assert.Equal(8, code.Length);

        var stored = await app.QueryAsync(db => db.Applications.AsNoTracking().SingleAsync());
        var town = await app.AgencyAsync("qx-bsz");
        Assert.Equal((town.Id, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 30), CaseStatus.InProgress, Channel.Online),
            (stored.AgencyId, stored.Received, stored.DueDate, stored.Status, stored.Channel));
        Assert.DoesNotContain(code, stored.AccessCodeHash);

        using var clerk = await app.SignedInAsync("bsz.clerk");
        Assert.Contains(tracking, (await clerk.GetAsync("/console/applications")).Text);
        using var other = await app.SignedInAsync("sqz.clerk");
        Assert.DoesNotContain(tracking, (await other.GetAsync("/console/applications")).Text);
        // Another agency's application answers as a missing one: ids are not to be probed.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/console/applications/{stored.Id}")).Status);
    }

    [Fact]
    public async Task TheStatusPage_ShowsNothingWithoutTheRightCode()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var (tracking, code) = await ApplyAsync(visitor);

        var wrong = await visitor.SubmitAsync("/track", new Dictionary<string, string?> { ["TrackingNumber"] = tracking, ["Code"] = "AAAAAAAA" });
        Assert.Contains("查询号或查询码不正确。", wrong.Summary);
        Assert.DoesNotContain("青溪县白沙镇人民政府", wrong.Text);
        Assert.DoesNotContain("2026-03-30", wrong.Text);
        var unknown = await visitor.SubmitAsync("/track", new Dictionary<string, string?> { ["TrackingNumber"] = "20260302000000000", ["Code"] = code });
        Assert.Contains("查询号或查询码不正确。", unknown.Summary);

        var right = await visitor.SubmitAsync("/track", new Dictionary<string, string?> { ["TrackingNumber"] = tracking, ["Code"] = code.ToLowerInvariant() });
        Assert.Contains("青溪县白沙镇人民政府", right.Text);
        Assert.Contains("2026-03-30", right.Text);
        Assert.Contains("答复期限：2026-03-30。", right.Text);
        Assert.DoesNotContain(ValidId, right.Text);
        Assert.DoesNotContain("张三", right.Text);
    }

    /// <summary>
    /// A receipt worth keeping (issue 27): the confirmation is a 受理回执 — the agency, the day
    /// received and its rule, what was asked for, the due date in words, how to track (a link that
    /// fills the number in, never the code) and the office's contact; /track shows what was asked,
    /// the working days left and, once answered, gives the reply letter to the number and code only.
    /// </summary>
    [Fact]
    public async Task TheReceipt_AndTheStatusPage_SayWhatWasAsked_TheDaysLeft_AndGiveTheReplyLetter()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var submitted = await visitor.SubmitAsync("/agency/qx-bsz/apply", Valid());
        var receipt = await visitor.GetAsync(submitted.Location!);
        var section = receipt.Document.QuerySelector("section.receipt")!;
        var (tracking, code) = (section.QuerySelector("#receipt-number")!.TextContent, section.QuerySelector("#receipt-code")!.TextContent);
        Assert.Contains("政府信息公开申请受理回执", section.TextContent);
        Assert.Contains("白沙镇2025年农村低保资金发放名单", section.TextContent);
        Assert.Contains("2026年3月30日", section.TextContent);
        Assert.Contains("0571-86040001", section.TextContent);
        var links = section.QuerySelectorAll("a[href^='/track']").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.Equal([$"/track?number={tracking}"], links);
        Assert.DoesNotContain(code, string.Join(" ", section.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))));

        var filled = await visitor.GetAsync(links[0]);
        Assert.Equal(tracking, filled.Document.QuerySelector("#TrackingNumber")!.GetAttribute("value"));
        var open = await visitor.SubmitAsync("/track", new Dictionary<string, string?> { ["TrackingNumber"] = tracking, ["Code"] = code });
        Assert.Contains("白沙镇2025年农村低保资金发放名单", open.Text);
        Assert.Equal("（还有 20 个工作日）", open.Document.QuerySelector(".days-left")!.TextContent);
        Assert.Empty(open.Document.QuerySelectorAll("form[action*='handler=Letter']"));

        var id = await app.QueryAsync(db => db.Applications.Where(a => a.TrackingNumber == tracking).Select(a => a.Id).SingleAsync());
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var replied = await clerk.SubmitAsync($"/console/applications/{id}", new Dictionary<string, string?>
        {
            ["Kind"] = "Reply", ["Date"] = "2026-03-02", ["Reply"] = "Granted", ["Reason"] = "予以公开，见附件。",
        });
        Assert.True(replied.Status == HttpStatusCode.Redirect, replied.Summary);
        var answered = await visitor.SubmitAsync("/track", new Dictionary<string, string?> { ["TrackingNumber"] = tracking, ["Code"] = code });
        Assert.Null(answered.Document.QuerySelector(".days-left"));
        var letterForm = answered.Document.QuerySelector("form[action*='handler=Letter']")!;
        var letter = await visitor.Client.PostAsync(letterForm.GetAttribute("action"), new FormUrlEncodedContent(Visitor.Values(letterForm)!));
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal(Gongkai.Data.Applications.ApplicationLetters.DocxType, letter.Content.Headers.ContentType!.MediaType);
        var stranger = await visitor.Client.PostAsync(letterForm.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>(Visitor.Values(letterForm)!) { ["Code"] = "AAAAAAAA" }));
        Assert.NotEqual(Gongkai.Data.Applications.ApplicationLetters.DocxType, stranger.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TwoClerksAtOnce_OneSucceeds_TheOtherIsToldToReload_NothingLost()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using (var visitor = app.NewVisitor())
        {
            await ApplyAsync(visitor);
        }
        var id = (await app.QueryAsync(db => db.Applications.SingleAsync())).Id;
        using var first = await app.SignedInAsync("bsz.clerk");
        using var second = await app.SignedInAsync("bsz.admin");
        var url = $"/console/applications/{id}";
        var secondPage = await second.GetAsync(url);
        var token = secondPage.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var version = secondPage.Document.QuerySelector("input[name=Version]")!.GetAttribute("value");

        var done = await first.SubmitAsync(url, new Dictionary<string, string?> { ["Kind"] = "StartConsultation", ["Date"] = "2026-03-03", ["Party"] = "某建设有限公司", ["Reason"] = "涉及第三方商业秘密，书面征求意见" });
        Assert.True(done.Status == HttpStatusCode.Redirect, done.Summary + string.Join("|", done.Document.QuerySelectorAll(".field-error").Select(e => e.TextContent)));
        var late = await second.PostAsync(url, new Dictionary<string, string?>
        {
            ["__RequestVerificationToken"] = token, ["Version"] = version, ["Kind"] = "Reply", ["Date"] = "2026-03-04", ["Reply"] = "Granted", ["Reason"] = "予以公开",
        });
        Assert.Contains("已被他人修改", late.Summary);

        var steps = await app.QueryAsync(db => db.ApplicationSteps.AsNoTracking().Where(s => s.ApplicationId == id).Select(s => s.Kind).ToListAsync());
        Assert.Equal([StepKind.StartConsultation], steps);
        Assert.Equal(CaseStatus.InConsultation, (await app.QueryAsync(db => db.Applications.AsNoTracking().SingleAsync())).Status);
    }

    [Fact]
    public async Task AnIllegalStep_IsRefusedWithTheRule_AndAnExtensionNeedsAReviewer()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using (var visitor = app.NewVisitor())
        {
            await ApplyAsync(visitor);
        }
        var id = (await app.QueryAsync(db => db.Applications.SingleAsync())).Id;
        var url = $"/console/applications/{id}";
        using var clerk = await app.SignedInAsync("bsz.clerk");

        var noType = await clerk.SubmitAsync(url, new Dictionary<string, string?> { ["Kind"] = "Reply", ["Date"] = "2026-03-04", ["Reason"] = "答复" });
        Assert.Contains("请选择一种答复类型", noType.Summary);
        var extension = await clerk.SubmitAsync(url, new Dictionary<string, string?> { ["Kind"] = "Extend", ["Date"] = "2026-03-20", ["Days"] = "20", ["Reason"] = "需要协调" });
        Assert.Contains("请由审核人办理", extension.Summary);

        using var reviewer = await app.SignedInAsync("bsz.reviewer");
        var approved = await reviewer.SubmitAsync(url, new Dictionary<string, string?> { ["Kind"] = "Extend", ["Date"] = "2026-03-20", ["Days"] = "20", ["Reason"] = "需要协调" });
        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        Assert.Equal(new DateOnly(2026, 4, 28), (await app.QueryAsync(db => db.Applications.AsNoTracking().SingleAsync())).DueDate);
        var entries = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "ApplicationStep").ToListAsync());
        Assert.Contains(entries, e => e.ActorName == "bsz.reviewer");
    }
}
