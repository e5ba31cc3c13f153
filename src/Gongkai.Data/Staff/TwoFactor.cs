using OtpNet;

namespace Gongkai.Data.Staff;

/// <summary>
/// The second sign-in factor (GB/T 22239-2019 level 3, 身份鉴别: 两种或两种以上组合的鉴别技术):
/// a time-based one-time code (RFC 6238: 6 digits, 30-second steps, SHA-1 — what every
/// authenticator app reads from the enrolment QR code). The shared secret is stored sealed; a
/// code is accepted once, for its own step or the one before or after (a phone's clock may be off
/// by a few seconds), and never again, on any node: the accepted step is taken in one UPDATE.
/// </summary>
public static class TwoFactor
{
    public enum Check
    {
        Accepted,
        Wrong,

        /// <summary>A right code whose step was already used (a replay, or a second form post).</summary>
        Replayed,
    }

    /// <summary>A new secret (160 bits, RFC 4226's recommendation) in base32, as an authenticator app takes it.</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The otpauth:// address the enrolment QR code carries.</summary>
    public static string EnrolmentUri(string secret, string userName, string issuer) => new OtpUri(OtpType.Totp, secret, userName, issuer).ToString();

    /// <summary>The code of <paramref name="secret"/> at <paramref name="nowUtc"/> (for the CLI's and the tests' use of a known secret).</summary>
    public static string CodeAt(string secret, DateTime nowUtc) => Totp(secret).ComputeTotp(nowUtc);

    /// <summary>The time step <paramref name="code"/> belongs to, if it is right for now (one step either side).</summary>
    public static long? StepOf(string secret, string? code, DateTime nowUtc)
    {
        code = code?.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }
        return Totp(secret).VerifyTotp(nowUtc, code, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    private static Totp Totp(string secret) => new(Base32Encoding.ToBytes(secret));

    /// <summary>
    /// Enrols the member with <paramref name="secret"/> once they prove their app has it (a right
    /// code); the step of that code is used up.
    /// </summary>
    public static async Task<Outcome> EnrolAsync(GongkaiDb db, StaffUser user, string secret, string? code, DateTime nowUtc, CancellationToken ct)
    {
        if (StepOf(secret, code, nowUtc) is not { } step)
        {
            return Outcome.Refused("验证码不正确，请输入验证器应用当前显示的 6 位数字。", "Code");
        }
        (user.TotpSecret, user.TotpLastStep) = (db.PersonalData.Seal(secret), step);
        var saved = await Outcome.SaveAsync(db, ct);
        if (saved.IsDone)
        {
            await db.RecordEventAsync(AuditActions.TwoFactorEnrolled, nameof(StaffUser), user.Id.ToString(), user.AgencyId, null, ct);
        }
        return saved;
    }

    /// <summary>Checks a sign-in code; a right one takes its step in the database, so the same code is refused everywhere after it.</summary>
    public static async Task<Check> VerifyAsync(GongkaiDb db, StaffUser user, string? code, DateTime nowUtc, CancellationToken ct)
    {
        if (user.TotpSecret is null || StepOf(db.PersonalData.Open(user.TotpSecret), code, nowUtc) is not { } step)
        {
            return Check.Wrong;
        }
        var taken = await db.StaffUsers.Where(u => u.Id == user.Id && u.TotpLastStep < step)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.TotpLastStep, step), ct);
        return taken == 1 ? Check.Accepted : Check.Replayed;
    }

    /// <summary>
    /// The security admin's reset (a lost phone): the secret goes, the member's sessions end, and
    /// they enrol again at their next sign-in if their role requires it.
    /// </summary>
    public static async Task<Outcome> ResetAsync(GongkaiDb db, StaffUser target, CancellationToken ct)
    {
        (target.TotpSecret, target.TotpLastStep, target.SecurityStamp) = (null, 0, Guid.NewGuid().ToString("N"));
        var saved = await Outcome.SaveAsync(db, ct);
        if (saved.IsDone)
        {
            await db.RecordEventAsync(AuditActions.TwoFactorReset, nameof(StaffUser), target.Id.ToString(), target.AgencyId, null, ct);
        }
        return saved;
    }
}
