using System.Text;

namespace Gongkai.Domain.Applications;

/// <summary>
/// The reply letter (告知书) for each reply type: a default text citing its legal basis, which an
/// agency admin may replace; every letter ends with the applicant's remedies, naming the bodies.
/// Placeholders in braces are filled from the application and its reply step: {申请人} {收到日期}
/// {所需信息} {机关} {答复日期} {获取方式} {理由} {专栏网址} {已公开信息} {负责机关}. What Art. 36 requires of each type is
/// <see cref="Required"/>: a template without it is refused, a letter with it empty is not made.
/// </summary>
public static class ReplyLetters
{
    /// <summary>Art. 51 and the laws on reconsideration (60 days, 行政复议法 第二十条) and litigation (6 months, 行政诉讼法 第四十六条).</summary>
    public const string Remedies = "如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议（《中华人民共和国行政复议法》第二十条），或者自知道或者应当知道本答复之日起六个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。";

    public static readonly IReadOnlyList<string> Placeholders = ["申请人", "收到日期", "所需信息", "机关", "答复日期", "获取方式", "理由", "专栏网址", "已公开信息", "负责机关"];

    /// <summary>What each placeholder stands for, in the words of a refusal.</summary>
    public static string ElementName(string placeholder) => placeholder switch
    {
        "理由" => "{理由}（答复的理由或说明）",
        "获取方式" => "{获取方式}（提供信息的形式，条例第四十条）",
        "专栏网址" => "{专栏网址}（本机关政府信息公开专栏的网址）",
        "已公开信息" => "{已公开信息}（已公开信息的标题、索引号和网址，或获取途径）",
        "负责机关" => "{负责机关}（负责公开的行政机关的名称和联系方式）",
        _ => "{" + placeholder + "}",
    };

    /// <summary>
    /// The elements Art. 36 asks of a reply of <paramref name="type"/> beyond the decision and its
    /// basis: reasons where the organ refuses or redirects (36(三), 36(五), 37, 38, 30), where and how
    /// to get information already public (36(一)), the form of provision (36(二), 37, Art. 40).
    /// </summary>
    public static IReadOnlyList<string> Required(ReplyType type) => type switch
    {
        ReplyType.AlreadyPublic => ["已公开信息"],
        ReplyType.NotThisOrgan => ["理由", "负责机关"],
        ReplyType.Granted => ["获取方式"],
        ReplyType.Partial => ["理由", "获取方式"],
        ReplyType.StateSecret or ReplyType.ProhibitedByLaw or ReplyType.Security or ReplyType.ThirdParty
            or ReplyType.InternalAffairs or ReplyType.ProcessInformation or ReplyType.EnforcementFiles
            or ReplyType.NeedsMaking or ReplyType.UnclearAfterSupplement or ReplyType.Other => ["理由"],
        _ => [],
    };

    /// <summary>
    /// The required elements of a reply of <paramref name="type"/> that <paramref name="values"/>
    /// leaves empty, named: the letter is refused while any is (Art. 36), and the assessment counts
    /// a reply whose record lacks one.
    /// </summary>
    public static IReadOnlyList<string> Missing(ReplyType type, IReadOnlyDictionary<string, string> values) =>
        Required(type).Where(p => string.IsNullOrWhiteSpace(values.GetValueOrDefault(p))).Select(ElementName).ToList();

    /// <summary>The required elements a template of <paramref name="type"/> leaves out, named for the refusal.</summary>
    public static IReadOnlyList<string> MissingElements(ReplyType type, string template) =>
        Required(type).Where(p => !template.Contains("{" + p + "}", StringComparison.Ordinal)).Select(ElementName).ToList();

    /// <summary>
    /// Who hears a reconsideration (行政复议法 第二十四条, 2023): a government department's case goes
    /// to its own government, a government's to the government above it.
    /// </summary>
    public static string ReconsiderationBody(bool isDepartment, string? parentGovernment) =>
        parentGovernment ?? (isDepartment ? "本级人民政府" : "上一级人民政府");

    /// <summary>The remedies with their bodies named: the reconsideration organ and the court where the organ sits (行政诉讼法 第十八条).</summary>
    public static string RemediesNaming(string reconsiderationBody, string organ) =>
        $"如对本答复不服，可以自收到本告知书之日起六十日内向{reconsiderationBody}申请行政复议（《中华人民共和国行政复议法》第二十条），或者自知道或者应当知道本答复之日起六个月内向{organ}所在地有管辖权的人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。";

    public static string Title(ReplyType type) => type switch
    {
        ReplyType.Granted or ReplyType.AlreadyPublic => "政府信息公开告知书",
        ReplyType.Partial => "政府信息部分公开告知书",
        ReplyType.NoSupplement or ReplyType.FeeUnpaid => "政府信息公开申请终止处理告知书",
        _ when type.ToString().StartsWith("Not", StringComparison.Ordinal) || type is ReplyType.NeedsMaking or ReplyType.UnclearAfterSupplement => "政府信息公开申请答复告知书",
        _ => "政府信息不予公开（处理）告知书",
    };

