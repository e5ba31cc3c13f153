using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Years, dates, page numbers and record ids out of any sensible range (year=0, to=9999-12-31,
/// page=99999999, id=-5) are answered 404 on every page before a handler builds a date or a query from them: a wrong
/// address is not a server error.
/// </summary>
public sealed class ParameterBounds : IAsyncPageFilter
{
    /// <summary>The Regulation's first reports are for 2008; the calendar and reports reach to 2100 at most.</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    public const int LastPage = 100_000;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var values = request.Query.Select(q => (q.Key, Value: q.Value.ToString()))
            // The route's own "page" value is the Razor page's path, not a page number.
            .Concat(context.RouteData.Values.Where(r => r.Key != "page").Select(r => (r.Key, Value: Convert.ToString(r.Value, CultureInfo.InvariantCulture) ?? "")));
        if (values.Any(v => !Within(v.Key, v.Value)))
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }

    private static bool Within(string key, string value)
    {
        var number = long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        return key.ToLowerInvariant() switch
        {
            "year" => value.Length == 0 || number is >= FirstYear and <= LastYear,
            "page" or "pagenumber" => value.Length == 0 || number is >= 1 and <= LastPage,
            "id" or "attachmentid" or "appealid" or "edition" => value.Length == 0 || number is >= 1 and <= int.MaxValue,
            // Any date (from=0001-01-01, to=9999-12-31): a day plus one or a Beijing offset would leave DateTime's range.
            _ => !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year is >= FirstYear and <= LastYear,
        };
    }
}
