using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// A staff member whose password was set by an administrator (a new account, a reset) or is older
/// than <c>Passwords:MaxAgeDays</c> (90, <see cref="SessionLimits"/>) sets a new one before any other console page: every other
/// page, read or post, sends them to the password page (GB/T 22239-2019 level 3, 身份鉴别). The
/// session's check (<see cref="StaffSignIn.ValidateAsync"/>) finds it on each request.
/// </summary>
public sealed class PasswordChange : IAsyncPageFilter
{
    public const string Page = "/console/account";

    private const string Due = "gongkai:password-change-due";

    public static void MarkDue(HttpContext context) => context.Items[Due] = true;

    public static bool IsDue(HttpContext context) => context.Items.ContainsKey(Due);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var path = context.HttpContext.Request.Path;
        if (IsDue(context.HttpContext) && !path.StartsWithSegments(Page) && !path.StartsWithSegments("/console/logout") && !path.StartsWithSegments("/console/login"))
        {
            context.Result = new RedirectResult(Page);
            return;
        }
        await next();
    }
}
