namespace Gongkai.Domain.Staff;

/// <summary>
/// Locks an account for a while after repeated wrong passwords, against password guessing.
/// </summary>
public sealed record LockoutPolicy(int MaxFailedAttempts, TimeSpan LockoutDuration)
{
    public static LockoutPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15));

    public bool IsLockedOut(DateTime? lockoutEndUtc, DateTime nowUtc) => lockoutEndUtc is { } end && end > nowUtc;

    /// <summary>
    /// Whether the password may be checked on this attempt, the <paramref name="attempt"/>-th since
    /// the count was last reset: each attempt takes its number before the password is checked, so
    /// however many guesses arrive at once, no more than the limit are ever checked.
    /// </summary>
    public bool MayCheck(int attempt) => attempt <= MaxFailedAttempts;

    /// <summary>
    /// Whether a wrong password on the <paramref name="attempt"/>-th attempt locks the account. The
    /// count is not reset by the lock (attempts still in flight keep counting past the limit); it
    /// starts again when the lockout has ended or a password is right.
    /// </summary>
    public bool LocksAfter(int attempt) => attempt >= MaxFailedAttempts;
}
