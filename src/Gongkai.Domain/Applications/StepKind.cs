namespace Gongkai.Domain.Applications;

public enum StepKind
{
    RequestSupplement,
    ReceiveSupplement,
    DeemAbandonedNoSupplement,
    StartConsultation,
    EndConsultation,
    Extend,
    ReasonableDelay,
    SendFeeNotice,
    RecordPayment,
    DeemAbandonedUnpaid,
    Reply,
    Close,
}

public static class StepKindLabels
{
    /// <summary>The steps that answer an application (Art. 36's reply, or the two ways it is deemed abandoned): its last one is the reply.</summary>
    public static readonly StepKind[] Answering = [StepKind.Reply, StepKind.DeemAbandonedNoSupplement, StepKind.DeemAbandonedUnpaid];

    public static string Label(this StepKind step) => step switch
    {
        StepKind.RequestSupplement => "告知补正",
        StepKind.ReceiveSupplement => "收到补正",
        StepKind.DeemAbandonedNoSupplement => "逾期未补正，视为放弃",
        StepKind.StartConsultation => "征求意见",
        StepKind.EndConsultation => "收到意见",
        StepKind.Extend => "延期答复",
        StepKind.ReasonableDelay => "合理延迟答复",
        StepKind.SendFeeNotice => "发出收费通知",
        StepKind.RecordPayment => "收到缴费",
        StepKind.DeemAbandonedUnpaid => "逾期未缴费，视为放弃",
        StepKind.Reply => "答复",
        _ => "归档",
    };
}
