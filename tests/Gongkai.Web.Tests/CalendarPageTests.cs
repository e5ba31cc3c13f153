using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>The system admin loads a year's holiday schedule in the console.</summary>
public sealed class CalendarPageTests
{
    private static async Task<Visitor.Page> UploadAsync(Visitor admin, string year, string csv)
    {
        var page = await admin.GetAsync("/console/calendar");
        var token = page.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(year), "Year" }, { file, "Upload", $"{year}.csv" } };
        var response = await admin.Client.PostAsync("/console/calendar", form);
        return new Visitor.Page(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    [Fact]
    public async Task TheSystemAdmin_LoadsNextYear_AWrongFileIsRefused_OthersMayNot()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var admin = await app.SignedInAsync("sysadmin");

        var wrong = await UploadAsync(admin, "2027", "date,is_off_day,name\n2027-01-02,true,元旦\n");
        Assert.Contains("是周末", wrong.FieldError("Upload"));
        Assert.Equal(0, await app.QueryAsync(db => db.CalendarSchedules.CountAsync()));

        var loaded = await UploadAsync(admin, "2027", "date,is_off_day,name\n2027-01-01,true,元旦\n");
        Assert.Equal(HttpStatusCode.Redirect, loaded.Status);
        var page = await admin.GetAsync("/console/calendar");
        Assert.Contains("2008—2027 年", page.Text);
        Assert.Contains("第 1 版", page.Text);

        using var countyAdmin = await app.SignedInAsync("qx.admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await countyAdmin.GetAsync("/console/calendar")).Status);
    }
}
