namespace Gongkai.Web.Pages.Console.Users;

/// <summary>The fields an account's create and edit forms share.</summary>
public sealed class UserForm
{
    [Display(Name = "姓名"), Required(ErrorMessage = "请填写姓名。"), StringLength(50, ErrorMessage = "姓名不超过 50 个字。")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "角色"), Required(ErrorMessage = "请选择角色。")]
    public StaffRole? Role { get; set; }

    public IReadOnlyList<StaffRole> AssignableRoles { get; set; } = [];

    /// <summary>The use cases' field names as these forms bind them (the form is bound as "Form").</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string> { ["Role"] = "Form.Role", ["DisplayName"] = "Form.DisplayName" };
}
