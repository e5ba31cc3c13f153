namespace Gongkai.Web.Pages.Console.Applications;

/// <summary>A reconsideration or lawsuit about an application, as the clerk records it.</summary>
public sealed class AppealInput
{
    [Display(Name = "类别"), Required(ErrorMessage = "请选择行政复议或行政诉讼。")]
    public AppealKind? Kind { get; set; }

    [Display(Name = "提起日期"), Required(ErrorMessage = "请填写提起日期。")]
    public DateOnly? Filed { get; set; }

    [Display(Name = "复议机关或法院"), Required(ErrorMessage = "请填写复议机关或法院。"), StringLength(100, ErrorMessage = "不超过 100 个字。")]
    public string? Body { get; set; }
}

/// <summary>The result of a reconsideration or lawsuit.</summary>
public sealed class DecisionInput
{
    public int AppealId { get; set; }

    [Display(Name = "审结日期"), Required(ErrorMessage = "请填写审结日期。")]
    public DateOnly? Decided { get; set; }

    [Display(Name = "结果"), Required(ErrorMessage = "请选择结果。")]
    public AppealResult? Result { get; set; }
}
