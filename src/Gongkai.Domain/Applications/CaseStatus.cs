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
    public static string Label(this CaseStatus status) => status switch
    {
        CaseStatus.InProgress => "办理中",
        CaseStatus.AwaitingSupplement => "等待补正",
        CaseStatus.InConsultation => "征求意见中",
        CaseStatus.AwaitingFee => "等待缴费",
        CaseStatus.Replied => "已答复",
        _ => "已归档",
    };
}
