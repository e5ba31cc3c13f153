using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>The system admin loads a year's holiday schedule in the console: pasted or uploaded, previewed, confirmed.</summary>
public sealed class CalendarPageTests
{
    /// <summary>
    /// A 2027 schedule as a notice would word it (test data: its days are invented, its form is the
    /// State Council's): 春节 from 除夕 to 初八 with one weekend worked after.
    /// </summary>
    private const string Notice2027 = """
        一、元旦：1月1日（周五）至3日（周日）放假，共3天。
        二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月20日（周六）上班。
        三、清明节：4月5日（周一）放假，共1天。
        四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。
        五、端午节：6月9日（周三）放假，共1天。
        六、中秋节：9月15日（周三）放假，共1天。
        七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。
        """;

    private static async Task<Visitor.Page> UploadAsync(Visitor admin, string year, string csv)
    {
        var page = await admin.GetAsync("/console/calendar");
        var token = page.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(year), "Year" }, { file, "Upload", $"{year}.csv" } };
        var response = await admin.Client.PostAsync("/console/calendar?handler=Preview", form);
        return new Visitor.Page(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    /// <summary>Posts the preview's own confirmation form, as the admin pressing 确认载入 would.</summary>
    private static Task<Visitor.Page> ConfirmAsync(Visitor admin, Visitor.Page preview) =>
        admin.PostAsync("/console/calendar", Visitor.Values(preview.Document.QuerySelectorAll("main form[method=post]").Single(f => f.TextContent.Contains("确认载入"))));

    [Fact]
    public async Task ThePastedNotice_IsPreviewedWithTheCasesItMoves_AndLoadedOnConfirmation()
    {
        // 18 January 2027, no 2027 notice loaded: an application taken today has a provisional due date.
        await using var app = await GongkaiApp.StartAsync("sqlite", now: new DateTimeOffset(2027, 1, 18, 2, 0, 0, TimeSpan.Zero));
        using var clerk = await app.SignedInAsync("bsz.clerk");
        var registered = await clerk.SubmitAsync("/console/applications/new", new Dictionary<string, string?>
        {
            ["Channel"] = "InPerson", ["Received"] = "2027-01-18", ["Form.Kind"] = "NaturalPerson", ["Form.Name"] = "孙八", ["Form.IdNumber"] = "11010519491231002X",
            ["Form.Phone"] = "13900139000", ["Form.Description"] = "春节期间值班安排", ["Form.FormWanted"] = "电子邮件",
        });
        var tracking = await app.QueryAsync(db => db.Applications.Where(a => a.ApplicantName == "孙八").Select(a => a.TrackingNumber).SingleAsync());
        // Statutory 2027: 除夕 5 Feb, 初三 8 Feb, 补假 9 and 10 Feb off: 20 working days from 19 Jan end on 19 Feb.
        Assert.Equal(new DateOnly(2027, 2, 19), await app.QueryAsync(db => db.Applications.Where(a => a.TrackingNumber == tracking).Select(a => a.DueDate).SingleAsync()));

        using var admin = await app.SignedInAsync("sysadmin");
        Assert.Equal("2027", (await admin.GetAsync("/console/calendar")).Document.QuerySelector("#Year")!.GetAttribute("value"));
        var garbage = await admin.SubmitAsync("/console/calendar", new Dictionary<string, string?> { ["Year"] = "2027", ["Text"] = "请尽快安排" }, handler: "Preview");
        Assert.Contains("没有读出 2027 年的任何放假或调休上班日期", garbage.FieldError("Text"));

        // Only the first two sections pasted: the statutory holidays after them are missing, nothing can be loaded.
        var partial = await admin.SubmitAsync("/console/calendar", new Dictionary<string, string?> { ["Year"] = "2027", ["Text"] = string.Join("\n", Notice2027.Split('\n').Take(2)) }, handler: "Preview");
        Assert.Contains("2027-04-05（清明节）是法定节假日，安排中却不是休息日。", partial.Document.QuerySelector(".preview .error-summary")!.TextContent);
        Assert.DoesNotContain("确认载入", partial.Text);

        var preview = await admin.SubmitAsync("/console/calendar", new Dictionary<string, string?> { ["Year"] = "2027", ["Text"] = Notice2027 }, handler: "Preview");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        var days = preview.Document.QuerySelectorAll(".preview table").First().QuerySelectorAll("tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(19, days.Count); // 1 Jan; 5, 8–12 Feb off; 20 Feb worked; 5 Apr; 3–5 May; 9 Jun; 15 Sep; 1, 4–7 Oct
        Assert.Contains(days, d => d.Contains("2027-02-20") && d.Contains("周六") && d.Contains("调休上班"));
        var move = preview.Document.QuerySelectorAll(".preview table").Last().QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(tracking));
        Assert.Equal(["2027-02-19", "2027-02-22"], move.QuerySelectorAll("td").Skip(2).Select(c => c.TextContent));
        Assert.Equal(0, await app.QueryAsync(db => db.CalendarSchedules.CountAsync()));

        var loaded = await ConfirmAsync(admin, preview);
        Assert.Equal(HttpStatusCode.Redirect, loaded.Status);
        Assert.Equal(new DateOnly(2027, 2, 22), await app.QueryAsync(db => db.Applications.Where(a => a.TrackingNumber == tracking).Select(a => a.DueDate).SingleAsync()));
        Assert.Contains("2008—2027 年", (await admin.GetAsync("/console/calendar")).Text);
        // The clerk's case is no longer 暂定.
        Assert.DoesNotContain("（暂定）", (await clerk.GetAsync(registered.Location!)).Text);
    }

    [Fact]
    public async Task AWrongFile_IsRefusedAtItsField_TheTemplateIsTheStatutoryMinimum_AndOthersMayNot()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("sysadmin");

        var wrong = await UploadAsync(admin, "2027", "date,is_off_day,name\n2027-01-02,true,元旦\n");
        Assert.Contains("是周末", wrong.FieldError("Upload"));
        Assert.Equal(0, await app.QueryAsync(db => db.CalendarSchedules.CountAsync()));

        var template = await admin.Client.GetStringAsync("/console/calendar?handler=Template&year=2027");
        Assert.StartsWith("date,is_off_day,name\n2027-01-01,true,元旦\n", template);
        Assert.Contains("2027-02-05,true,春节", template);

        var uploaded = await UploadAsync(admin, "2027", template);
        Assert.Equal(HttpStatusCode.OK, uploaded.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(admin, uploaded)).Status);
        Assert.Contains("第 1 版", (await admin.GetAsync("/console/calendar")).Text);

        using var countyAdmin = await app.SignedInAsync("qx.admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await countyAdmin.GetAsync("/console/calendar")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await countyAdmin.Client.GetAsync("/console/calendar?handler=Template&year=2027")).StatusCode);
    }
}
