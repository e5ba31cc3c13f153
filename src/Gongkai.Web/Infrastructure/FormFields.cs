using System.Globalization;
using System.Reflection;
using Gongkai.Domain.Text;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Every form, public and staff, before the page's handler sees it: a field with a control
/// character that no document can hold (<see cref="WritableText"/>) is refused — the text would
/// otherwise be stored and break the letters and reports made from it — and so is a field longer
/// than its limit: its <see cref="TextLimitAttribute"/>, else <see cref="DefaultLimit"/> characters
/// (a field with a <see cref="StringLengthAttribute"/> is checked by model validation with its own
/// message). Each message names the field as the form labels it.
/// </summary>
public sealed class FormFields : IAsyncPageFilter
{
    /// <summary>For a field that states no limit of its own: longer than any name, number, reason or opinion.</summary>
    public const int DefaultLimit = 2000;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            foreach (var (key, values) in await request.ReadFormAsync())
            {
                if (key == "__RequestVerificationToken")
                {
                    continue;
                }
                var field = Describe(context, key);
                if (values.Any(v => v is not null && WritableText.FirstUnwritable(v) >= 0))
                {
                    context.ModelState.AddModelError(key, $"“{field.Name}”中有无法保存的控制字符（如从其他软件复制来的隐藏字符），请删除后重新提交。");
                }
                else if (field.Limit is { } limit && values.FirstOrDefault(v => v is not null && v.Length > limit) is { } tooLong)
                {
                    context.ModelState.AddModelError(key, $"“{field.Name}”不超过 {limit.ToString(CultureInfo.InvariantCulture)} 个字（现有 {tooLong.Length.ToString(CultureInfo.InvariantCulture)} 个字）。");
                }
            }
            // A checkbox posted with anything but true/false ("on", text): the binder's message stays,
            // but the value shown again is false, because the checkbox's tag helper cannot render
            // the attempted text (FormatException, a 500 found by bench forms).
            foreach (var (key, entry) in context.ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
            {
                if (Describe(context, key).Type is { } type && (type == typeof(bool) || type == typeof(bool?)) && !bool.TryParse(entry?.AttemptedValue, out _))
                {
                    context.ModelState.SetModelValue(key, false, "false");
                }
            }
        }
        await next();
    }

    /// <param name="Limit">Null when model validation applies the field's own StringLength.</param>
    /// <param name="Type">What the field binds to, when known.</param>
    private sealed record Field(string Name, int? Limit, Type? Type = null);

    /// <summary>
    /// The field's label (its [Display] name) and limit, found by following the posted name through
    /// the page's properties (Form.Name, Parts[2].Text, Cells[code]) or else the handler's parameters.
    /// </summary>
    private static Field Describe(PageHandlerExecutingContext context, string key)
    {
        MemberInfo? member = null;
        var page = context.HandlerInstance.GetType();
        // A form bound without a prefix ([BindProperty(Name = "")]) posts its own properties' names.
        Type? type = page.GetProperty(key.Split('.', '[')[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is null
            && page.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<BindPropertyAttribute>()?.Name == "") is { } unprefixed
                ? unprefixed.PropertyType
                : page;
        var indexed = false;
        foreach (var segment in key.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var property = type?.GetProperty(bracket < 0 ? segment : segment[..bracket], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            member = property;
            type = property?.PropertyType;
            indexed = bracket >= 0;
            if (indexed && type is not null)
            {
                // A list's or a dictionary's entry: the last type argument (or the array's element).
                type = type.IsArray ? type.GetElementType() : type.GetGenericArguments().LastOrDefault();
            }
        }
        if (member is null && context.HandlerMethod?.MethodInfo.GetParameters().FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)) is { } parameter)
        {
            return new Field(parameter.GetCustomAttribute<DisplayAttribute>()?.Name ?? key, parameter.GetCustomAttribute<TextLimitAttribute>()?.Characters ?? DefaultLimit, parameter.ParameterType);
        }
        var name = member?.GetCustomAttribute<DisplayAttribute>()?.Name ?? key.Split('.')[^1];
        if (member?.GetCustomAttribute<TextLimitAttribute>() is { } own)
        {
            return new Field(name, own.Characters, type);
        }
        return new Field(name, !indexed && member?.IsDefined(typeof(StringLengthAttribute)) == true ? null : DefaultLimit, type);
    }
}

/// <summary>The most characters a handler's text parameter, or each entry of a posted list or dictionary of text, may hold.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TextLimitAttribute(int characters) : Attribute
{
    public int Characters => characters;
}
