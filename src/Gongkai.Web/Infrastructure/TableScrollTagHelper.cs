using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Every table of every page scrolls sideways inside its own box on a narrow screen instead of
/// widening the page or squashing its cells to a character a line; the box takes keyboard focus
/// so that it can be scrolled without a mouse (WCAG 2.1.1, axe's scrollable-region-focusable).
/// The table's <c>aria-label</c>, if any, names the box.
/// </summary>
[HtmlTargetElement("table")]
public sealed class TableScrollTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var label = output.Attributes.TryGetAttribute("aria-label", out var attribute) ? attribute.Value?.ToString() : null;
        output.PreElement.SetHtmlContent($"<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{HtmlEncoder.Default.Encode(label ?? "表格（可左右滚动）")}\">");
        output.PostElement.SetHtmlContent("</div>");
    }
}
