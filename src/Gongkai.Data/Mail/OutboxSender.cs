using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace Gongkai.Data.Mail;

/// <summary>
/// Sends what is due in the outbox. Each mail is first claimed in a short transaction that locks
/// its row (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>; SQLite's transactions take the write lock)
/// and moves its next attempt past a lease, so with several web nodes, or a worker and
/// <c>gongkai jobs run outbox</c> at once, each mail is sent by one of them; no database lock is
/// held while the mail server is talked to. A mail the server refuses is tried again later with
/// back-off; when the server cannot be reached at all the round stops, and the mails wait.
/// </summary>
public static class OutboxSender
{
    /// <summary>How long a claimed mail is left to its sender before another may take it (the sender died mid-send).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public sealed record Round(int Sent, int Failed);

    public static async Task<Round> SendDueAsync(GongkaiDb db, Mailer mailer, DateTime nowUtc, CancellationToken ct, int max = 200)
    {
        int sent = 0, failed = 0;
        for (var i = 0; i < max; i++)
        {
            var message = await ClaimAsync(db, nowUtc, ct);
            if (message is null)
            {
                break;
            }
            var unreachable = false;
            try
            {
                await mailer.SendAsync(mailer.Compose(message), ct);
                message.State = OutboxState.Sent;
                message.SentUtc = nowUtc;
                message.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Whatever the server or the network does, the mail stays in the outbox with the reason.
                failed++;
                unreachable = e is SocketException or IOException or TimeoutException or OperationCanceledException or SmtpProtocolException or ServiceNotConnectedException;
                var error = $"{e.GetType().Name}: {e.Message}";
                message.LastError = error.Length > 500 ? error[..500] : error;
                message.NextAttemptUtc = nowUtc + mailer.Settings.Backoff(message.Attempts);
                if (message.Attempts >= mailer.Settings.MaxAttempts || e is FormatException or ParseException)
                {
                    message.State = OutboxState.Failed;
                }
            }
            await db.SaveChangesAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (unreachable)
            {
                break;
            }
        }
        return new Round(sent, failed);
    }

    /// <summary>The next due mail, its attempt counted and its next attempt moved past the lease, committed; null when none is due.</summary>
    private static async Task<OutboxMessage?> ClaimAsync(GongkaiDb db, DateTime nowUtc, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var message = await DueAsync(db, nowUtc, ct);
        if (message is null)
        {
            return null;
        }
        message.Attempts++;
        message.NextAttemptUtc = nowUtc + Lease;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return message;
    }

    private static Task<OutboxMessage?> DueAsync(GongkaiDb db, DateTime nowUtc, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Outbox.FromSqlInterpolated($"SELECT * FROM outbox_messages WHERE state = 'Pending' AND next_attempt_utc <= {nowUtc} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED").FirstOrDefaultAsync(ct)
            : db.Outbox.Where(m => m.State == OutboxState.Pending && m.NextAttemptUtc <= nowUtc).OrderBy(m => m.Id).FirstOrDefaultAsync(ct);

    /// <summary>The system admin sends a failed mail again: it is pending from now, with its attempts kept.</summary>
    public static async Task<bool> RetryAsync(GongkaiDb db, long id, DateTime nowUtc, CancellationToken ct)
    {
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.State == OutboxState.Sent)
        {
            return false;
        }
        message.State = OutboxState.Pending;
        message.NextAttemptUtc = nowUtc;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
