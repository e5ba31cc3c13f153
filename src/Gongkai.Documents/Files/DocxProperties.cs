using DocumentFormat.OpenXml.Packaging;
using Gongkai.Domain.Text;

namespace Gongkai.Documents.Files;

/// <summary>
/// A Word file's document properties (core.xml), written as the body's text is: without the
/// characters XML cannot hold (<see cref="WritableText"/>). An imported report's title with \x0B in
/// it once made its Word download fail for ever while every other format worked.
/// </summary>
public static class DocxProperties
{
    public static void Set(WordprocessingDocument document, string title, string creator)
    {
        document.PackageProperties.Title = WritableText.Clean(title);
        document.PackageProperties.Creator = WritableText.Clean(creator);
        document.PackageProperties.Language = "zh-CN";
    }
}
