namespace Gongkai.Web.Infrastructure;

/// <summary>
/// How a reader wants the site shown: the 关怀版 (适老化: larger text, higher contrast, larger
/// targets, a simpler header — 工信部《互联网网站适老化通用设计规范》) and a 字号 of 大, 中 or 小.
/// Kept in one cookie that holds only this choice (no identifier, nothing tracked), set by plain
/// links so it works without JavaScript; portal pages are cached per choice.
/// </summary>
public sealed record ReadingView(bool Care, char Size)
{
    public const string Cookie = "gongkai.view";
    public static readonly ReadingView Standard = new(false, 'm');

    /// <summary>The view a request asks for; anything but a known value is the standard view.</summary>
    public static ReadingView Of(HttpRequest request) => Parse(request.Cookies[Cookie]);

    public static ReadingView Parse(string? value) => value switch
    {
        { Length: 2 } v when v[0] is 'c' or 'n' && v[1] is 's' or 'm' or 'l' => new ReadingView(v[0] == 'c', v[1]),
        _ => Standard,
    };

    public string Value => $"{(Care ? 'c' : 'n')}{Size}";

    /// <summary>The classes of the page's root element.</summary>
    public string? CssClass => (Care, Size) switch
    {
        (false, 'm') => null,
        _ => string.Join(' ', new[] { Care ? "care" : null, Size == 'm' ? null : $"size-{Size}" }.Where(c => c is not null)),
    };

    /// <summary>The address that switches to <paramref name="view"/> and comes back to <paramref name="back"/>.</summary>
    public static string Link(ReadingView view, string back) => $"/view?set={view.Value}&back={Uri.EscapeDataString(back)}";
}

public static class ReadingViewEndpoint
{
    /// <summary>GET /view?set=cl&amp;back=/path: keeps the choice for a year and returns to the page (a local address only).</summary>
    public static IEndpointRouteBuilder MapReadingView(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/view", (HttpContext context, string? set, string? back) =>
        {
            var view = ReadingView.Parse(set);
            context.Response.Cookies.Append(ReadingView.Cookie, view.Value, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true,
            });
            var local = back is { Length: > 0 and < 2000 } && back[0] == '/' && (back.Length == 1 || back[1] is not ('/' or '\\'));
            return Results.Redirect(local ? back! : "/");
        });
        return routes;
    }
}
