using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests;

/// <summary>The headers a 等保 review checks on every answer — portal, console, API, files, errors — and the flags of the sign-in and antiforgery cookies.</summary>
public sealed class SecurityHeadersTests
{
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "same-origin",
        ["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
    };

    [Fact]
    public async Task EveryKindOfAnswer_CarriesTheSecurityHeaders_AndTheCookiesTheirFlags()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        using var staff = await app.SignedInAsync("bsz.clerk");
        // The portal (twice: the second answer comes from the output cache), the console, the API,
        // a static file, a download and an error page.
        foreach (var (who, url) in new[]
        {
            (visitor, "/agency/qx-bsz"), (visitor, "/agency/qx-bsz"), (visitor, "/console/login"), (staff, "/console/applications"),
            (visitor, "/api/v1/open/reports"), (visitor, "/css/site.css"), (visitor, "/api/v1/open/reports.xlsx"), (visitor, "/agency/no-such-agency"),
        })
        {
            var response = await who.Client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            foreach (var (name, value) in Expected)
            {
                Assert.True(response.Headers.TryGetValues(name, out var values), $"{url} has no {name}");
                Assert.Equal(value, Assert.Single(values));
            }
        }

        // Over HTTPS (as behind the proxy), the sign-in cookie is Secure, HttpOnly and SameSite=Lax;
        // the antiforgery cookie is HttpOnly too.
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        var secure = new Visitor(client);
        var login = await secure.GetAsync("/console/login");
        var antiforgery = login.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gongkai.af=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", antiforgery);
        Assert.Contains("samesite=strict", antiforgery);
        var signedIn = await secure.SignInAsync("bsz.clerk", Gongkai.Data.Demo.DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gongkai.staff=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", session);
        Assert.Contains("samesite=lax", session);
        Assert.Contains("secure", session);
    }
}
