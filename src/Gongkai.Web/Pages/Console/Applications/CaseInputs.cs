using Microsoft.AspNetCore.Mvc.ModelBinding;

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

/// <summary>A step of the procedure as the clerk records it; the domain decides whether it may be taken (<see cref="ApplicationCase.AllowedSteps"/>).</summary>
public sealed class StepInput
{
    private static readonly IReadOnlySet<string> Fields = new HashSet<string>
        { nameof(Kind), nameof(Date), nameof(Reply), nameof(Days), nameof(Amount), nameof(Reason), nameof(Party), nameof(PartyContact), nameof(ItemIndex) };

    /// <summary>The posted step form's field messages.</summary>
    public static IReadOnlyList<string> Errors(ModelStateDictionary state) =>
        state.Where(e => Fields.Contains(e.Key)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();

    /// <summary>The application's version the page was read at (a step on a stale page is refused).</summary>
    public int Version { get; set; }

    [Display(Name = "步骤"), Required(ErrorMessage = "请选择步骤。")]
    public StepKind? Kind { get; set; }

    [Display(Name = "日期"), Required(ErrorMessage = "请填写日期。")]
    public DateOnly? Date { get; set; }

    [Display(Name = "答复类型")]
    public ReplyType? Reply { get; set; }

    [Display(Name = "工作日数"), Range(1, 200, ErrorMessage = "工作日数应在 1 至 200 之间。")]
    public int? Days { get; set; }

    [Display(Name = "收费金额（元）"), Range(0.01, 10_000_000, ErrorMessage = "金额应大于 0。")]
    public decimal? Amount { get; set; }

    [Display(Name = "理由或说明"), Required(ErrorMessage = "请填写理由或说明。"), StringLength(1000, ErrorMessage = "不超过 1000 个字。")]
    public string? Reason { get; set; }

    /// <summary>The third party consulted (Art. 32) or the organ responsible for the information (Art. 36(五)).</summary>
    [Display(Name = "机关或第三方名称"), StringLength(200, ErrorMessage = "不超过 200 个字。")]
    public string? Party { get; set; }

    [Display(Name = "联系方式"), StringLength(200, ErrorMessage = "不超过 200 个字。")]
    public string? PartyContact { get; set; }

    /// <summary>The 索引号 of the item already public a 36(一) reply points to.</summary>
    [Display(Name = "已公开信息的索引号"), StringLength(60, ErrorMessage = "不超过 60 个字。")]
    public string? ItemIndex { get; set; }

    public CaseStep ToDomain(string actor, bool byReviewer) =>
        new(Kind!.Value, Date!.Value, actor, Reason!.Trim(), Reply, Days, Amount, ByReviewer: byReviewer, Party: Party, PartyContact: PartyContact, ItemIndex: ItemIndex);
}
