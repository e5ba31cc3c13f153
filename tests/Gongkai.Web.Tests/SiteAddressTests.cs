using System.Net;

namespace Gongkai.Web.Tests;

/// <summary>The site names its configured address, not the Host header a visitor sends, and refuses what it does not serve.</summary>
public sealed class SiteAddressTests
{
    [Theory]
    [InlineData("/sitemaps/items-1.xml")]
    [InlineData("/agency/qx-bsz/feed.atom")]
    public async Task TheHostHeader_IsNotEchoed(string path)
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        var text = await (await visitor.Client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("evil.example", text);
        Assert.Contains("http://localhost:5000/agency/", text);
    }

    [Fact]
    public async Task Trace_IsNotAllowed()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var response = await visitor.Client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