    public static string DefaultBody(ReplyType type)
    {
        var opening = "{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请，申请获取“{所需信息}”。经审查，现答复如下：\n";
        var decision = type switch
        {
            ReplyType.AlreadyPublic => "您申请获取的政府信息已经主动公开，获取方式和途径：{已公开信息}。根据《中华人民共和国政府信息公开条例》第三十六条第（一）项，特此告知。",
            ReplyType.Granted => "您申请获取的政府信息属于公开范围，根据《中华人民共和国政府信息公开条例》第三十六条第（二）项，本机关予以公开，现按您要求的方式（{获取方式}）提供。",
            ReplyType.Partial => "您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条，本机关按您要求的方式（{获取方式}）向您提供可以公开的部分；不予公开部分的理由：{理由}。",
            ReplyType.StateSecret => "您申请获取的政府信息属于国家秘密。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项，本机关不予公开。理由：{理由}。",
            ReplyType.ProhibitedByLaw => "您申请获取的政府信息属于法律、行政法规禁止公开的信息。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项，本机关不予公开。理由：{理由}。",
            ReplyType.Security => "您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项，本机关不予公开。理由：{理由}。",
            ReplyType.ThirdParty => "您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项，本机关不予公开。理由：{理由}。",
            ReplyType.InternalAffairs => "您申请获取的信息属于人事管理、后勤管理、内部工作流程等内部事务信息。根据《中华人民共和国政府信息公开条例》第十六条第一款，本机关不予公开。理由：{理由}。",
            ReplyType.ProcessInformation => "您申请获取的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息。根据《中华人民共和国政府信息公开条例》第十六条第二款，本机关不予公开。理由：{理由}。",
            ReplyType.EnforcementFiles => "您申请获取的信息属于行政执法案卷信息。根据《中华人民共和国政府信息公开条例》第十六条第二款，本机关不予公开。理由：{理由}。",
            ReplyType.InquiryRoute => "您申请获取的信息，法律、行政法规对其获取有专门规定。根据《中华人民共和国政府信息公开条例》第三十六条第（七）项，请您按照有关法律、行政法规的规定办理。",
            ReplyType.NotExist => "经检索，本机关未制作或获取您申请的政府信息，该政府信息不存在。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项，特此告知。",
            ReplyType.NotThisOrgan => "您申请获取的政府信息不属于本机关负责公开。{负责机关}根据《中华人民共和国政府信息公开条例》第三十六条第（五）项，特此告知。说明：{理由}。",
            ReplyType.NeedsMaking => "本机关没有现成的您所申请的信息，提供需要对现有政府信息进行加工、分析。根据《中华人民共和国政府信息公开条例》第三十八条，本机关不予提供。理由：{理由}。",
            ReplyType.UnclearAfterSupplement => "经补正后，您的申请内容仍不明确，本机关无法确定您所需的政府信息。根据《中华人民共和国政府信息公开条例》第三十条，特此告知。说明：{理由}。",
            ReplyType.Complaint => "您的申请以政府信息公开申请的形式进行信访、投诉、举报等活动。根据《中华人民共和国政府信息公开条例》第三十九条第一款，本机关不作为政府信息公开申请处理，请您通过相应渠道提出。",
            ReplyType.Repeated => "本机关已就您的同一政府信息公开申请作出答复，您重复申请。根据《中华人民共和国政府信息公开条例》第三十六条第（六）项，本机关不予重复处理。",
            ReplyType.Publication => "您要求提供的是政府公报、报刊、书籍等公开出版物。根据《中华人民共和国政府信息公开条例》第三十九条第二款，请您通过相应的获取渠道获取。",
            ReplyType.Excessive => "您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理。根据《中华人民共和国政府信息公开条例》第三十五条，本机关不予处理。",
            ReplyType.Confirmation => "您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。",
            ReplyType.NoSupplement => "本机关已告知您补正申请，您无正当理由逾期未补正。根据《中华人民共和国政府信息公开条例》第三十条，视为您放弃申请，本机关不再处理该政府信息公开申请。",
            ReplyType.FeeUnpaid => "本机关已向您发出收费通知，您逾期未按通知要求缴纳信息处理费。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），视为您放弃申请，本机关不再处理该政府信息公开申请。",
            _ => "本机关依据《中华人民共和国政府信息公开条例》第三十六条对您的申请作出如下处理：{理由}。",
        };
        return opening + decision;
    }

    /// <summary>The letter's paragraphs: the template with its placeholders filled, then the remedies (naming the bodies when <paramref name="remedies"/> is given).</summary>
    public static IReadOnlyList<string> Paragraphs(string template, IReadOnlyDictionary<string, string> values, string? remedies = null) =>
        [.. LetterText.Fill(template, values), remedies ?? Remedies];

    /// <summary>Placeholders the template names that do not exist (a typo would print as it is).</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template) =>
        LetterText.PlaceholdersIn(template).Where(p => !Placeholders.Contains(p)).Distinct().ToList();
}

/// <summary>The text of a letter from its template: placeholders in braces, one paragraph per line.</summary>
public static class LetterText
{
    /// <summary>The template with its placeholders filled, split into paragraphs (empty lines dropped).</summary>
    public static IReadOnlyList<string> Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            text.Replace("{" + name + "}", value);
        }
        return text.ToString().Replace("\r\n", "\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Every placeholder a template names.</summary>
    public static IEnumerable<string> PlaceholdersIn(string template) =>
        System.Text.RegularExpressions.Regex.Matches(template, @"\{([^{}]{1,10})\}").Select(m => m.Groups[1].Value);
}
