using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>Reply letters as DOCX, from templates the agency admin can edit.</summary>
public sealed class ReplyLetterTests
{
    private static async Task<string> RepliedApplicationAsync(GongkaiApp app)
    {
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>
        {
            ["Channel"] = "InPerson", ["Received"] = "2026-02-24", ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "王五", ["Form.IdNumber"] = "11010519491231002X",
            ["Form.Phone"] = "13900139000", ["Form.Description"] = "白沙镇2025年度财政预算", ["Form.FormWanted"] = "当面领取",
        });
        await clerk.SubmitAsync(registered.Location!, new Dictionary<string, string?> { ["Kind"] = "Reply", ["Date"] = "2026-03-02", ["Reply"] = "AlreadyPublic", ["Reason"] = "见“财政预决算”栏目《白沙镇2025年度财政预算》（索引号 QX-BSZ-2025-0003）" });
        return registered.Location!;
    }

    private static string Text(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public async Task AReplyLetter_CitesTheBasis_AndStatesTheRemedies()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var url = await RepliedApplicationAsync(app);
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var response = await clerk.Client.GetAsync(url + "?handler=Letter");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("政府信息公开告知书", text);
        Assert.Contains("王五：", text);
        Assert.Contains("第三十六条第（一）项", text);
        // Where and how (Art. 36(一)): the column's address and the clerk's words naming the item.
        Assert.Contains("本机关政府信息公开专栏（http://localhost:5000/agency/qx-bsz）获取：见“财政预决算”栏目《白沙镇2025年度财政预算》（索引号 QX-BSZ-2025-0003）", text);
        // The remedies name their bodies and articles: a town's reconsideration goes to the county government.
        Assert.Contains("六十日内向青溪县人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）", text);
        Assert.Contains("六个月内向青溪县白沙镇人民政府所在地有管辖权的人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）", text);
        Assert.Contains("青溪县白沙镇人民政府", text);
        Assert.Contains("2026年3月2日", text);
    }

    [Fact]
    public async Task TheAgencyAdmin_RewordsALetter_AndTheNextLetterUsesIt()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var url = await RepliedApplicationAsync(app);
        using var admin = await app.SignedInAsync("bsz.admin");

        var typo = await admin.SubmitAsync("/console/letters", new Dictionary<string, string?> { ["Bodies[AlreadyPublic]"] = "{申请者}：已公开。" });
        Assert.Equal("没有这些占位符：{申请者}。", typo.FieldError("Bodies[AlreadyPublic]"));
        Assert.Equal(0, await app.QueryAsync(db => db.ReplyLetterTemplates.CountAsync()));

        // A template may reword what Art. 36(一) asks, never drop it: where and how to get the information.
        var dropped = await admin.SubmitAsync("/console/letters", new Dictionary<string, string?> { ["Bodies[AlreadyPublic]"] = "{申请人}：\n您要的信息已公开。" });
        Assert.Equal("此类答复的告知书必须包含：{理由}（答复的理由或说明）、{专栏网址}（已公开信息的获取地址）。", dropped.FieldError("Bodies[AlreadyPublic]"));
        Assert.Equal(0, await app.QueryAsync(db => db.ReplyLetterTemplates.CountAsync()));

        var saved = await admin.SubmitAsync("/console/letters", new Dictionary<string, string?> { ["Bodies[AlreadyPublic]"] = "{申请人}：\n您要的信息已在白沙镇政府信息公开专栏“财政信息”栏目公开（{专栏网址}）：{理由}。" });
        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join(" | ", saved.Document.QuerySelectorAll(".field-error").Select(e => e.TextContent)));
        Assert.Equal(1, await app.QueryAsync(db => db.ReplyLetterTemplates.CountAsync()));
        var text = Text(await admin.Client.GetByteArrayAsync(url + "?handler=Letter"));
        Assert.Contains("您要的信息已在白沙镇政府信息公开专栏“财政信息”栏目公开（http://localhost:5000/agency/qx-bsz）：见“财政预决算”栏目", text);
        Assert.Contains("六十日内向青溪县人民政府申请行政复议", text);

        using var clerk = await app.SignedInAsync("bsz.clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/console/letters")).Status);
    }

    [Fact]
    public async Task AFeeNotice_StatesTheBasisTheAmountAndTheLastDayToPay()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>
        {
            ["Channel"] = "Online", ["Received"] = "2026-02-24", ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "赵六", ["Form.IdNumber"] = "11010519491231002X",
            ["Form.Phone"] = "13900139000", ["Form.Description"] = "白沙镇2016年至2025年全部会议纪要", ["Form.FormWanted"] = "邮寄纸质件",
        });
        var url = registered.Location!;
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync(url + "?handler=FeeNotice")).StatusCode);

        var sent = await clerk.SubmitAsync(url, new Dictionary<string, string?> { ["Kind"] = "SendFeeNotice", ["Date"] = "2026-03-02", ["Amount"] = "1300", ["Reason"] = "按量计收：共 130 页，第 31–100 页 70 页 × 10 元，第 101–130 页 30 页 × 20 元" });
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Contains("下载收费通知书", await clerk.Client.GetStringAsync(url));

        var response = await clerk.Client.GetAsync(url + "?handler=FeeNotice");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("收取政府信息公开信息处理费通知书", text);
        Assert.Contains("赵六：", text);
        Assert.Contains("第四十二条", text);
        Assert.Contains("国办函〔2020〕109号", text);
        Assert.Contains("信息处理费人民币1300元", text);
        Assert.Contains("第 101–130 页 30 页 × 20 元", text);
        // 20 working days from the day after 2 March 2026: 30 March.
        Assert.Contains("最迟于2026年3月30日", text);
        Assert.Contains("视为您放弃申请", text);
        Assert.Contains("青溪县白沙镇人民政府", text);

        using var other = await app.SignedInAsync("sqz.clerk");
        Assert.NotEqual(HttpStatusCode.OK, (await other.Client.GetAsync(url + "?handler=FeeNotice")).StatusCode);
    }
}
