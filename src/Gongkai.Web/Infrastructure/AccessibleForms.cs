using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Form errors everyone hears (GB/T 37668-2019, WCAG 2.1 3.3.1 and 4.1.2): a control bound with
/// asp-for says it is required (<c>required</c>, from the model's [Required]) and, after a failed
/// submit, that it is invalid (<c>aria-invalid</c>, a visible border by CSS) and which message
/// explains it (<c>aria-describedby</c> → the message's id, given by <see cref="FieldMessageIds"/>).
/// The browser's own required-field bubbles are turned off (<see cref="ServerValidatedForms"/>):
/// the server's summary and messages are the same with and without JavaScript.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AccessibleFieldTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the framework's helpers have written the control's name and id.</summary>
    public override int Order => 100;

    /// <summary>A field the model requires ([Required]); a checkbox's bool always has a value.</summary>
    public static bool IsRequired(Microsoft.AspNetCore.Mvc.ModelBinding.ModelMetadata metadata) =>
        metadata.ValidatorMetadata.OfType<RequiredAttribute>().Any() && metadata.UnderlyingOrModelType != typeof(bool);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var type = output.Attributes["type"]?.Value?.ToString();
        if (type is "hidden" or "checkbox" or "radio" or "submit")
        {
            return;
        }
        if (IsRequired(For.Metadata))
        {
            output.Attributes.SetAttribute("required", "required");
        }
        if (ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.ValidationState == ModelValidationState.Invalid)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var described = output.Attributes["aria-describedby"]?.Value?.ToString();
            var message = FieldMessageIds.IdOf(name);
            output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? message : $"{described} {message}");
        }
    }
}

/// <summary>The message of a field (<c>asp-validation-for</c>) gets the id its control's aria-describedby names.</summary>
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldMessageIds : TagHelper
{
    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 100;

    public static string IdOf(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("id", IdOf(ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name)));
}

/// <summary>Forms that post are checked by the server only (novalidate): its messages are in Chinese, tied to their fields, and summarised.</summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class ServerValidatedForms : TagHelper
{
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            output.Attributes.SetAttribute("novalidate", "novalidate");
        }
    }
}

/// <summary>
/// The error summary at the top of a form (<c>asp-validation-summary</c>), rewritten after the
/// framework's: a heading with the number of problems, each a link to its field (model-level
/// ones as text), role="alert", and focus moved to it when the page loads (autofocus on the
/// summary itself, tabindex −1: no script needed). Without errors it is not written at all.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class ErrorSummaryTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ViewData.ModelState
            .Where(e => e.Value is { ValidationState: ModelValidationState.Invalid })
            .SelectMany(e => e.Value!.Errors.Select(error => (Key: e.Key, Message: string.IsNullOrEmpty(error.ErrorMessage) ? "此项填写有误。" : error.ErrorMessage)))
            // One entry per message: the same refusal under the form and under its field is listed once, linked to the field.
            .GroupBy(e => e.Message).Select(g => g.OrderBy(e => e.Key.Length == 0).First())
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        // The framework's helper writes nothing for a ModelOnly summary with only field errors: the summary lists those too.
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("autofocus", "autofocus");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        output.AddClass("error-summary", encoder);
        // The framework's helper put its own list after the content: this list replaces it.
        output.PreContent.Clear();
        output.PostContent.Clear();
        output.Content.Clear();
        output.Content.AppendHtml($"<p id=\"error-summary-title\" class=\"error-summary-title\">提交未成功，请修改以下 {errors.Count} 处：</p><ul>");
        foreach (var (key, message) in errors)
        {
            // The site's encoder (WebSetup: Chinese written as is, not as entities), as Razor's own output uses.
            var text = encoder.Encode(message);
            output.Content.AppendHtml(key.Length == 0
                ? $"<li>{text}</li>"
                : $"<li><a href=\"#{encoder.Encode(TagBuilder.CreateSanitizedId(key, "_"))}\">{text}</a></li>");
        }
        output.Content.AppendHtml("</ul>");
    }
}
