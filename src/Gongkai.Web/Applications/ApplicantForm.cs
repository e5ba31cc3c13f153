using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gongkai.Web.Applications;

/// <summary>What an applicant gives (Art. 29), on the public form and when a clerk registers a paper application.</summary>
public sealed class ApplicantForm
{
    [Display(Name = "申请人类型"), Required(ErrorMessage = "请选择申请人类型。")]
    public ApplicantKind? Kind { get; set; }

    [Display(Name = "姓名或名称"), Required(ErrorMessage = "请填写姓名或名称。"), StringLength(100, ErrorMessage = "姓名或名称不超过 100 个字。")]
    public string? Name { get; set; }

    /// <summary>A resident ID (18 characters) or an organisation's 统一社会信用代码 (18) or other registration number.</summary>
    [Display(Name = "身份证号码"), StringLength(30, ErrorMessage = "身份证号码或证照号码不超过 30 个字符。")]
    public string? IdNumber { get; set; }

    [Display(Name = "联系电话"), Required(ErrorMessage = "请填写联系电话。"), StringLength(30, ErrorMessage = "联系电话不超过 30 个字符。")]
    public string? Phone { get; set; }

    [Display(Name = "电子邮箱"), EmailAddress(ErrorMessage = "电子邮箱格式不正确。"), StringLength(100, ErrorMessage = "电子邮箱不超过 100 个字符。")]
    public string? Email { get; set; }

    [Display(Name = "通信地址"), StringLength(200, ErrorMessage = "通信地址不超过 200 个字。")]
    public string? Address { get; set; }

    [Display(Name = "所需政府信息的名称、文号或描述"), Required(ErrorMessage = "请描述所需的政府信息。"), StringLength(2000, ErrorMessage = "描述不超过 2000 个字。")]
    public string? Description { get; set; }

    [Display(Name = "获取信息的方式"), Required(ErrorMessage = "请选择获取信息的方式。")]
    public string? FormWanted { get; set; }

    /// <summary>The checks the attributes cannot make (<see cref="Applicant.Problems"/>), on the fields the attributes let through.</summary>
    public void Validate(ModelStateDictionary state, string prefix)
    {
        if (Kind is not { } kind)
        {
            return;
        }
        var applicant = new Applicant(kind, Name ?? "", IdNumber, Phone ?? "", Email, Address, Description ?? "", FormWanted ?? "");
        foreach (var (field, message) in applicant.Problems())
        {
            var key = $"{prefix}.{field}";
            if (state[key] is not { Errors.Count: > 0 })
            {
                state.AddModelError(key, message);
            }
        }
    }

    /// <summary>The applicant, once the form is valid.</summary>
    public Applicant ToApplicant() => new(Kind!.Value, Name!, IdNumber, Phone!, Email, Address, Description!, FormWanted!);
}
