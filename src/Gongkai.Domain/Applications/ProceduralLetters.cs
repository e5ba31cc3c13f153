namespace Gongkai.Domain.Applications;

/// <summary>The letters the Regulation wants in writing on the way to a reply (the reply itself is <see cref="ReplyLetters"/>).</summary>
public enum ProceduralLetter
{
    /// <summary>受理回执: for an application received in person or by post (Art. 31), the day it counts as received and the reply period.</summary>
    Receipt,

    /// <summary>补正告知书 (Art. 30): once, within 7 working days, what to add, by when, that the period restarts on receipt.</summary>
    SupplementNotice,

    /// <summary>第三方意见征询函 (Art. 32): to the third party, what is asked, the 15 working days, what silence means.</summary>
    ConsultationLetter,

    /// <summary>延期答复告知书 (Art. 33 ¶2): the reason, the approval of the office's head, the new due date.</summary>
    ExtensionNotice,
}

/// <summary>
/// Each procedural letter: its title, the step it is made at, its placeholders, the ones the law
/// requires of it (a template without them is refused, a letter with them empty is not made), an
/// editable default text, and a closing paragraph saying the statutory consequence, which a
/// template cannot drop because it is not part of the template.
/// </summary>
public static class ProceduralLetters
{
    /// <summary>Placeholders every letter about an application may use.</summary>
    private static readonly string[] Common = ["申请人", "收到日期", "所需信息", "机关", "查询号", "告知日期"];

    /// <summary>The letter's short name, as staff call it.</summary>
    public static string Label(this ProceduralLetter letter) => letter switch
    {
        ProceduralLetter.Receipt => "受理回执",
        ProceduralLetter.SupplementNotice => "补正告知书",
        ProceduralLetter.ConsultationLetter => "第三方意见征询函",
        _ => "延期答复告知书",
    };

    public static string Title(this ProceduralLetter letter) => letter switch
    {
        ProceduralLetter.Receipt => "政府信息公开申请受理回执",
        ProceduralLetter.SupplementNotice => "政府信息公开申请补正告知书",
        ProceduralLetter.ConsultationLetter => "政府信息公开第三方意见征询函",
        _ => "政府信息公开延期答复告知书",
    };

    /// <summary>The step at which the letter is made; the receipt is made at registration.</summary>
    public static StepKind? Step(this ProceduralLetter letter) => letter switch
    {
        ProceduralLetter.SupplementNotice => StepKind.RequestSupplement,
        ProceduralLetter.ConsultationLetter => StepKind.StartConsultation,
        ProceduralLetter.ExtensionNotice => StepKind.Extend,
        _ => null,
    };

    /// <summary>
    /// Policy <c>Receipt_OnlyForPaperChannels</c>: an online application's receipt is the tracking
    /// number shown and mailed at submission (<see cref="ReceiptRules.OnlineReceived"/>); the written
    /// receipt is for what arrives on paper or in person.
    /// </summary>
    public static bool NeedsReceipt(Channel channel) => channel is not Channel.Online;

    public static IReadOnlyList<string> Placeholders(this ProceduralLetter letter) => letter switch
    {
        ProceduralLetter.Receipt => [.. Common, "渠道", "答复期限", "查询地址"],
        ProceduralLetter.SupplementNotice => [.. Common, "补正内容", "补正期限", "补正工作日"],
        ProceduralLetter.ConsultationLetter => [.. Common, "第三方", "征询事项"],
        _ => [.. Common, "延期理由", "延长工作日", "答复期限"],
    };

    /// <summary>The elements the article requires of the letter, as placeholders.</summary>
    public static IReadOnlyList<string> Required(this ProceduralLetter letter) => letter switch
    {
        ProceduralLetter.Receipt => ["收到日期", "答复期限", "查询号"],
        ProceduralLetter.SupplementNotice => ["补正内容", "补正期限"],
        ProceduralLetter.ConsultationLetter => ["第三方", "征询事项"],
        _ => ["延期理由", "延长工作日", "答复期限"],
    };

    public static IReadOnlyList<string> MissingElements(ProceduralLetter letter, string template) =>
        letter.Required().Where(p => !template.Contains("{" + p + "}", StringComparison.Ordinal)).Select(p => "{" + p + "}").ToList();

    public static IReadOnlyList<string> UnknownPlaceholders(ProceduralLetter letter, string template) =>
        LetterText.PlaceholdersIn(template).Where(p => !letter.Placeholders().Contains(p)).Distinct().ToList();

    public static string DefaultBody(this ProceduralLetter letter) => letter switch
    {
        ProceduralLetter.Receipt =>
            "{申请人}：\n本机关于{收到日期}通过{渠道}收到您提出的政府信息公开申请，申请获取“{所需信息}”，查询号为 {查询号}。\n本机关将于{答复期限}前作出答复。您可以凭查询号和查询码在 {查询地址} 查询办理进度。",
        ProceduralLetter.SupplementNotice =>
            "{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（查询号 {查询号}），申请获取“{所需信息}”。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条，请您作出补正：{补正内容}。\n请于{补正期限}前（{补正工作日}个工作日内）向本机关提交补正材料。",
        // Art. 32 consults the third party about the information, not about the applicant: the
        // default does not name the applicant (a template may, at the agency's choice).
        ProceduralLetter.ConsultationLetter =>
            "{第三方}：\n本机关于{收到日期}收到一份政府信息公开申请，申请获取“{所需信息}”。本机关认为，该申请涉及的信息公开后可能损害您的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条，现就以下事项书面征求您的意见：{征询事项}。",
        _ =>
            "{申请人}：\n本机关于{收到日期}收到您提出的政府信息公开申请（查询号 {查询号}），申请获取“{所需信息}”。因{延期理由}，本机关不能在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款，答复期限延长{延长工作日}个工作日，本机关将于{答复期限}前作出答复。",
    };

    /// <summary>
    /// The statutory consequence closing each letter (not editable): for the receipt, the channel's
    /// receipt rule (Art. 31) and the period (Art. 33); for the supplement, the restart and what
    /// silence means (Art. 30); for the consultation, the 15 working days and what silence means
    /// (Art. 32); for the extension, the approval and its limit (Art. 33 ¶2). A provisional due date
    /// says why (<see cref="Deadline.Note"/>).
    /// </summary>
    public static IReadOnlyList<string> Closing(this ProceduralLetter letter, Channel channel, ReplyRules rules, string? provisionalNote)
    {
        var closing = letter switch
        {
            ProceduralLetter.Receipt => new List<string>
            {
                ReceiptRules.For(channel),
                $"本机关自收到申请之日起 {ReplyDeadline.BaseDays(rules)} 个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 {ReplyDeadline.MaxExtension(rules)} 个工作日（条例第三十三条）。",
            },
            ProceduralLetter.SupplementNotice => ["答复期限自本机关收到补正的申请之日起重新计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请（条例第三十条）。"],
            ProceduralLetter.ConsultationLetter =>
            [
                "请您自收到本函之日起 15 个工作日内书面提出意见。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。您不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知您（条例第三十二条）。",
            ],
            _ => [$"本次延期已经本机关政府信息公开工作机构负责人同意，延长的期限最长不超过 {ReplyDeadline.MaxExtension(rules)} 个工作日（条例第三十三条第二款）。"],
        };
        if (provisionalNote is not null && letter is ProceduralLetter.Receipt or ProceduralLetter.ExtensionNotice)
        {
            closing.Add(provisionalNote);
        }
        return closing;
    }
}
