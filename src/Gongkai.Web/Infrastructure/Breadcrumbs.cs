using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The “当前位置：首页 › …” line under the header of every portal page but the home, as citizens know
/// it from government sites (政府网站发展指引, 国办发〔2017〕47号). A page (or the column layout) names
/// its trail; the layout renders it, the last step as the current page.
/// </summary>
public static class Breadcrumbs
{
    private const string Key = "Gongkai.Breadcrumbs";

    public sealed record Step(string Title, string? Href = null);

    /// <summary>The trail below 首页, the current page last (its link, if any, is not shown).</summary>
    public static void Set(ViewDataDictionary viewData, params Step[] trail) => viewData[Key] = trail;

    /// <summary>Puts steps above what the page set (the column layout puts the agency and the section above an item).</summary>
    public static void Above(ViewDataDictionary viewData, params Step[] parents) => viewData[Key] = parents.Concat(Of(viewData)).ToArray();

    public static IReadOnlyList<Step> Of(ViewDataDictionary viewData) => viewData[Key] as Step[] ?? [];
}
