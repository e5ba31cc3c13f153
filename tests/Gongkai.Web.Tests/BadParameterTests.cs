using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>Out-of-range years, pages and ids on the pages that take them: a 4xx, never a server error.</summary>
public sealed class BadParameterTests
{
    // The two dates: the audit log once answered 500 for from=0001-01-01 and to=9999-12-31 (DateTime overflow).
    private static readonly string[] Values = ["0", "-5", "10000", "99999", "2147483648", "abc", "", "0001-01-01", "9999-12-31"];

    private static readonly (string Route, bool Staff)[] Routes =
    [
        ("/agency/qx-bsz/catalog?year={0}", false),
        ("/agency/qx-bsz/catalog?page={0}", false),
        ("/agency/qx-bsz/reports/{0}", false),
        ("/search?q=低保&year={0}", false),
        ("/search?q=低保&page={0}", false),
        ("/data?year={0}", false),
        ("/console/reports/rollup?year={0}", true),
        ("/console/reports/{0}", true),
        ("/console/applications/{0}", true),
        ("/console/items/{0}", true),
        ("/console/audit?page={0}", true),
        ("/console/audit?from={0}", true),
        ("/console/audit?to={0}", true),
        ("/console/calendar?year={0}", true),
    ];

    [Fact]
    public async Task AnOutOfRangeValue_IsNeverAServerError()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        // The audit log is the audit admin's to read (三员分立).
        using var auditor = await app.SignedInAsync("auditor");
        var errors = new List<string>();
        foreach (var (route, staff) in Routes)
        {
            foreach (var value in Values)
            {
                var response = await (!staff ? visitor : route.StartsWith("/console/audit", StringComparison.Ordinal) ? auditor : supervisor).Client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, Uri.EscapeDataString(value)));
                if ((int)response.StatusCode >= 500)
                {
                    errors.Add($"{route} with “{value}”: {(int)response.StatusCode}");
                }
            }
        }
        Assert.Empty(errors);
    }

    /// <summary>
    /// Every GET route of the site (pages and APIs, from the route table) with each route value and
    /// each query parameter its page or handler reads (from the page model: properties bound on GET
    /// or from the query, the handlers' parameters; an API: every key any page reads) out of range,
    /// alone and with each of the page's handlers: never a server error. The system administrator
    /// sees every console page.
    /// </summary>
    [Fact]
    public async Task EveryRouteOfTheRouteTable_WithEachValueOutOfRange_IsNeverAServerError()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        using var admin = await app.SignedInAsync("sysadmin");
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .DistinctBy(e => e.RoutePattern.RawText).ToList();
        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract).ToList();
        var (everyKey, _) = QueryParameters(pages);
        var errors = new List<string>();
        var requests = 0;
        var pagesFound = 0;
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern;
            // A page reads its own model's parameters; an API endpoint its delegate's (and the common
            // keys); an endpoint that is neither gets every key any page reads.
            var model = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is { } page ? ModelOf(page, pages) : null;
            pagesFound += model is null ? 0 : 1;
            var (keys, handlers) = model is not null ? QueryParameters([model])
                : endpoint.Metadata.GetMetadata<MethodInfo>() is { } api ? (ApiKeys(api), [])
                : (everyKey, []);
            var staff = route.RawText?.StartsWith("console", StringComparison.OrdinalIgnoreCase) == true || route.RawText?.StartsWith("/console", StringComparison.OrdinalIgnoreCase) == true;
            foreach (var value in Values.Append(new string('9', 400)))
            {
                var paths = new[] { Path(route, value, badCode: false), Path(route, value, badCode: true) }.Distinct();
                foreach (var path in paths)
                {
                    var all = string.Join('&', keys.Select(k => $"{k}={Uri.EscapeDataString(value)}"));
                    var queries = keys.Select(k => $"{k}={Uri.EscapeDataString(value)}")
                        .Concat(handlers.Select(h => $"handler={h}"))
                        .Concat(handlers.Select(h => $"handler={h}&{all}"))
                        .Prepend(all)
                        .Prepend("")
                        .Distinct();
                    foreach (var query in queries)
                    {
                        var url = query.Length == 0 ? path : $"{path}?{query}";
                        var response = await (staff ? admin : visitor).Client.GetAsync(url);
                        requests++;
                        if ((int)response.StatusCode >= 500)
                        {
                            errors.Add($"{url}: {(int)response.StatusCode}");
                        }
                    }
                }
            }
        }
        // Every page of the route table was matched to its model (a page left out would be walked with no parameters).
        var pageRoutes = endpoints.Count(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null);
        Assert.Equal(pageRoutes, pagesFound);
        Assert.True(endpoints.Count >= 40 && requests > 5_000, $"{endpoints.Count} routes, {requests} requests");
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(30)));
    }

    /// <summary>An API delegate's parameters that come from the request (numbers, text, dates), and the common keys.</summary>
    private static IReadOnlyList<string> ApiKeys(MethodInfo api) => api.GetParameters()
        .Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) is { } t && (t.IsPrimitive || t == typeof(string) || t == typeof(DateOnly) || t == typeof(decimal) || t.IsEnum))
        .Select(p => p.Name!).Concat(Common).Distinct().ToList();

    private static readonly string[] Common = ["year", "page", "n", "agency", "format", "q"];

    /// <summary>The model of a page (by the convention every page here follows: Pages/Agencies/Catalog.cshtml is Gongkai.Web.Pages.Agencies.CatalogModel).</summary>
    private static Type? ModelOf(Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor page, IReadOnlyList<Type> models) =>
        models.SingleOrDefault(t => t.FullName == "Gongkai.Web.Pages" + page.ViewEnginePath.Replace('/', '.') + "Model");

    /// <summary>The route with each parameter given <paramref name="value"/> (an agency code stays valid unless <paramref name="badCode"/>).</summary>
    private static string Path(RoutePattern route, string value, bool badCode)
    {
        var parts = route.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { Name: "code" } when !badCode => "qx-bsz",
            RoutePatternParameterPart => Uri.EscapeDataString(value.Length == 0 ? "x" : value),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join('/', parts);
    }

    /// <summary>What the page models read from a query string: properties bound on GET, handlers' parameters, and the handlers' names.</summary>
    private static (IReadOnlyList<string> Keys, IReadOnlyList<string> Handlers) QueryParameters(IEnumerable<Type> pages)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var handlers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var property in page.GetProperties())
            {
                if (property.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true } bind)
                {
                    keys.Add(bind.Name ?? property.Name);
                }
                if (property.GetCustomAttribute<FromQueryAttribute>() is { } query)
                {
                    keys.Add(query.Name ?? property.Name);
                }
            }
            foreach (var method in page.GetMethods().Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal)))
            {
                var handler = method.Name[5..].Replace("Async", "", StringComparison.Ordinal);
                if (handler.Length > 0)
                {
                    handlers.Add(handler);
                }
                foreach (var parameter in method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)))
                {
                    keys.Add(parameter.Name!);
                }
            }
        }
        foreach (var common in Common)
        {
            keys.Add(common);
        }
        return (keys.ToList(), handlers.ToList());
    }
}
