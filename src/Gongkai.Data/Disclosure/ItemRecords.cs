using Gongkai.Domain.Disclosure;

namespace Gongkai.Data.Disclosure;

/// <summary>A piece of personal data found in an item, and where: the body or an attachment.</summary>
public sealed record ItemFinding(string Source, PersonalDataFinding Finding);

/// <summary>Between stored information items and the disclosure rules.</summary>
public static class ItemRecords
{
    /// <summary>Personal data in the body and in the attachments' text.</summary>
    public static async Task<IReadOnlyList<ItemFinding>> FindingsAsync(GongkaiDb db, InfoItem item, CancellationToken ct)
    {
        var attachments = await db.ItemAttachments.AsNoTracking().Where(a => a.ItemId == item.Id).Select(a => new { a.FileName, a.Text }).ToListAsync(ct);
        return
        [
            .. PersonalDataGuard.Find(item.Title + "\n" + item.BodyText).Select(f => new ItemFinding("正文", f)),
            .. attachments.SelectMany(a => PersonalDataGuard.Find(a.Text).Select(f => new ItemFinding($"附件“{a.FileName}”", f))),
        ];
    }

    /// <summary>Findings that still block publication: all of them, unless a reviewer recorded why they may be published.</summary>
    public static int Open(InfoItem item, IReadOnlyList<ItemFinding> findings) => item.PersonalDataOverride is null ? findings.Count : 0;

    /// <summary>
    /// Takes a workflow action on a tracked item: the status and dates the workflow gives, the
    /// sign-off kept for ever, the audit note. Saving it also updates the search index. Throws
    /// <see cref="ItemWorkflowException"/> when the action may not happen.
    /// </summary>
    public static void Act(GongkaiDb db, InfoItem item, ItemAction action, Actor actor, string? opinion, int openFindings, DateOnly today, DateTime nowUtc)
    {
        var status = ItemWorkflow.Next(item.Status, action, actor, item.AuthorId, opinion, openFindings);
        var dates = ItemWorkflow.DatesAfter(action, new ItemDates(item.PublishedOn, item.WithdrawnOn, item.WithdrawReason), opinion, today);
        (item.Status, item.PublishedOn, item.WithdrawnOn, item.WithdrawReason, item.UpdatedUtc) = (status, dates.PublishedOn, dates.WithdrawnOn, dates.WithdrawReason, nowUtc);
        db.ItemSignOffs.Add(new ItemSignOff
        {
            ItemId = item.Id, AgencyId = item.AgencyId, Action = action, UserId = actor.UserId, UserName = actor.Name, AtUtc = nowUtc,
            Opinion = string.IsNullOrWhiteSpace(opinion) ? action.Label() : opinion.Trim(),
        });
        db.AuditNote = $"{action.Label()}：{item.Title}";
    }

    /// <summary>有效性 as sites print it: 有效 / 已废止 (on the day), for documents only.</summary>
    public static string? Validity(InfoItem item, DateOnly today) => item.DocumentKind == DocumentKind.None
        ? null
        : item.RepealedOn is { } repealed && repealed <= today ? $"已废止（{repealed:yyyy-MM-dd}）" : "有效";
}
