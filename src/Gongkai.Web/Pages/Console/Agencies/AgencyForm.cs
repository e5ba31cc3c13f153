using Gongkai.Domain.Agencies;

namespace Gongkai.Web.Pages.Console.Agencies;

/// <summary>An agency's fields: identity (system admin only) and its disclosure office's contact data.</summary>
public sealed class AgencyForm
{
    [Display(Name = "机构名称"), Required(ErrorMessage = "请填写机构名称。"), StringLength(100, ErrorMessage = "机构名称不超过 100 个字。")]
    public string Name { get; set; } = "";

    [Display(Name = "简码"), Required(ErrorMessage = "请填写简码。"),
     RegularExpression(AgencyRules.ShortCodePattern, ErrorMessage = AgencyRules.ShortCodeMessage)]
    public string ShortCode { get; set; } = "";

    [Display(Name = "上级机构")]
    public int? ParentId { get; set; }

    [Display(Name = "层级"), Required(ErrorMessage = "请选择层级。")]
    public AgencyLevel? Level { get; set; }

    [Display(Name = "类别"), Required(ErrorMessage = "请选择类别。")]
    public AgencyKind? Kind { get; set; }

    [Display(Name = "公开工作机构名称"), Required(ErrorMessage = "请填写政府信息公开工作机构名称。"), StringLength(100, ErrorMessage = "不超过 100 个字。")]
    public string OfficeName { get; set; } = "";

    [Display(Name = "办公地址"), Required(ErrorMessage = "请填写办公地址。"), StringLength(200, ErrorMessage = "不超过 200 个字。")]
    public string OfficeAddress { get; set; } = "";

    [Display(Name = "邮政编码"), RegularExpression("^[0-9]{6}$", ErrorMessage = "邮政编码为 6 位数字。")]
    public string? OfficePostcode { get; set; }

    [Display(Name = "办公时间"), StringLength(200, ErrorMessage = "不超过 200 个字。")]
    public string? OfficeHours { get; set; }

    [Display(Name = "联系电话"), Required(ErrorMessage = "请填写联系电话。"), RegularExpression(AgencyRules.PhonePattern, ErrorMessage = "联系电话只能包含数字、空格、括号和连字符。")]
    public string OfficePhone { get; set; } = "";

    [Display(Name = "传真"), RegularExpression(AgencyRules.PhonePattern, ErrorMessage = "传真号码只能包含数字、空格、括号和连字符。")]
    public string? OfficeFax { get; set; }

    [Display(Name = "电子邮箱"), EmailAddress(ErrorMessage = "电子邮箱格式不正确。"), StringLength(100, ErrorMessage = "不超过 100 个字符。")]
    public string? OfficeEmail { get; set; }

    [Display(Name = "索引号中的机构代码"), RegularExpression(AgencyRules.IndexCodePattern, ErrorMessage = AgencyRules.IndexCodeMessage)]
    public string? IndexCode { get; set; }

    [Display(Name = "索引号规则"), StringLength(60, ErrorMessage = "不超过 60 个字。")]
    public string? IndexPattern { get; set; }

    [Display(Name = "公开指南的其他内容"), StringLength(20000, ErrorMessage = "不超过 20000 个字。")]
    public string? GuideText { get; set; }

    [Display(Name = "政府信息公开制度"), StringLength(50000, ErrorMessage = "不超过 50000 个字。")]
    public string? RulesText { get; set; }

    public int Version { get; set; }

    public static AgencyForm From(Agency a) => new()
    {
        Name = a.Name,
        ShortCode = a.ShortCode,
        ParentId = a.ParentId,
        Level = a.Level,
        Kind = a.Kind,
        OfficeName = a.OfficeName,
        OfficeAddress = a.OfficeAddress,
        OfficePostcode = a.OfficePostcode,
        OfficeHours = a.OfficeHours,
        OfficePhone = a.OfficePhone,
        OfficeFax = a.OfficeFax,
        OfficeEmail = a.OfficeEmail,
        IndexCode = a.IndexCode,
        IndexPattern = a.IndexPattern,
        GuideText = a.GuideText,
        RulesText = a.RulesText,
        Version = a.Version,
    };

    public void ApplyOfficeTo(Agency a)
    {
        a.OfficeName = OfficeName.Trim();
        a.OfficeAddress = OfficeAddress.Trim();
        a.OfficePostcode = Blank(OfficePostcode);
        a.OfficeHours = Blank(OfficeHours);
        a.OfficePhone = OfficePhone.Trim();
        a.OfficeFax = Blank(OfficeFax);
        a.OfficeEmail = Blank(OfficeEmail);
        a.IndexCode = Blank(IndexCode)?.ToUpperInvariant();
        a.IndexPattern = Blank(IndexPattern);
        a.GuideText = Blank(GuideText);
        a.RulesText = Blank(RulesText);
    }

    public void ApplyIdentityTo(Agency a)
    {
        a.Name = Name.Trim();
        a.ShortCode = ShortCode.Trim();
        a.ParentId = ParentId;
        a.Level = Level!.Value;
        a.Kind = Kind!.Value;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
