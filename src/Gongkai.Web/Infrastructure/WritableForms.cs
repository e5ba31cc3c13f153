using System.Reflection;
using Gongkai.Domain.Text;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Every form, public and staff: a field with a control character that no document can hold
/// (<see cref="WritableText"/>) is refused with a message naming the field, before the page's
/// handler sees it — the text would otherwise be stored and break the letters and reports made from it.
/// </summary>
public sealed class WritableForms : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            foreach (var (key, values) in await request.ReadFormAsync())
            {
                if (key != "__RequestVerificationToken" && values.Any(v => v is not null && WritableText.FirstUnwritable(v) >= 0))
                {
                    context.ModelState.AddModelError(key, $"“{FieldName(context.HandlerInstance, key)}”中有无法保存的控制字符（如从其他软件复制来的隐藏字符），请删除后重新提交。");
                }
            }
        }
        await next();
    }

    /// <summary>The field's label as the form shows it (its [Display] name), else its name.</summary>
    private static string FieldName(object page, string key)
    {
        var type = page.GetType();
        PropertyInfo? property = null;
        foreach (var part in key.Split('.'))
        {
            property = type?.GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
            type = property?.PropertyType;
        }
        return property?.GetCustomAttribute<DisplayAttribute>()?.Name ?? key.Split('.')[^1];
    }
}
