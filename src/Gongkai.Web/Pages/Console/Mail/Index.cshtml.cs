using Gongkai.Domain.Notifications;

namespace Gongkai.Web.Pages.Console.Mail;

/// <summary>The system admin's view of the outbox: what was sent, what waits and why, and sending a failed mail again.</summary>
public sealed class IndexModel(GongkaiDb db, StaffContext staff, TimeProvider clock) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true, Name = "state")]
    public OutboxState? State { get; set; }

    public sealed record Row(long Id, string Kind, string Recipient, string Subject, OutboxState State, int Attempts, DateTime CreatedUtc, DateTime? SentUtc, DateTime NextAttemptUtc, string? LastError);

    public IReadOnlyList<Row> Messages { get; private set; } = [];
    public IReadOnlyDictionary<OutboxState, int> Counts { get; private set; } = new Dictionary<OutboxState, int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        Counts = await db.Outbox.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var query = db.Outbox.AsNoTracking();
        if (State is { } state)
        {
            query = query.Where(m => m.State == state);
        }
        var rows = await query.OrderByDescending(m => m.Id).Take(Shown)
            .Select(m => new { m.Id, m.Kind, m.Recipient, m.Subject, m.State, m.Attempts, m.CreatedUtc, m.SentUtc, m.NextAttemptUtc, m.LastError }).ToListAsync(ct);
        Messages = rows.Select(m => new Row(m.Id, m.Kind.Label(), Masked(m.Recipient), m.Subject, m.State, m.Attempts, m.CreatedUtc, m.SentUtc, m.NextAttemptUtc, m.LastError)).ToList();
        ViewData["Title"] = "邮件发送记录";
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        if (!staff.HasAnywhere(Permission.ManageAgencies))
        {
            return Forbid();
        }
        if (!await OutboxSender.RetryAsync(db, id, clock.GetUtcNow().UtcDateTime, ct))
        {
            return NotFound();
        }
        TempData["Notice"] = "已重新排入发送队列。";
        return Redirect("/console/mail");
    }

    /// <summary>An address with its mailbox name hidden but for its first letter: enough to tell mails apart, not to collect addresses.</summary>
    public static string Masked(string address) => address.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? address[..1] + "***" + address[at..] : "***";

    public static string StateLabel(OutboxState state) => state switch
    {
        OutboxState.Pending => "待发送",
        OutboxState.Sent => "已发送",
        _ => "发送失败",
    };
}
