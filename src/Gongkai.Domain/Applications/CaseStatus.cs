namespace Gongkai.Domain.Applications;

public enum CaseStatus
{
    /// <summary>Registered, being handled.</summary>
    InProgress,
    /// <summary>Told once what to supplement (Art. 30); the reply clock waits for the supplement.</summary>
    AwaitingSupplement,
    /// <summary>Third parties or other organs consulted (Arts. 32–34); the clock stands still.</summary>
    InConsultation,
    /// <summary>A fee notice sent; the applicant has 20 working days to pay.</summary>
    AwaitingFee,
    /// <summary>Answered with exactly one reply type.</summary>
    Replied,
    /// <summary>Archived (Art. 45).</summary>
    Closed,
}

public static class CaseStatusLabels
{
    /// <summary>The statuses of a case still to be answered: every one is someone's open work (the dashboard, the digest).</summary>
    public static readonly CaseStatus[] Open = [CaseStatus.InProgress, CaseStatus.AwaitingSupplement, CaseStatus.InConsultation, CaseStatus.AwaitingFee];

    public static string Label(this CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "办理中",
        CaseStatus.AwaitingSupplement => "等待补正",
        CaseStatus.InConsultation => "征求意见中",
        CaseStatus.AwaitingFee => "等待缴费",
        CaseStatus.Replied => "已答复",
        _ => "已归档",
    };

    /// <summary>What the law asks for next in a case of this status, said to the clerk.</summary>
    public static string NextStep(this CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "答复（需要时告知补正、征求意见或延期）",
        CaseStatus.AwaitingSupplement => "等待补正：收到后登记，答复期限重新计算（条例第三十条）",
        CaseStatus.InConsultation => "等待第三方或其他机关意见，收到后登记（条例第三十二条）",
        CaseStatus.AwaitingFee => "等待缴费：缴费后登记，逾期未缴视为放弃",
        CaseStatus.Replied => "归档（条例第四十五条）",
        _ => "无",
    };
}
