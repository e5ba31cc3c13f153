namespace Gongkai.Domain.Applications;

/// <summary>
/// What an applicant gives (Art. 29): who they are and how to reach them, the information wanted
/// and the form they want it in. Checked where it is typed (<see cref="ApplicantRules"/>).
/// </summary>
public sealed record Applicant(
    ApplicantKind Kind, string Name, string? IdNumber, string Phone, string? Email, string? Address, string Description, string FormWanted)
{
    /// <summary>The forms in which information can be provided (Art. 40).</summary>
    public static readonly string[] Forms = ["电子邮件", "邮寄纸质件", "当面领取", "网上查看"];

    /// <summary>
    /// What is wrong with the applicant's data, by field: a natural person's ID number (Art. 29
    /// asks for proof of identity; checked by its check digit), the phone, the form wanted.
    /// Every front end (the public form, the clerk's registration, the CLI) checks these.
    /// </summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        // Every letter to the applicant prints these: a character no document can hold would break them for ever.
        foreach (var (field, label, text) in new[] { (nameof(Name), "姓名或名称", Name), (nameof(Address), "通信地址", Address), (nameof(Description), "所需政府信息的名称、文号或描述", Description), (nameof(IdNumber), "身份证号码", IdNumber), (nameof(Email), "电子邮箱", Email) })
        {
            if (text is not null && Text.WritableText.FirstUnwritable(text) >= 0)
            {
                yield return (field, $"“{label}”中有无法保存的控制字符（如从其他软件复制来的隐藏字符），请删除后重新填写。");
            }
        }
        if (Kind == ApplicantKind.NaturalPerson && !ApplicantRules.IsResidentId(IdNumber?.Trim()))
        {
            yield return (nameof(IdNumber), string.IsNullOrWhiteSpace(IdNumber) ? "请填写身份证号码（条例第二十九条要求提供身份证明）。" : "身份证号码不正确，请核对（18 位，最后一位为校验码）。");
        }
        if (!ApplicantRules.IsPhone(Phone))
        {
            yield return (nameof(Phone), string.IsNullOrWhiteSpace(Phone) ? "请填写联系电话。" : "联系电话应为 11 位手机号码或带区号的固定电话。");
        }
        if (!string.IsNullOrWhiteSpace(Email) && !ApplicantRules.IsEmail(Email.Trim()))
        {
            yield return (nameof(Email), "电子邮箱格式不正确（例如 name@example.com），不需要邮件告知可以不填。");
        }
        if (!Forms.Contains(FormWanted))
        {
            yield return (nameof(FormWanted), "请选择获取信息的方式。");
        }
    }
}
