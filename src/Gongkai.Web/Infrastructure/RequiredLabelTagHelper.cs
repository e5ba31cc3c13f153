using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Every label of a required field is marked (an asterisk by CSS), from the model's own
/// [Required]: the form says what must be filled before it is sent, not after.
/// </summary>
[HtmlTargetElement("label", Attributes = "asp-for")]
public sealed class RequiredLabelTagHelper : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>After the framework's label helper has written the label.</summary>
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (AccessibleFieldTagHelper.IsRequired(For.Metadata))
        {
            output.AddClass("required", HtmlEncoder.Default);
        }
    }
}
