namespace Gongkai.Domain.Supervision;

/// <summary>What a 督办 is about.</summary>
public enum ChaseUpSubject
{
    Application,
    Item,
    Report,
}

/// <summary>
/// 督办: Art. 47 ¶2 has the 政府信息公开工作主管部门 urge an organ to put right what it did not do as
/// required (督促整改). A supervisor chases up a late case, item or report of an agency below it
/// with a note and a day to answer by; the agency answers once, and both keep the record.
/// </summary>
public static class ChaseUps
{
    public const int NoteMaxLength = 1000;
    public const int AnswerMaxLength = 2000;

    /// <summary>The latest reply-by day a chase-up may set: a chase-up is about something already late, so weeks, not months.</summary>
    public const int LongestReplyDays = 90;

    public static string Label(this ChaseUpSubject subject) => subject switch
    {
        ChaseUpSubject.Application => "依申请公开",
        ChaseUpSubject.Item => "主动公开信息",
        _ => "年度报告",
    };

    /// <summary>The problems of a chase-up about to be sent, each at its field; none when it may go.</summary>
    public static IReadOnlyList<(string Field, string Message)> SendProblems(int ownAgencyId, int targetAgencyId, string note, DateOnly? replyBy, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (ownAgencyId == targetAgencyId)
        {
            problems.Add(("", "督办是对下级机关的，不能督办本机关。"));
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            problems.Add(("Note", "请填写督办意见。"));
        }
        else if (note.Length > NoteMaxLength)
        {
            problems.Add(("Note", $"督办意见不超过 {NoteMaxLength} 个字。"));
        }
        if (replyBy is not { } by)
        {
            problems.Add(("ReplyBy", "请填写回复期限。"));
        }
        else if (by < today || by > today.AddDays(LongestReplyDays))
        {
            problems.Add(("ReplyBy", $"回复期限应在今天（{today:yyyy-MM-dd}）到 {LongestReplyDays} 天之内。"));
        }
        return problems;
    }

    /// <summary>The problem of an answer, or null: an answer says something, and a chase-up is answered once.</summary>
    public static string? AnswerProblem(string answer, bool answered) =>
        answered ? "该督办已回复。"
        : string.IsNullOrWhiteSpace(answer) ? "请填写回复内容。"
        : answer.Length > AnswerMaxLength ? $"回复内容不超过 {AnswerMaxLength} 个字。"
        : null;

    /// <summary>Where a chase-up stands on <paramref name="today"/>.</summary>
    public static string State(DateOnly replyBy, DateOnly? answeredOn, DateOnly today) =>
        answeredOn is { } on ? (on > replyBy ? "已回复（逾期）" : "已回复")
        : today > replyBy ? "逾期未回复"
        : "待回复";
}
