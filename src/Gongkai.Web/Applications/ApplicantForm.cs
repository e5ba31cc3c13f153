using System.ComponentModel.DataAnnotations;
using Gongkai.Domain.Applications;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gongkai.Web.Applications;

/// <summary>What an applicant gives (Art. 29), on the public form and when a clerk registers a paper application.</summary>
public sealed class ApplicantForm
{
    [Display(Name = "申请人类型"), Required(ErrorMessage = "请选择申请人类型。")]
    public ApplicantKind? Kind { get; set; }

    [Display(Name = "姓名或名称"), Required(ErrorMessage = "请填写姓名或名称。"), StringLength(100, ErrorMessage = "姓名或名称不超过 100 个字。")]
    public string? Name { get; set; }

    [Display(Name = "身份证号码")]
    public string? IdNumber { get; set; }

    [Display(Name = "联系电话"), Required(ErrorMessage = "请填写联系电话。")]
    public string? Phone { get; set; }

    [Display(Name = "电子邮箱"), EmailAddress(ErrorMessage = "电子邮箱格式不正确。"), StringLength(100, ErrorMessage = "电子邮箱不超过 100 个字符。")]
    public string? Email { get; set; }

    [Display(Name = "通信地址"), StringLength(200, ErrorMessage = "通信地址不超过 200 个字。")]
    public string? Address { get; set; }

    [Display(Name = "所需政府信息的名称、文号或描述"), Required(ErrorMessage = "请描述所需的政府信息。"), StringLength(2000, ErrorMessage = "描述不超过 2000 个字。")]
    public string? Description { get; set; }

    [Display(Name = "获取信息的方式"), Required(ErrorMessage = "请选择获取信息的方式。")]
    public string? FormWanted { get; set; }

    public static readonly string[] Forms = ["电子邮件", "邮寄纸质件", "当面领取", "网上查看"];

    /// <summary>The checks the attributes cannot make: the ID number of a natural person, the phone number.</summary>
    public void Validate(ModelStateDictionary state, string prefix)
    {
        if (Kind == ApplicantKind.NaturalPerson && !ApplicantRules.IsResidentId(IdNumber?.Trim()))
        {
            state.AddModelError($"{prefix}.IdNumber", string.IsNullOrWhiteSpace(IdNumber) ? "请填写身份证号码（条例第二十九条要求提供身份证明）。" : "身份证号码不正确，请核对（18 位，最后一位为校验码）。");
        }
        if (!string.IsNullOrWhiteSpace(Phone) && !ApplicantRules.IsPhone(Phone))
        {
            state.AddModelError($"{prefix}.Phone", "联系电话应为 11 位手机号码或带区号的固定电话。");
        }
        if (FormWanted is not null && !Forms.Contains(FormWanted))
        {
            state.AddModelError($"{prefix}.FormWanted", "请选择获取信息的方式。");
        }
    }
}
