using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Every file a staff member takes out of the console — the applications list, a roll-up, a
/// letter, an attachment — is an audit entry: who, which address with which filters, which file
/// (GB/T 22239-2019 level 3, 安全审计: important security events include exports of data). One
/// filter for every console page, so a new download cannot forget it.
/// </summary>
public sealed class ExportAudit(GongkaiDb db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        if (executed.Exception is null && executed.Result is FileResult file && http.Request.Path.StartsWithSegments("/console")
            && StaffClaims.UserId(http.User) is { } userId)
        {
            var query = http.Request.QueryString.Value ?? "";
            await db.RecordEventAsync(AuditActions.Exported, "Export", http.Request.Path.Value!, StaffClaims.Agency(http.User),
                new { file = file.FileDownloadName, query = query.Length > 500 ? query[..500] : query, user = userId }, http.RequestAborted);
        }
    }
}
