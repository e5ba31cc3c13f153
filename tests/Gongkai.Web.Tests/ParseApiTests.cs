using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Gongkai.Web.Tests;

/// <summary>POST /api/v1/reports/parse: a report file in, its data and checks out; documented in the OpenAPI description.</summary>
public sealed class ParseApiTests
{
    private static readonly string Seeds = Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds");

    private static MultipartFormDataContent Upload(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", name);
        return form;
    }

    /// <summary>Parses cost CPU: with every slot of the node taken, another waits a few seconds, then is told to come back.</summary>
    [Fact]
    public async Task WithEveryParseSlotTaken_AnotherParseIsAnsweredBusy_AndRunsOnceASlotIsFree()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite", new Dictionary<string, string> { ["Uploads:ConcurrentParses"] = "1" });
        using var visitor = app.NewVisitor();
        var report = File.ReadAllBytes(Path.Combine(Seeds, "004_3fbe00e9627bb4eb.txt"));
        var slots = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Gongkai.Web.Reports.ParseSlots>(app.Services);
        Assert.Equal(1, slots.Count);
        var held = await slots.EnterAsync(CancellationToken.None);
        Assert.NotNull(held);
        var busy = await visitor.Client.PostAsync("/api/v1/reports/parse", Upload(report, "004.txt"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal("30", busy.Headers.RetryAfter?.ToString());
        Assert.Contains("请稍后再试", await busy.Content.ReadAsStringAsync());
        held!.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.PostAsync("/api/v1/reports/parse", Upload(report, "004.txt"))).StatusCode);
    }

    [Fact]
    public async Task AReport_ComesBackAsData_WithItsChecks()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var response = await visitor.Client.PostAsync("/api/v1/reports/parse", Upload(File.ReadAllBytes(Path.Combine(Seeds, "004_3fbe00e9627bb4eb.txt")), "004.txt"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("legacy-weihai", "张村镇政府", 2012), (json.GetProperty("format").GetString(), json.GetProperty("agency").GetString(), json.GetProperty("year").GetInt32()));
        Assert.Contains(json.GetProperty("checks").EnumerateArray(), c => c.GetProperty("check").GetString() == "reading_visitors.sum");
        Assert.True(json.GetProperty("import").GetProperty("hasTable").GetBoolean());
    }

    [Fact]
    public async Task NoFile_OrAnUnreadableOne_IsAProblemInChinese()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();

        var empty = await visitor.Client.PostAsync("/api/v1/reports/parse", new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("缺少报告文件", await empty.Content.ReadAsStringAsync());

        var junk = await visitor.Client.PostAsync("/api/v1/reports/parse", Upload("不是报告"u8.ToArray(), "junk.txt"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, junk.StatusCode);
        Assert.Contains("junk.txt：找不到报告年度。", await junk.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheEndpoint_IsInTheOpenApiDescription()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var document = JsonDocument.Parse(await visitor.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var operation = document.GetProperty("paths").GetProperty("/api/v1/reports/parse").GetProperty("post");
        Assert.Equal("解析已发布的政府信息公开工作年度报告", operation.GetProperty("summary").GetString());
        Assert.True(operation.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
    }
}
