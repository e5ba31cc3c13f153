using System.Net;
using Gongkai.Web.Infrastructure;

namespace Gongkai.Web.Tests;

/// <summary>
/// One address per page (issue 25: /AGENCY/qx-bsz/APPLY, /agency/qx-bsz/apply/ and /Console/Login
/// reached the site past nginx's exact rate-limit locations). Taking CanonicalPaths out of the
/// pipeline makes the posts below answer 200/302 and the GETs 200.
/// </summary>
public sealed class CanonicalPathTests
{
    [Theory]
    [InlineData("/", null)]
    [InlineData("/agency/qx-bsz/apply", null)]
    [InlineData("/AGENCY/qx-bsz/APPLY", "/agency/qx-bsz/apply")]
    [InlineData("/agency/qx-bsz/apply/", "/agency/qx-bsz/apply")]
    [InlineData("/Console/Login//", "/console/login")]
    [InlineData("//", "/")]
    public void Of_IsLowercaseWithoutATrailingSlash(string path, string? canonical) => Assert.Equal(canonical, CanonicalPaths.Of(path));

    [Fact]
    public async Task AGetElsewhere_IsRedirected_AndAPostElsewhere_IsNotFound()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        var moved = await visitor.Client.GetAsync("/AGENCY/qx-bsz/APPLY/?from=home");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/agency/qx-bsz/apply?from=home", moved.Headers.Location?.OriginalString);

        var token = await visitor.TokenFromAsync("/agency/qx-bsz/apply");
        foreach (var url in new[] { "/Agency/qx-bsz/apply", "/agency/qx-bsz/apply/", "/Console/Login", "/console/login/", "/TRACK" })
        {
            var posted = await visitor.PostAsync(url, new Dictionary<string, string?> { ["__RequestVerificationToken"] = token, ["UserName"] = "bsz.clerk", ["Password"] = "x" });
            Assert.Equal((url, HttpStatusCode.NotFound), (url, posted.Status));
        }
        Assert.Equal(0, await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries, e => e.ActorName == "bsz.clerk")));
    }
}
