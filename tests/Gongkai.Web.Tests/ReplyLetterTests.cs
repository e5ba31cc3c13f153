using System.Net;
using Gongkai.Tests;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>Reply letters as DOCX, from templates the agency admin can edit.</summary>
public sealed class ReplyLetterTests
{
    private static async Task<(string Url, string Index, string Title)> RepliedApplicationAsync(GongkaiApp app)
    {
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>
        {
            ["Channel"] = "InPerson", ["Received"] = "2026-02-24", ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "王五", ["Form.IdNumber"] = "11010519491231002X",
            ["Form.Phone"] = "13900139000", ["Form.Description"] = "白沙镇2025年度财政预算", ["Form.FormWanted"] = "当面领取",
        });
        // The reply form offers the agency's published items by 索引号 (Art. 36(一): where the information is).
        var offered = (await clerk.GetAsync(registered.Location!)).Document.QuerySelectorAll("#published-items option").ToList();
        Assert.NotEmpty(offered);
        var item = (Index: offered[0].GetAttribute("value")!, Title: offered[0].TextContent);
        var replied = await clerk.SubmitAsync(registered.Location!, new Dictionary<string, string?>
        {
            ["Kind"] = "Reply", ["Date"] = "2026-03-02", ["Reply"] = "AlreadyPublic", ["ItemIndex"] = item.Index, ["Reason"] = "可在“财政预决算”栏目查阅",
        });
        Assert.Equal(HttpStatusCode.Redirect, replied.Status);
        return (registered.Location!, item.Index, item.Title);
    }

    private static string Text(byte[] docx) => DocxText.Of(docx);

    [Fact]
    public async Task AReplyLetter_CitesTheBasis_AndStatesTheRemedies()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        var (url, index, title) = await RepliedApplicationAsync(app);
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var response = await clerk.Client.GetAsync(url + "/letters/reply");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("政府信息公开告知书", text);
        Assert.Contains("王五：", text);
        Assert.Contains("第三十六条第（一）项", text);
        // Where and how (Art. 36(一)): the chosen item's title, 索引号 and address on the portal, then the clerk's words.
        var itemId = await app.QueryAsync(db => db.InfoItems.Where(i => i.IndexNumber == index).Select(i => i.Id).SingleAsync());
        Assert.Contains($"获取方式和途径：《{title}》（索引号：{index}），网址：http://localhost:5000/agency/qx-bsz/items/{itemId}；可在“财政预决算”栏目查阅", text);
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
        var (url, index, _) = await RepliedApplicationAsync(app);
        using var admin = await app.SignedInAsync("bsz.admin");

        var typo = await admin.SubmitAsync("/console/letters", new Dictionary<string, string?> { ["Bodies[AlreadyPublic]"] = "{申请者}：已公开。" });
        Assert.Equal("没有这些占位符：{申请者}。", typo.FieldError("Bodies[AlreadyPublic]"));
        Assert.Equal(0, await app.QueryAsync(db => db.ReplyLetterTemplates.CountAsync()));

        // A template may reword what Art. 36(一) asks, never drop it: where and how to get the information.
        var dropped = await admin.SubmitAsync("/console/letters", new Dictionary<string, string?> { ["Bodies[AlreadyPublic]"] = "{申请人}：\n您要的信息已公开。" });
        Assert.Equal("此类告知书必须包含：{已公开信息}（已公开信息的标题、索引号和网址，或获取途径）。", dropped.FieldError("Bodies[AlreadyPublic]"));
        Assert.Equal(0, await app.QueryAsync(db => db.ReplyLetterTemplates.CountAsync()));

        var saved = await admin.SubmitAsync("/console/letters", new Dictionary<string, string?>
        {
            ["Bodies[AlreadyPublic]"] = "{申请人}：\n您要的信息已在白沙镇政府信息公开专栏（{专栏网址}）公开：{已公开信息}。",
            ["Procedural[SupplementNotice]"] = "{申请人}：\n白沙镇请您补正：{补正内容}，请于{补正期限}前提交。",
        });
        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join(" | ", saved.Document.QuerySelectorAll(".field-error").Select(e => e.TextContent)));
        Assert.Equal((1, 1), (await app.QueryAsync(db => db.ReplyLetterTemplates.CountAsync()), await app.QueryAsync(db => db.ProceduralLetterTemplates.CountAsync())));
        var text = Text(await admin.Client.GetByteArrayAsync(url + "/letters/reply"));
        Assert.Contains($"您要的信息已在白沙镇政府信息公开专栏（http://localhost:5000/agency/qx-bsz）公开：《", text);
        Assert.Contains($"（索引号：{index}）", text);
        Assert.Contains("六十日内向青溪县人民政府申请行政复议", text);

        using var clerk = await app.SignedInAsync("bsz.clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/console/letters")).Status);
    }

    [Fact]
    public async Task TheProceduralLetters_AreOfferedAtTheirSteps_AndRefusedToAnotherAgency()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>
        {
            ["Channel"] = "Post", ["Received"] = "2026-02-24", ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "钱七", ["Form.IdNumber"] = "11010519491231002X",
            ["Form.Phone"] = "13900139000", ["Form.Description"] = "白沙镇某道路工程资料", ["Form.FormWanted"] = "邮寄纸质件",
        });
        var url = registered.Location!;
        var page = await clerk.Client.GetStringAsync(url);
        Assert.Contains("下载受理回执", page);
        Assert.DoesNotContain("下载补正告知书", page);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync(url + "/letters/supplementnotice")).StatusCode);
        var receipt = Text(await clerk.Client.GetByteArrayAsync(url + "/letters/receipt"));
        Assert.Contains("以政府信息公开工作机构签收之日为收到申请之日", receipt);

        // A consultation without its addressee is refused at the form; with it, the letter is offered.
        var nameless = await clerk.SubmitAsync(url, new Dictionary<string, string?> { ["Kind"] = "StartConsultation", ["Date"] = "2026-02-26", ["Reason"] = "是否同意公开施工合同" });
        Assert.Equal(HttpStatusCode.OK, nameless.Status);
        Assert.Contains("请写明征求意见的对象", nameless.Document.QuerySelector(".error-summary")!.TextContent);
        var asked = await clerk.SubmitAsync(url, new Dictionary<string, string?> { ["Kind"] = "StartConsultation", ["Date"] = "2026-02-26", ["Party"] = "某路桥有限公司", ["Reason"] = "是否同意公开施工合同" });
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Contains("下载第三方意见征询函", await clerk.Client.GetStringAsync(url));
        var letter = Text(await clerk.Client.GetByteArrayAsync(url + "/letters/consultationletter"));
        Assert.Contains("某路桥有限公司：", letter);
        Assert.Contains("是否同意公开施工合同", letter);

        using var other = await app.SignedInAsync("sqz.clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(url + "/letters/receipt")).StatusCode);
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
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync(url + "/letters/fee-notice")).StatusCode);

        var sent = await clerk.SubmitAsync(url, new Dictionary<string, string?> { ["Kind"] = "SendFeeNotice", ["Date"] = "2026-03-02", ["Amount"] = "1300", ["Reason"] = "按量计收：共 130 页，第 31–100 页 70 页 × 10 元，第 101–130 页 30 页 × 20 元" });
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Contains("下载收费通知书", await clerk.Client.GetStringAsync(url));

        var response = await clerk.Client.GetAsync(url + "/letters/fee-notice");
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
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(url + "/letters/fee-notice")).StatusCode);
    }
}
