namespace Gongkai.Data;

public enum OutcomeKind
{
    Done,

    /// <summary>Refused by a rule; <see cref="Outcome.Problems"/> say which, each at its field where it has one.</summary>
    Refused,

    /// <summary>The record changed since the form was read (its version): nothing saved, the user reloads.</summary>
    Stale,

    /// <summary>The change alters a year whose report was submitted and no correction reason was given (<see cref="Audit.RecordsLockedException"/>).</summary>
    YearLocked,
}

/// <summary>A refusal's sentence, in Chinese, and the form field it concerns (null: the whole form).</summary>
public sealed record Problem(string? Field, string Message);

/// <summary>
/// How a use case ended. Every use case in Data returns one, and the one save
/// (<see cref="SaveAsync"/>) turns the two conflicts a save can meet into outcomes, so a page
/// maps an outcome to what it shows in one place and never catches a database exception.
/// </summary>
public record Outcome(OutcomeKind Kind, IReadOnlyList<Problem> Problems)
{
    public static Outcome Done { get; } = new(OutcomeKind.Done, []);

    public bool IsDone => Kind == OutcomeKind.Done;

    /// <summary>The first problem's sentence (the one a refusal shows at the top), or null when done.</summary>
    public string? Message => Problems.FirstOrDefault()?.Message;

    public static Outcome Refused(string message, string? field = null) => new(OutcomeKind.Refused, [new Problem(field, message)]);

    public static Outcome Refused(IReadOnlyList<Problem> problems) => new(OutcomeKind.Refused, problems);

    /// <summary>The sentence a stale form gets, whatever the record.</summary>
    public const string StaleMessage = "该记录已被他人修改，您的修改未保存。请刷新页面查看最新情况后重试。";

    /// <summary>
    /// Saves what the use case changed: done; or stale (another user saved first) or year-locked
    /// (a submitted year's figures would change without a reason) — then nothing is saved and the
    /// context forgets the unsaved changes.
    /// </summary>
    public static async Task<Outcome> SaveAsync(GongkaiDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            Forget(db);
            return new Outcome(OutcomeKind.Stale, [new Problem(null, StaleMessage)]);
        }
        catch (Audit.RecordsLockedException e)
        {
            Forget(db);
            return new Outcome(OutcomeKind.YearLocked, [new Problem(null, e.Message)]);
        }
    }

    /// <summary>
    /// A unique index broken by a row that names <paramref name="part"/> (a table or column), in
    /// either database's words: SQLite's "UNIQUE constraint failed: info_items.sequence", PostgreSQL's
    /// 23505 "duplicate key … ix_info_items_…".
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException e, string part) =>
        e.InnerException?.Message is { } message && message.Contains(part, StringComparison.Ordinal)
        && (message.Contains("UNIQUE", StringComparison.Ordinal) || message.Contains("23505", StringComparison.Ordinal) || message.Contains("duplicate key", StringComparison.Ordinal));

    private static void Forget(GongkaiDb db)
    {
        db.ChangeTracker.Clear();
        db.CorrectionReason = null;
        db.AuditNote = null;
    }
}

/// <summary>An outcome with what the use case made (the new record), when it is done.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, IReadOnlyList<Problem> Problems, T? Value) : Outcome(Kind, Problems)
{
    public static Outcome<T> Of(Outcome outcome, T? value) => new(outcome.Kind, outcome.Problems, outcome.IsDone ? value : default);
}
