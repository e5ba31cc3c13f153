namespace Gongkai.Domain.Applications;

/// <summary>Which group of the report's fourth table an appeal belongs to.</summary>
public enum AppealKind
{
    /// <summary>行政复议.</summary>
    Reconsideration,
    /// <summary>行政诉讼, 未经复议直接起诉.</summary>
    LitigationDirect,
    /// <summary>行政诉讼, 复议后起诉.</summary>
    LitigationAfterReconsideration,
}

public enum AppealResult
{
    Upheld,
    Corrected,
    Other,
}

public static class AppealLabels
{
    public static string Label(this AppealKind kind) => kind switch
    {
        AppealKind.Reconsideration => "行政复议",
        AppealKind.LitigationDirect => "行政诉讼（未经复议直接起诉）",
        _ => "行政诉讼（复议后起诉）",
    };

    public static string Label(this AppealResult result) => result switch
    {
        AppealResult.Upheld => "结果维持",
        AppealResult.Corrected => "结果纠正",
        _ => "其他结果",
    };
}

/// <summary>A reconsideration or lawsuit about an application's reply; <see cref="Result"/> is null while undecided.</summary>
public sealed record Appeal(AppealKind Kind, DateOnly Filed, string Body, DateOnly? Decided = null, AppealResult? Result = null)
{
    public const string FiledBeforeApplication = "提起日期不能早于收到申请之日。";
    public const string DecidedBeforeFiled = "审结日期不能早于提起日期。";

    /// <summary>
    /// Why the appeal's dates cannot be those of an application received on <paramref name="received"/>,
    /// or null: a reconsideration or lawsuit is about the application's handling, so it cannot be
    /// filed before the application arrived, nor end before it was filed.
    /// </summary>
    public string? Problem(DateOnly received) =>
        Filed < received ? FiledBeforeApplication : Decided is { } decided && decided < Filed ? DecidedBeforeFiled : null;
}
