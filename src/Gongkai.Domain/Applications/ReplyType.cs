namespace Gongkai.Domain.Applications;

/// <summary>
/// How an application was answered. Each maps to exactly one row of the annual report's
/// application table (domain-spec §1.6: our derivation, the instruments give no mapping).
/// </summary>
public enum ReplyType
{
    /// <summary>Art. 36(1): already proactively disclosed; told where to get it.</summary>
    AlreadyPublic,
    /// <summary>Art. 36(2): provided.</summary>
    Granted,
    /// <summary>Art. 37: 区分处理.</summary>
    Partial,
    /// <summary>Art. 14: 国家秘密.</summary>
    StateSecret,
    /// <summary>Art. 14: 法律、行政法规禁止公开.</summary>
    ProhibitedByLaw,
    /// <summary>Art. 14: 危及“三安全一稳定”.</summary>
    Security,
    /// <summary>Art. 15: third-party rights.</summary>
    ThirdParty,
    /// <summary>Art. 16 ¶1: internal affairs.</summary>
    InternalAffairs,
    /// <summary>Art. 16 ¶2: process information.</summary>
    ProcessInformation,
    /// <summary>Art. 16 ¶2: administrative enforcement files.</summary>
    EnforcementFiles,
    /// <summary>Art. 36(7): a special access route (工商、不动产登记…).</summary>
    InquiryRoute,
    /// <summary>Art. 36(4): does not exist.</summary>
    NotExist,
    /// <summary>Art. 36(5): not this organ's.</summary>
    NotThisOrgan,
    /// <summary>Art. 38: would have to be made.</summary>
    NeedsMaking,
    /// <summary>Art. 30: still unclear after the supplement.</summary>
    UnclearAfterSupplement,
    /// <summary>Art. 39 ¶1: in truth a petition or complaint.</summary>
    Complaint,
    /// <summary>Art. 36(6): a repeat of an answered request.</summary>
    Repeated,
    /// <summary>Art. 39 ¶2: a publication.</summary>
    Publication,
    /// <summary>Art. 35: unreasonably numerous or repeated.</summary>
    Excessive,
    /// <summary>Asks to confirm or re-issue information already obtained.</summary>
    Confirmation,
    /// <summary>Art. 30: no supplement in time; deemed abandoned.</summary>
    NoSupplement,
    /// <summary>国办函〔2020〕109号: the fee not paid in time; deemed abandoned.</summary>
    FeeUnpaid,
    /// <summary>Anything else (withdrawn …).</summary>
    Other,
}

public static class ReplyTypes
{
    /// <summary>The row of the application table (三、收到和处理政府信息公开申请情况) a reply counts in.</summary>
    public static string RowFor(ReplyType type, string formatCode) => type switch
    {
        ReplyType.AlreadyPublic or ReplyType.Granted => "granted",
        ReplyType.Partial => "partial",
        ReplyType.StateSecret => "refused.state_secret",
        ReplyType.ProhibitedByLaw => "refused.prohibited",
        ReplyType.Security => "refused.security",
        ReplyType.ThirdParty => "refused.third_party",
        ReplyType.InternalAffairs => "refused.internal_affairs",
        ReplyType.ProcessInformation => "refused.process",
        ReplyType.EnforcementFiles => "refused.enforcement_files",
        ReplyType.InquiryRoute => "refused.inquiry",
        ReplyType.NotExist or ReplyType.NotThisOrgan => "unable.not_held",
        ReplyType.NeedsMaking => "unable.needs_making",
        ReplyType.UnclearAfterSupplement => "unable.unclear",
        ReplyType.Complaint => "not_processed.complaint",
        ReplyType.Repeated => "not_processed.repeated",
        ReplyType.Publication => "not_processed.publication",
        ReplyType.Excessive => "not_processed.excessive",
        ReplyType.Confirmation => "not_processed.confirmation",
        _ when formatCode == "2019" => "other",
        ReplyType.NoSupplement => "other.no_supplement",
        ReplyType.FeeUnpaid => "other.fee_unpaid",
        _ => "other.other",
    };

    public static string Label(this ReplyType type) => type switch
    {
        ReplyType.AlreadyPublic => "属于已主动公开的信息，告知获取方式",
        ReplyType.Granted => "予以公开",
        ReplyType.Partial => "部分公开（区分处理）",
        ReplyType.StateSecret => "不予公开：属于国家秘密",
        ReplyType.ProhibitedByLaw => "不予公开：其他法律行政法规禁止公开",
        ReplyType.Security => "不予公开：危及“三安全一稳定”",
        ReplyType.ThirdParty => "不予公开：保护第三方合法权益",
        ReplyType.InternalAffairs => "不予公开：属于三类内部事务信息",
        ReplyType.ProcessInformation => "不予公开：属于四类过程性信息",
        ReplyType.EnforcementFiles => "不予公开：属于行政执法案卷",
        ReplyType.InquiryRoute => "不予公开：属于行政查询事项",
        ReplyType.NotExist => "无法提供：政府信息不存在",
        ReplyType.NotThisOrgan => "无法提供：不属于本机关公开",
        ReplyType.NeedsMaking => "无法提供：没有现成信息需要另行制作",
        ReplyType.UnclearAfterSupplement => "无法提供：补正后申请内容仍不明确",
        ReplyType.Complaint => "不予处理：信访举报投诉类申请",
        ReplyType.Repeated => "不予处理：重复申请",
        ReplyType.Publication => "不予处理：要求提供公开出版物",
        ReplyType.Excessive => "不予处理：无正当理由大量反复申请",
        ReplyType.Confirmation => "不予处理：要求确认或重新出具已获取信息",
        ReplyType.NoSupplement => "申请人逾期不补正，不再处理",
        ReplyType.FeeUnpaid => "申请人逾期未缴纳信息处理费，不再处理",
        _ => "其他处理",
    };
}
