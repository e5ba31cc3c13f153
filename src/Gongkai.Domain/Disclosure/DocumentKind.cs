namespace Gongkai.Domain.Disclosure;

/// <summary>Whether an item is one of the documents the 第二十条第（一）项 row counts.</summary>
public enum DocumentKind
{
    /// <summary>Any other information.</summary>
    None,
    /// <summary>规章.</summary>
    Rule,
    /// <summary>（行政）规范性文件.</summary>
    Normative,
}

public static class DocumentKindLabels
{
    public static string Label(this DocumentKind kind) => kind switch
    {
        DocumentKind.Rule => "规章",
        DocumentKind.Normative => "行政规范性文件",
        _ => "其他",
    };
}
