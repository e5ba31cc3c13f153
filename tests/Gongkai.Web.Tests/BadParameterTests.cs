using System.Net;

namespace Gongkai.Web.Tests;

/// <summary>Out-of-range years, pages and ids on the pages that take them: a 4xx, never a server error.</summary>
public sealed class BadParameterTests
{
    private static readonly string[] Values = ["0", "-5", "10000", "99999", "2147483648", "abc", ""];

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
        ("/console/calendar?year={0}", true),
    ];

    [Fact]
    public async Task AnOutOfRangeValue_IsNeverAServerError()
    {
        await using var app = await GongkaiApp.StartAsync("sqlite");
        using var visitor = app.NewVisitor();
        using var supervisor = await app.SignedInAsync("qx.supervisor");
        var errors = new List<string>();
        foreach (var (route, staff) in Routes)
        {
            foreach (var value in Values)
            {
                var response = await (staff ? supervisor : visitor).Client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, Uri.EscapeDataString(value)));
                if ((int)response.StatusCode >= 500)
                {
                    errors.Add($"{route} with “{value}”: {(int)response.StatusCode}");
                }
            }
        }
        Assert.Empty(errors);
    }
}
